package org.lstmrepro.vanilla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lstmrepro.vanilla.Fixtures.H;
import static org.lstmrepro.vanilla.Fixtures.I;
import static org.lstmrepro.vanilla.Fixtures.K;
import static org.lstmrepro.vanilla.Fixtures.T;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.truncated.FullBptt;

/** The tensors each variant carries, the rows it leaves unused, and the constant error carousel. */
class CellStructureTest {

    /** Gate block positions in the stacked tensors (docs/formats.md: i, f, g, o). */
    private static final int I_BLOCK = 0;
    private static final int F_BLOCK = 1;
    private static final int O_BLOCK = 3;

    @ParameterizedTest
    @EnumSource(Variant.class)
    void tensorsFollowTheInterchangeLayout(Variant variant) {
        VanillaLstm net = new VanillaLstm(VanillaConfig.of(I, H, K, variant), RandomStream.root(1));
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        expected.put("weight_ih", List.of(4 * H, I));
        expected.put("weight_hh", List.of(4 * H, H));
        expected.put("bias", List.of(4 * H));
        if (variant != Variant.NP) {
            expected.put("peephole_i", List.of(H));
            expected.put("peephole_f", List.of(H));
            expected.put("peephole_o", List.of(H));
        }
        if (variant == Variant.FGR) {
            expected.put("weight_gate_recurrent", List.of(3 * H, 3 * H));
        }
        expected.put("output.weight", List.of(K, H));
        expected.put("output.bias", List.of(K));
        Map<String, List<Integer>> actual = new LinkedHashMap<>();
        for (Parameter p : net.parameters().all()) {
            actual.put(p.name(), Arrays.stream(p.shape()).boxed().toList());
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
        assertThat(net.parameters().get("output.weight").isOutputLayer()).isTrue();
        assertThat(net.parameters().get("output.bias").isOutputLayer()).isTrue();
        assertThat(net.parameters().get("weight_hh").isOutputLayer()).isFalse();
        assertThat(net.modelId()).isEqualTo("vanilla");
        assertThat(net.carrySize()).isEqualTo(variant == Variant.FGR ? 5 * H : 2 * H);
    }

    @Test
    void baselinesFollowTheInterchangeLayout() {
        SimpleRnn rnn = new SimpleRnn(BaselineConfig.of(I, H, K), RandomStream.root(1));
        assertThat(shapes(rnn.parameters())).containsExactly(
                "weight_ih" + List.of(H, I), "weight_hh" + List.of(H, H), "bias" + List.of(H),
                "output.weight" + List.of(K, H), "output.bias" + List.of(K));
        Gru gru = new Gru(BaselineConfig.of(I, H, K), RandomStream.root(1));
        assertThat(shapes(gru.parameters())).containsExactly(
                "weight_ih" + List.of(3 * H, I), "weight_hh" + List.of(3 * H, H), "bias_ih" + List.of(3 * H),
                "bias_hh" + List.of(3 * H), "output.weight" + List.of(K, H), "output.bias" + List.of(K));
        assertThat(rnn.modelId()).isEqualTo("rnn");
        assertThat(gru.modelId()).isEqualTo("gru");
    }

    private static List<String> shapes(ParameterSet p) {
        List<String> out = new ArrayList<>();
        for (Parameter q : p.all()) {
            out.add(q.name() + Arrays.stream(q.shape()).boxed().toList());
        }
        return out;
    }

    /** A gate a variant does not use: its stacked block, and its peephole tensor. */
    private record Unused(int block, String peephole) {
    }

    private static Unused unusedOf(Variant v) {
        return switch (v) {
            case NIG -> new Unused(I_BLOCK, "peephole_i");
            case NFG, CIFG -> new Unused(F_BLOCK, "peephole_f");
            case NOG -> new Unused(O_BLOCK, "peephole_o");
            default -> throw new IllegalArgumentException(v.id());
        };
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"NIG", "NFG", "NOG", "CIFG"})
    void rowsOfARemovedGateGetExactlyZeroGradient(Variant variant) {
        VanillaLstm net = Fixtures.lstm(variant, Fixtures.LINEAR, 51);
        Sequence s = Fixtures.sequence(RandomStream.root(52), T, I, K, true, Fixtures.LINEAR);
        ParameterSet p = net.parameters();
        p.zeroGradients();
        new FullBptt(net).accumulate(s, StepObserver.NONE, GradientListener.NONE);
        Unused unused = unusedOf(variant);
        int from = unused.block() * H;
        int to = from + H;
        assertThat(rows(p.get("weight_ih").gradient(), I, from, to)).containsOnly(0.0);
        assertThat(rows(p.get("weight_hh").gradient(), H, from, to)).containsOnly(0.0);
        assertThat(Arrays.copyOfRange(p.get("bias").gradient(), from, to)).containsOnly(0.0);
        assertThat(p.get(unused.peephole()).gradient()).containsOnly(0.0);
        // the block input rows are always used: their gradient is not zero, so the check above can fail
        assertThat(rows(p.get("weight_ih").gradient(), I, 2 * H, 3 * H)).doesNotContain(0.0);
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"NIG", "NFG", "NOG", "CIFG"})
    void rowsOfARemovedGateAreIgnoredByTheForwardPass(Variant variant) {
        VanillaLstm net = Fixtures.lstm(variant, Fixtures.LINEAR, 53);
        Sequence s = Fixtures.sequence(RandomStream.root(54), T, I, K, true, Fixtures.LINEAR);
        List<double[]> before = outputs(net, s);
        Unused unused = unusedOf(variant);
        ParameterSet p = net.parameters();
        int from = unused.block() * H;
        Arrays.fill(p.get("weight_ih").value(), from * I, (from + H) * I, 5.0);
        Arrays.fill(p.get("weight_hh").value(), from * H, (from + H) * H, -5.0);
        Arrays.fill(p.get("bias").value(), from, from + H, 3.0);
        Arrays.fill(p.get(unused.peephole()).value(), 7.0);
        List<double[]> after = outputs(net, s);
        for (int t = 0; t < T; t++) {
            assertThat(after.get(t)).as("output at step %d", t).containsExactly(before.get(t));
        }
    }

    private static List<double[]> outputs(VanillaLstm net, Sequence s) {
        List<double[]> out = new ArrayList<>();
        net.forward(s, (t, y) -> out.add(y.clone()));
        return out;
    }

    private static double[] rows(double[] matrix, int cols, int fromRow, int toRow) {
        return Arrays.copyOfRange(matrix, fromRow * cols, toRow * cols);
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"NIG", "NFG", "NOG", "CIFG"})
    void aRemovedGateIsConstant(Variant variant) {
        VanillaLstm net = Fixtures.lstm(variant, Fixtures.LINEAR, 55);
        Sequence s = Fixtures.sequence(RandomStream.root(56), 3, I, K, true, Fixtures.LINEAR);
        Trajectory tr = net.newTrajectory(3);
        for (int t = 0; t < 3; t++) {
            net.forwardStep(tr, t, s.inputs()[t]);
            double[] a = net.gateActivations(tr, t);
            for (int j = 0; j < H; j++) {
                switch (variant) {
                    case NIG -> assertThat(a[j]).isEqualTo(1.0);
                    case NFG -> assertThat(a[H + j]).isEqualTo(1.0);
                    case NOG -> assertThat(a[3 * H + j]).isEqualTo(1.0);
                    case CIFG -> assertThat(a[H + j]).isEqualTo(1.0 - a[j]);
                    default -> throw new IllegalStateException();
                }
            }
        }
    }

    /**
     * Runs T steps with no recurrent weights and no gate peepholes on c_{t-1}, the input and output
     * gates forced open (bias 40: σ(40) == 1.0 in double precision, so σ' is exactly 0), then
     * backward with only an error {@code e} on c_{T-1}. Returns the carried dE/dc_{-1}.
     */
    private static double[] carriedCellError(VanillaLstm net, double[][] x, double[] e) {
        ParameterSet p = net.parameters();
        Arrays.fill(p.get("weight_hh").value(), 0.0);
        Arrays.fill(p.get("peephole_i").value(), 0.0);
        Arrays.fill(p.get("peephole_f").value(), 0.0);
        Arrays.fill(p.get("bias").value(), I_BLOCK * H, I_BLOCK * H + H, 40.0);
        Arrays.fill(p.get("bias").value(), O_BLOCK * H, O_BLOCK * H + H, 40.0);
        Trajectory tr = net.newTrajectory(x.length);
        for (int t = 0; t < x.length; t++) {
            net.forwardStep(tr, t, x[t]);
        }
        double[] carry = new double[net.carrySize()];
        System.arraycopy(e, 0, carry, H, H);
        for (int t = x.length - 1; t >= 0; t--) {
            net.backwardStep(tr, t, null, carry);
        }
        return Arrays.copyOfRange(carry, H, 2 * H);
    }

    @Test
    void withoutForgetGateTheCellCarriesTheErrorBackUnchanged() {
        VanillaLstm net = Fixtures.lstm(Variant.NFG, Fixtures.LINEAR, 61);
        double[][] x = Fixtures.sequence(RandomStream.root(62), 50, I, K, false, Fixtures.LINEAR).inputs();
        double[] e = {0.3, -1.7, 2.5, 1e-3};
        assertThat(carriedCellError(net, x, e)).containsExactly(e);
    }

    @Test
    void withAForgetGateTheErrorDecaysByTheProductOfTheForgetActivations() {
        VanillaLstm net = Fixtures.lstm(Variant.VANILLA, Fixtures.LINEAR, 63);
        double[][] x = Fixtures.sequence(RandomStream.root(64), 20, I, K, false, Fixtures.LINEAR).inputs();
        double[] e = {0.3, -1.7, 2.5, 1.0};
        double[] carried = carriedCellError(net, x, e);
        // f_t = σ(W_f x_t + b_f), evaluated here: no recurrent weights and no peephole p_f
        double[] w = net.parameters().get("weight_ih").value();
        double[] b = net.parameters().get("bias").value();
        for (int j = 0; j < H; j++) {
            double product = 1;
            for (double[] xt : x) {
                double net1 = b[F_BLOCK * H + j];
                for (int k = 0; k < I; k++) {
                    net1 += w[(F_BLOCK * H + j) * I + k] * xt[k];
                }
                product *= 1 / (1 + Math.exp(-net1));
            }
            assertThat(carried[j]).as("cell %d", j).isCloseTo(e[j] * product, within(1e-15 + 1e-12 * Math.abs(e[j] * product)));
            assertThat(Math.abs(carried[j])).isLessThan(Math.abs(e[j]));
        }
    }
}
