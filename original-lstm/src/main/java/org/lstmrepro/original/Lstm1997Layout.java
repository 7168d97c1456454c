package org.lstmrepro.original;

/**
 * Sizes and index ranges of a 1997 LSTM, derived from its {@link Lstm1997Config}; the vectors named
 * here are the ones {@code docs/formats.md} documents.
 *
 * <p>The hidden-layer activation vector of step t is
 * {@code a(t) = [y^c (C cells, block-major: cell v of block j at j S + v), y^h (H hidden units),
 * y^in (B input gates), y^out (B output gates)]}. Hidden-layer units read the source vector
 * {@code z(t) = [x(t) (I inputs), a(t-1)[0, R)]}, where R = C + H + 2B, or C + H when the hidden layer
 * does not see the gates. Output units read {@code [a(t)[0, C + H), x(t) if outputs see the inputs]}.
 *
 * @param inputs          I
 * @param blocks          B
 * @param cellsPerBlock   S
 * @param cells           C = B S
 * @param hidden          H, conventional hidden units
 * @param units           A = C + H + 2B, length of a(t)
 * @param recurrentSources R, how many entries of a(t-1) the hidden layer reads
 * @param sources         N = I + R, length of z(t)
 * @param outputSources   M = C + H (+ I), columns of the output weight matrix
 * @param outputs         K
 */
public record Lstm1997Layout(int inputs, int blocks, int cellsPerBlock, int cells, int hidden, int units,
                             int recurrentSources, int sources, int outputSources, int outputs) {

    public static Lstm1997Layout of(Lstm1997Config c) {
        int cells = c.cells();
        int units = cells + c.hiddenUnits() + 2 * c.blocks();
        int recurrent = cells + c.hiddenUnits() + (c.hiddenLayerSeesGates() ? 2 * c.blocks() : 0);
        int outputSources = cells + c.hiddenUnits() + (c.outputsSeeInputs() ? c.inputSize() : 0);
        return new Lstm1997Layout(c.inputSize(), c.blocks(), c.cellsPerBlock(), cells, c.hiddenUnits(), units,
                recurrent, c.inputSize() + recurrent, outputSources, c.outputSize());
    }

    /** Index of the first hidden unit in a(t). */
    public int hiddenOffset() {
        return cells;
    }

    /** Index of the first input gate in a(t). */
    public int inputGateOffset() {
        return cells + hidden;
    }

    /** Index of the first output gate in a(t). */
    public int outputGateOffset() {
        return cells + hidden + blocks;
    }

    /** The block j of cell c. */
    public int blockOf(int cell) {
        return cell / cellsPerBlock;
    }

    /** Whether the output units read the inputs too. */
    public boolean outputsSeeInputs() {
        return outputSources > cells + hidden;
    }
}
