package org.lstmrepro.vanilla;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.gradcheck.GradientCheck;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.truncated.FullBptt;

/** Shared test data: small random sequences and weights, and the finite-difference gradient check. */
final class Fixtures {

    static final int I = 3;
    static final int H = 4;
    static final int K = 2;
    static final int T = 8;

    static final OutputUnits LINEAR = new OutputUnits(OutputActivation.LINEAR, Loss.SQUARED_ERROR);
    static final OutputUnits SIGMOID = new OutputUnits(OutputActivation.SIGMOID, Loss.SQUARED_ERROR);
    static final OutputUnits SOFTMAX = new OutputUnits(OutputActivation.SOFTMAX, Loss.CROSS_ENTROPY);

    private Fixtures() {
    }

    /**
     * T steps of inputs uniform in [-1, 1); targets at every step or at the last only, drawn to suit
     * the output units (one-hot for softmax, in (0, 1) for sigmoid, in [-1, 1) for linear).
     */
    static Sequence sequence(RandomStream r, int steps, int inputs, int outputs, boolean targetEveryStep,
                             OutputUnits units) {
        double[][] x = new double[steps][inputs];
        double[][] d = new double[steps][];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < inputs; i++) {
                x[t][i] = r.nextDouble(-1, 1);
            }
            if (targetEveryStep || t == steps - 1) {
                d[t] = new double[outputs];
                switch (units.activation()) {
                    case SOFTMAX -> d[t][r.nextInt(outputs)] = 1.0;
                    case SIGMOID -> {
                        for (int k = 0; k < outputs; k++) {
                            d[t][k] = r.nextDouble(0.1, 0.9);
                        }
                    }
                    case LINEAR -> {
                        for (int k = 0; k < outputs; k++) {
                            d[t][k] = r.nextDouble(-1, 1);
                        }
                    }
                }
            }
        }
        return new Sequence(x, d);
    }

    /** Every weight (biases included) uniform in [-range, range): nothing left at a special value. */
    static void randomise(ParameterSet parameters, RandomStream r, double range) {
        for (Parameter p : parameters.all()) {
            double[] w = p.value();
            for (int k = 0; k < w.length; k++) {
                w[k] = r.nextDouble(-range, range);
            }
        }
    }

    /**
     * Full BPTT's gradient against central differences of the forward loss. Step 1e-5: the losses
     * here are O(1 to 10), so round-off in the central difference is about ulp(E) / 2e-5, a few 1e-11,
     * and truncation about eps^2 / 6 = 2e-11 times a third derivative of order 1. The floor 1e-4
     * makes a derivative smaller than that be judged by its absolute error (below 1e-4 * tolerance
     * = 1e-10 for tolerance 1e-6), where those numeric errors would otherwise dominate.
     */
    static GradientCheck.Result gradientCheck(BpttNetwork network, Sequence sequence) {
        ParameterSet p = network.parameters();
        p.zeroGradients();
        new FullBptt(network).accumulate(sequence, StepObserver.NONE, GradientListener.NONE);
        return GradientCheck.withSteps(1e-5, 1e-4).check(p, q -> network.forward(sequence, StepObserver.NONE));
    }

    static VanillaLstm lstm(Variant variant, OutputUnits units, long seed) {
        VanillaConfig config = VanillaConfig.of(I, H, K, variant).withOutputUnits(units);
        VanillaLstm net = new VanillaLstm(config, RandomStream.root(seed).derive("init"));
        randomise(net.parameters(), RandomStream.root(seed).derive("weights"), 0.6);
        return net;
    }

    /** A copy of every parameter's gradient buffer, in parameter order. */
    static double[][] gradients(ParameterSet parameters) {
        return parameters.all().stream().map(p -> p.gradient().clone()).toArray(double[][]::new);
    }

    /** max_i |a_i - b_i| / max(|a_i|, |b_i|, floor). */
    static double maxRelativeDifference(double[] a, double[] b, double floor) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, GradientCheck.relativeError(a[i], b[i], floor));
        }
        return worst;
    }

    /** Random input sequences of the given lengths, targets at every step or the last only. */
    static java.util.List<Sequence> batch(RandomStream r, int[] lengths, boolean targetEveryStep, OutputUnits units) {
        java.util.List<Sequence> batch = new java.util.ArrayList<>();
        for (int len : lengths) {
            batch.add(sequence(r, len, I, K, targetEveryStep, units));
        }
        return batch;
    }
}
