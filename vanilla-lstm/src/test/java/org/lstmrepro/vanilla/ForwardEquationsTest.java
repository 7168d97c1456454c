package org.lstmrepro.vanilla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lstmrepro.vanilla.Fixtures.H;
import static org.lstmrepro.vanilla.Fixtures.I;
import static org.lstmrepro.vanilla.Fixtures.K;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;

/**
 * The forward passes against the published equations, evaluated here independently with scalar
 * loops: docs/models.md (M12-M17) for every variant, and PyTorch's documented {@code nn.LSTM}, {@code nn.GRU}
 * and {@code nn.RNN} equations for the interchange layout.
 */
class ForwardEquationsTest {

    private static final int STEPS = 4;

    private static double sigma(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Row {@code row} of a row-major [rows, cols] matrix times {@code v}. */
    private static double dot(double[] m, int row, double[] v) {
        double s = 0;
        for (int k = 0; k < v.length; k++) {
            s += m[row * v.length + k] * v[k];
        }
        return s;
    }

    private static double[][] inputs(long seed) {
        RandomStream r = RandomStream.root(seed);
        double[][] x = new double[STEPS][I];
        for (double[] row : x) {
            for (int k = 0; k < I; k++) {
                row[k] = r.nextDouble(-1, 1);
            }
        }
        return x;
    }

    /**
     * docs/models.md (M12-M17), written out per variant from the variant table (not from
     * {@link CellStructure}). Returns {y_t, c_t} for every step.
     */
    private static double[][][] greff(ParameterSet p, Variant v, double[][] x) {
        double[] w = p.get("weight_ih").value();
        double[] r = p.get("weight_hh").value();
        double[] b = p.get("bias").value();
        boolean peep = v != Variant.NP;
        double[] pi = peep ? p.get("peephole_i").value() : new double[H];
        double[] pf = peep ? p.get("peephole_f").value() : new double[H];
        double[] po = peep ? p.get("peephole_o").value() : new double[H];
        double[] gRec = v == Variant.FGR ? p.get("weight_gate_recurrent").value() : null;
        double[] y = new double[H];
        double[] c = new double[H];
        double[] gatesPrev = new double[3 * H]; // i, f, o at t - 1
        double[][][] result = new double[x.length][][];
        for (int t = 0; t < x.length; t++) {
            double[] yNew = new double[H];
            double[] cNew = new double[H];
            double[] gates = new double[3 * H];
            for (int j = 0; j < H; j++) {
                // rows: i at j, f at H + j, z at 2H + j, o at 3H + j
                double iBar = dot(w, j, x[t]) + dot(r, j, y) + pi[j] * c[j] + b[j];
                double fBar = dot(w, H + j, x[t]) + dot(r, H + j, y) + pf[j] * c[j] + b[H + j];
                double zBar = dot(w, 2 * H + j, x[t]) + dot(r, 2 * H + j, y) + b[2 * H + j];
                double oBar = dot(w, 3 * H + j, x[t]) + dot(r, 3 * H + j, y) + b[3 * H + j];
                if (gRec != null) {
                    iBar += dot(gRec, j, gatesPrev);
                    fBar += dot(gRec, H + j, gatesPrev);
                    oBar += dot(gRec, 2 * H + j, gatesPrev);
                }
                double z = v == Variant.NIAF ? zBar : Math.tanh(zBar);
                double i = v == Variant.NIG ? 1 : sigma(iBar);
                double f = switch (v) {
                    case NFG -> 1;
                    case CIFG -> 1 - i;
                    default -> sigma(fBar);
                };
                cNew[j] = z * i + c[j] * f;
                double o = v == Variant.NOG ? 1 : sigma(oBar + po[j] * cNew[j]);
                yNew[j] = (v == Variant.NOAF ? cNew[j] : Math.tanh(cNew[j])) * o;
                gates[j] = i;
                gates[H + j] = f;
                gates[2 * H + j] = o;
            }
            y = yNew;
            c = cNew;
            gatesPrev = gates;
            result[t] = new double[][] {y, c};
        }
        return result;
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyVariantFollowsTheGreffEquations(Variant variant) {
        VanillaLstm net = Fixtures.lstm(variant, Fixtures.LINEAR, 21);
        double[][] x = inputs(4);
        double[][][] expected = greff(net.parameters(), variant, x);
        Trajectory tr = net.newTrajectory(STEPS);
        double[] wOut = net.parameters().get("output.weight").value();
        double[] bOut = net.parameters().get("output.bias").value();
        for (int t = 0; t < STEPS; t++) {
            net.forwardStep(tr, t, x[t]);
            assertThat(net.blockOutput(tr, t)).as("y at step %d", t).containsExactly(expected[t][0], within(1e-14));
            assertThat(net.cellState(tr, t)).as("c at step %d", t).containsExactly(expected[t][1], within(1e-14));
            for (int k = 0; k < K; k++) {
                assertThat(net.output(tr, t)[k]).as("linear output %d at step %d", k, t)
                        .isCloseTo(dot(wOut, k, expected[t][0]) + bOut[k], within(1e-14));
            }
        }
    }

    @Test
    void noPeepholeCellIsTorchLstmWithBiasHhZero() {
        // torch.nn.LSTM documentation: i = σ(W_ii x + b_ii + W_hi h + b_hi), f likewise with W_if,
        // g = tanh(W_ig x + b_ig + W_hg h + b_hg), o = σ(W_io x + ...), c' = f ⊙ c + i ⊙ g,
        // h' = o ⊙ tanh(c'); weight_ih_l0 = [W_ii; W_if; W_ig; W_io]; here bias_ih = bias, bias_hh = 0.
        VanillaLstm net = Fixtures.lstm(Variant.NP, Fixtures.LINEAR, 31);
        double[] wIh = net.parameters().get("weight_ih").value();
        double[] wHh = net.parameters().get("weight_hh").value();
        double[] bIh = net.parameters().get("bias").value();
        double[][] x = inputs(5);
        double[] h = new double[H];
        double[] c = new double[H];
        Trajectory tr = net.newTrajectory(2);
        for (int t = 0; t < STEPS; t++) {
            double[] hNew = new double[H];
            double[] cNew = new double[H];
            for (int j = 0; j < H; j++) {
                double i = sigma(dot(wIh, j, x[t]) + bIh[j] + dot(wHh, j, h));
                double f = sigma(dot(wIh, H + j, x[t]) + bIh[H + j] + dot(wHh, H + j, h));
                double g = Math.tanh(dot(wIh, 2 * H + j, x[t]) + bIh[2 * H + j] + dot(wHh, 2 * H + j, h));
                double o = sigma(dot(wIh, 3 * H + j, x[t]) + bIh[3 * H + j] + dot(wHh, 3 * H + j, h));
                cNew[j] = f * c[j] + i * g;
                hNew[j] = o * Math.tanh(cNew[j]);
            }
            h = hNew;
            c = cNew;
            net.forwardStep(tr, t, x[t]);
            assertThat(net.blockOutput(tr, t)).as("h at step %d", t).containsExactly(h, within(1e-14));
            assertThat(net.cellState(tr, t)).as("c at step %d", t).containsExactly(c, within(1e-14));
        }
    }

    @Test
    void gruIsTorchGru() {
        // torch.nn.GRU documentation: r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz),
        // n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 - z) ⊙ n + z ⊙ h; blocks stacked r, z, n.
        Gru net = new Gru(BaselineConfig.of(I, H, K), RandomStream.root(1));
        Fixtures.randomise(net.parameters(), RandomStream.root(41), 0.8);
        double[] wIh = net.parameters().get("weight_ih").value();
        double[] wHh = net.parameters().get("weight_hh").value();
        double[] bIh = net.parameters().get("bias_ih").value();
        double[] bHh = net.parameters().get("bias_hh").value();
        double[][] x = inputs(6);
        double[] h = new double[H];
        Trajectory tr = net.newTrajectory(2);
        for (int t = 0; t < STEPS; t++) {
            double[] hNew = new double[H];
            for (int j = 0; j < H; j++) {
                double r = sigma(dot(wIh, j, x[t]) + bIh[j] + dot(wHh, j, h) + bHh[j]);
                double z = sigma(dot(wIh, H + j, x[t]) + bIh[H + j] + dot(wHh, H + j, h) + bHh[H + j]);
                double n = Math.tanh(dot(wIh, 2 * H + j, x[t]) + bIh[2 * H + j]
                        + r * (dot(wHh, 2 * H + j, h) + bHh[2 * H + j]));
                hNew[j] = (1 - z) * n + z * h[j];
            }
            h = hNew;
            net.forwardStep(tr, t, x[t]);
            assertThat(net.hidden(tr, t)).as("h at step %d", t).containsExactly(h, within(1e-14));
        }
    }

    @Test
    void simpleRnnIsTorchRnnWithBiasHhZero() {
        // torch.nn.RNN documentation: h' = tanh(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh); here b_ih = bias, b_hh = 0.
        SimpleRnn net = new SimpleRnn(BaselineConfig.of(I, H, K), RandomStream.root(1));
        Fixtures.randomise(net.parameters(), RandomStream.root(42), 0.8);
        double[] wIh = net.parameters().get("weight_ih").value();
        double[] wHh = net.parameters().get("weight_hh").value();
        double[] b = net.parameters().get("bias").value();
        double[][] x = inputs(7);
        double[] h = new double[H];
        Trajectory tr = net.newTrajectory(2);
        for (int t = 0; t < STEPS; t++) {
            double[] hNew = new double[H];
            for (int j = 0; j < H; j++) {
                hNew[j] = Math.tanh(dot(wIh, j, x[t]) + b[j] + dot(wHh, j, h));
            }
            h = hNew;
            net.forwardStep(tr, t, x[t]);
            assertThat(net.hidden(tr, t)).as("h at step %d", t).containsExactly(h, within(1e-14));
        }
    }
}
