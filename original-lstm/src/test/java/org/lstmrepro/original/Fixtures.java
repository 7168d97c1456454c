package org.lstmrepro.original;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;

/** Small random networks and sequences for the tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** 3 inputs, 2 blocks of 2 cells, 1 hidden unit, 2 outputs: every kind of unit and path present. */
    static Lstm1997Config smallConfig(OutputActivation activation) {
        return Lstm1997Config.of(3, 2, 2, 2).withHiddenUnits(1).withOutputActivation(activation);
    }

    /** A network with weights uniform in [-range, range] (large enough that every path matters). */
    static Lstm1997Network network(Lstm1997Config config, double range, long seed) {
        Lstm1997Network net = new Lstm1997Network(config.withInitRange(range));
        Lstm1997Initializer.initialize(net.config(), net.parameters(), RandomStream.root(seed));
        return net;
    }

    /**
     * A random sequence; targets in (0, 1) at the steps listed ({@code -1} means the last step).
     */
    static Sequence sequence(int inputs, int outputs, int steps, long seed, int... targetSteps) {
        RandomStream r = RandomStream.root(seed).derive("sequence");
        double[][] x = new double[steps][inputs];
        double[][] d = new double[steps][];
        for (double[] row : x) {
            for (int i = 0; i < inputs; i++) {
                row[i] = r.nextDouble(-1, 1);
            }
        }
        for (int t : targetSteps) {
            int step = t < 0 ? steps + t : t;
            d[step] = new double[outputs];
            for (int k = 0; k < outputs; k++) {
                d[step][k] = r.nextDouble(0.05, 0.95);
            }
        }
        return new Sequence(x, d);
    }

    /** A copy of every gradient buffer, by parameter, in the set's order. */
    static double[][] gradients(ParameterSet p) {
        double[][] g = new double[p.all().size()][];
        int i = 0;
        for (Parameter q : p.all()) {
            g[i++] = q.gradient().clone();
        }
        return g;
    }

    /** Largest relative difference |a - b| / max(|a|, |b|, floor) over one parameter's entries. */
    static double maxRelativeDifference(double[] a, double[] b, double floor) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            double denom = Math.max(Math.max(Math.abs(a[i]), Math.abs(b[i])), floor);
            worst = Math.max(worst, Math.abs(a[i] - b[i]) / denom);
        }
        return worst;
    }

    /**
     * A random sequence of one-hot inputs (each step one of {@code inputs} symbols at value 1, the rest
     * 0, as in Experiment 2c), with some steps all zero; targets in (0, 1) at the steps listed.
     */
    static Sequence oneHotSequence(int inputs, int outputs, int steps, long seed, int... targetSteps) {
        Sequence dense = sequence(inputs, outputs, steps, seed, targetSteps);
        RandomStream r = RandomStream.root(seed).derive("symbols");
        double[][] x = new double[steps][inputs];
        for (int t = 0; t < steps; t++) {
            if (t % 7 != 3) {
                x[t][r.nextInt(inputs)] = 1.0;
            }
        }
        return new Sequence(x, dense.targets());
    }

    /**
     * Cases under the appendix's timing (appendix A.1: the output reads the cells of t-1, the hidden layer
     * x(t-1)) for the gradient tests: name, config, target steps.
     */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> appendixCases() {
        Lstm1997Config small = smallConfig(OutputActivation.SIGMOID);
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("appendix timing, last step",
                        small.withTiming(Lstm1997Config.Timing.APPENDIX), new int[] {-1}),
                org.junit.jupiter.params.provider.Arguments.of("appendix timing, linear, from the first step",
                        small.withOutputActivation(OutputActivation.LINEAR).withTiming(Lstm1997Config.Timing.APPENDIX),
                        new int[] {0, 1, 5, 6, 11}),
                org.junit.jupiter.params.provider.Arguments.of("appendix timing, gates unseen, 3 cells per block",
                        Lstm1997Config.of(2, 2, 3, 1).withHiddenLayerSeesGates(false)
                                .withTiming(Lstm1997Config.Timing.APPENDIX), new int[] {4, 11}));
    }
}
