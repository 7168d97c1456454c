package org.lstmrepro.original;

import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;

/**
 * A named network setting of one of the paper's experiments: the network's configuration, the
 * learning rate of the paper's online updates, and where in the paper it comes from.
 *
 * @param name         the preset's name, e.g. {@code adding}
 * @param config       the network
 * @param learningRate the paper's learning rate alpha (plain gradient steps, online)
 * @param source       the section of Hochreiter and Schmidhuber (1997) and any deviation from it
 * @param weightGroups weights the experiment fixes (e.g. Experiment 2c's "no biases"), or
 *                     {@link WeightGroups#NONE}
 */
public record Preset1997(String name, Lstm1997Config config, double learningRate, String source,
                         WeightGroups weightGroups) {

    /** A preset that fixes no weights. */
    public Preset1997(String name, Lstm1997Config config, double learningRate, String source) {
        this(name, config, learningRate, source, WeightGroups.NONE);
    }

    public Preset1997 {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a preset needs a name");
        }
        if (weightGroups == null) {
            weightGroups = WeightGroups.NONE;
        }
        if (config == null) {
            throw new IllegalArgumentException("preset " + name + " needs a network configuration");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("preset " + name + ": learning rate must be a positive number, was "
                    + learningRate);
        }
    }

    /** A new network of this preset's shape, with zero weights (see {@link #initialize}). */
    public Lstm1997Network newNetwork() {
        return new Lstm1997Network(config);
    }

    /** Weights uniform in [-range, range], then the preset's gate biases ({@link Lstm1997Initializer}). */
    public void initialize(ParameterSet parameters, RandomStream random) {
        Lstm1997Initializer.initialize(config, parameters, random);
    }
}
