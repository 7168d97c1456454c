package org.lstmrepro.vanilla;

import org.lstmrepro.core.loss.OutputUnits;

/**
 * Everything needed to build a {@link SimpleRnn} or a {@link Gru}. Biases start at 0.
 *
 * @param inputSize      I
 * @param hiddenSize     H
 * @param outputSize     K
 * @param outputUnits    activation and loss of the output units
 * @param initialisation distribution of the initial weights
 */
public record BaselineConfig(int inputSize, int hiddenSize, int outputSize, OutputUnits outputUnits,
                             Initialisation initialisation) {

    public BaselineConfig {
        Sizes.check(inputSize, hiddenSize, outputSize);
        if (outputUnits == null) {
            throw new IllegalArgumentException("a network configuration needs output units");
        }
        if (initialisation == null) {
            throw new IllegalArgumentException("a network configuration needs an initialisation");
        }
    }

    /** I inputs, H hidden units, K linear outputs with squared error, uniform +-0.1 weights. */
    public static BaselineConfig of(int inputSize, int hiddenSize, int outputSize) {
        return new BaselineConfig(inputSize, hiddenSize, outputSize, VanillaConfig.LINEAR_SQUARED_ERROR,
                Initialisation.DEFAULT);
    }

    public BaselineConfig withOutputUnits(OutputUnits units) {
        return new BaselineConfig(inputSize, hiddenSize, outputSize, units, initialisation);
    }

    public BaselineConfig withInitialisation(Initialisation init) {
        return new BaselineConfig(inputSize, hiddenSize, outputSize, outputUnits, init);
    }
}
