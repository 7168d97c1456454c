package org.lstmrepro.original;

import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;

/**
 * The initial weights of a 1997 LSTM (Hochreiter and Schmidhuber 1997, section 5): every weight and
 * bias uniform in [-range, range], then the configured per-block gate biases ("state drift versus
 * initial bias": input gates biased towards zero activation).
 *
 * <p>Draw order, so that another implementation can reproduce a run: the parameters in the order of
 * the {@link ParameterSet} (see {@link Lstm1997Network}), each row-major, one
 * {@link RandomStream#nextDouble(double, double)} per value; the preset biases then overwrite
 * {@code input_gate.bias} and {@code output_gate.bias} (their drawn values are discarded).
 */
public final class Lstm1997Initializer {

    private Lstm1997Initializer() {
    }

    /** Initialises the parameters of a network built from {@code config}. */
    public static void initialize(Lstm1997Config config, ParameterSet parameters, RandomStream random) {
        double range = config.initRange();
        for (Parameter p : parameters.all()) {
            double[] v = p.value();
            for (int i = 0; i < v.length; i++) {
                v[i] = range == 0 ? 0.0 : random.nextDouble(-range, range);
            }
        }
        overwrite(parameters.get("input_gate.bias"), config.inputGateBiases());
        overwrite(parameters.get("output_gate.bias"), config.outputGateBiases());
    }

    private static void overwrite(Parameter bias, double[] values) {
        if (values.length == 0) {
            return;
        }
        if (values.length != bias.size()) {
            throw new IllegalArgumentException(bias.name() + " has " + bias.size() + " entries, the configuration gives "
                    + values.length);
        }
        System.arraycopy(values, 0, bias.value(), 0, values.length);
    }
}
