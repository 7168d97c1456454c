package org.lstmrepro.reports.run;

/**
 * Overrides of a model's defaults (the paper's preset where there is one). Every field may be null,
 * meaning "the default".
 *
 * @param blocks            1997: memory cell blocks
 * @param cellsPerBlock     1997: cells per block
 * @param hiddenSize        vanilla, rnn, gru: hidden units
 * @param outputActivation  linear, sigmoid or softmax (default: the task's)
 * @param initRange         initial weights uniform in [-r, r]
 * @param inputGateBiases   1997: initial input-gate bias per block; vanilla: one value for all cells
 * @param outputGateBiases  1997: initial output-gate bias per block; vanilla: one value for all cells
 * @param forgetGateBias    vanilla: initial forget-gate bias
 * @param derivativeClip    vanilla: Graves (2013) clipping of dE/d(net inputs) in the backward pass; 0 = off
 * @param weightInit        vanilla, rnn, gru: {@code uniform:R} or {@code gaussian:S} (instead of initRange)
 * @param recurrentInit     vanilla, rnn, gru: {@code same} (as the other weights) or {@code orthogonal}
 * @param weightGroups      1997: per-group initial values and learning-rate factors, or a named reading
 *                          ({@link org.lstmrepro.original.WeightGroups})
 */
public record ModelOptions(Integer blocks, Integer cellsPerBlock, Integer hiddenSize, String outputActivation,
                           Double initRange, double[] inputGateBiases, double[] outputGateBiases,
                           Double forgetGateBias, Double derivativeClip, String weightInit, String recurrentInit,
                           String weightGroups) {

    public static final ModelOptions DEFAULTS =
            new ModelOptions(null, null, null, null, null, null, null, null, null, null, null, null);
}
