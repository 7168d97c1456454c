package org.lstmrepro.vanilla;

import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.loss.OutputUnits;

/**
 * Everything needed to build a {@link VanillaLstm}: one layer of {@code hiddenSize} LSTM blocks (one
 * cell each) of the given variant, fed by {@code inputSize} inputs, read by {@code outputSize}
 * output units.
 *
 * <p>Biases start at constants: the input, forget and output gate biases below (Gers, Schmidhuber
 * and Cummins 2000 and Jozefowicz et al. 2015 suggest a positive forget gate bias such as +1, so the
 * cell remembers at first), the block input and output layer biases at 0. A gate bias for a gate
 * the variant does not have is written into that gate's (unused) rows and has no effect.
 *
 * @param inputSize        I
 * @param hiddenSize       H, the number of blocks
 * @param outputSize       K
 * @param variant          which of the nine cells
 * @param outputUnits      activation and loss of the output units
 * @param initialisation   distribution of the initial weights
 * @param inputGateBias    initial b_i
 * @param forgetGateBias   initial b_f
 * @param outputGateBias   initial b_o
 * @param derivativeClip   Graves (2013) derivative clipping: during the backward pass each dE/d(net input)
 *                         of the LSTM layer (z̄, ī, f̄, ō) is clipped to [-derivativeClip, derivativeClip];
 *                         {@link #NO_DERIVATIVE_CLIP} (0) turns it off
 */
public record VanillaConfig(int inputSize, int hiddenSize, int outputSize, Variant variant, OutputUnits outputUnits,
                            Initialisation initialisation, double inputGateBias, double forgetGateBias,
                            double outputGateBias, double derivativeClip) {

    /** The value of {@code derivativeClip} that turns derivative clipping off (the default). */
    public static final double NO_DERIVATIVE_CLIP = 0;

    /** Linear output units with squared error: the default. */
    public static final OutputUnits LINEAR_SQUARED_ERROR = new OutputUnits(OutputActivation.LINEAR, Loss.SQUARED_ERROR);

    public VanillaConfig {
        Sizes.check(inputSize, hiddenSize, outputSize);
        if (variant == null) {
            throw new IllegalArgumentException("an LSTM configuration needs a variant (vanilla, NIG, NFG, NOG, NIAF, NOAF, NP, CIFG or FGR)");
        }
        if (outputUnits == null) {
            throw new IllegalArgumentException("an LSTM configuration needs output units");
        }
        if (initialisation == null) {
            throw new IllegalArgumentException("an LSTM configuration needs an initialisation");
        }
        checkFinite("inputGateBias", inputGateBias);
        checkFinite("forgetGateBias", forgetGateBias);
        checkFinite("outputGateBias", outputGateBias);
        if (!(derivativeClip >= 0) || Double.isInfinite(derivativeClip)) {
            throw new IllegalArgumentException("derivativeClip must be 0 (off) or a positive finite limit, was "
                    + derivativeClip);
        }
    }

    /** A configuration without derivative clipping. */
    public VanillaConfig(int inputSize, int hiddenSize, int outputSize, Variant variant, OutputUnits outputUnits,
                         Initialisation initialisation, double inputGateBias, double forgetGateBias,
                         double outputGateBias) {
        this(inputSize, hiddenSize, outputSize, variant, outputUnits, initialisation, inputGateBias, forgetGateBias,
                outputGateBias, NO_DERIVATIVE_CLIP);
    }

    /** Whether the backward pass clips the net-input derivatives (Graves 2013). */
    public boolean clipsDerivatives() {
        return derivativeClip > 0;
    }

    /** I inputs, H blocks, K outputs of the variant, with the defaults: linear outputs, squared error, uniform +-0.1, zero biases. */
    public static VanillaConfig of(int inputSize, int hiddenSize, int outputSize, Variant variant) {
        return new VanillaConfig(inputSize, hiddenSize, outputSize, variant, LINEAR_SQUARED_ERROR,
                Initialisation.DEFAULT, 0, 0, 0);
    }

    public VanillaConfig withVariant(Variant v) {
        return new VanillaConfig(inputSize, hiddenSize, outputSize, v, outputUnits, initialisation,
                inputGateBias, forgetGateBias, outputGateBias, derivativeClip);
    }

    public VanillaConfig withOutputUnits(OutputUnits units) {
        return new VanillaConfig(inputSize, hiddenSize, outputSize, variant, units, initialisation,
                inputGateBias, forgetGateBias, outputGateBias, derivativeClip);
    }

    public VanillaConfig withInitialisation(Initialisation init) {
        return new VanillaConfig(inputSize, hiddenSize, outputSize, variant, outputUnits, init,
                inputGateBias, forgetGateBias, outputGateBias, derivativeClip);
    }

    /** The initial biases of the input, forget and output gates. */
    public VanillaConfig withGateBiases(double input, double forget, double output) {
        return new VanillaConfig(inputSize, hiddenSize, outputSize, variant, outputUnits, initialisation,
                input, forget, output, derivativeClip);
    }

    /** Graves (2013) derivative clipping to [-limit, limit]; {@link #NO_DERIVATIVE_CLIP} turns it off. */
    public VanillaConfig withDerivativeClip(double limit) {
        return new VanillaConfig(inputSize, hiddenSize, outputSize, variant, outputUnits, initialisation,
                inputGateBias, forgetGateBias, outputGateBias, limit);
    }

    private static void checkFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, was " + v);
        }
    }
}
