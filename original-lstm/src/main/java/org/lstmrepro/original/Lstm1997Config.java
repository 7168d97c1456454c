package org.lstmrepro.original;

import java.util.Arrays;

import org.lstmrepro.core.loss.OutputActivation;

/**
 * The shape of a 1997 LSTM network (Hochreiter and Schmidhuber 1997, sections 4-5): memory cell blocks
 * with input and output gates, optional conventional hidden units, output units with squared error.
 *
 * <p>Defaults ({@link #of}) are the topology of the paper's experiments: cells, gates and hidden units
 * read all input units, all hidden-layer units of the previous step (cells, gates, hidden units) and a
 * bias; output units read the cells and hidden units of the current step and a bias. This gives the
 * paper's weight counts (adding problem 93, temporal order 6a 156, 6b 308). The tensor layout is in
 * {@code docs/formats.md}.
 *
 * @param inputSize            input units I, at least 1
 * @param blocks               memory cell blocks B, at least 1
 * @param cellsPerBlock        cells per block S, at least 1
 * @param hiddenUnits          conventional (logistic) hidden units, at least 0
 * @param outputSize           output units K, at least 1
 * @param outputActivation     activation of the output units (the loss is squared error)
 * @param initRange            initial weights are drawn uniformly from [-initRange, initRange]
 * @param inputGateBiases      initial input-gate bias per block, or empty to draw them like the other
 *                             weights
 * @param outputGateBiases     initial output-gate bias per block, or empty to draw them
 * @param hiddenLayerSeesGates whether hidden-layer units read the gates' previous activations (true
 *                             in the paper's topology)
 * @param outputsSeeInputs     whether output units also read the current input units (false in the
 *                             paper's topology)
 * @param timing               when each layer reads its sources ({@link Timing}; the experiments' by default)
 */
public record Lstm1997Config(int inputSize, int blocks, int cellsPerBlock, int hiddenUnits, int outputSize,
                             OutputActivation outputActivation, double initRange, double[] inputGateBiases,
                             double[] outputGateBiases, boolean hiddenLayerSeesGates, boolean outputsSeeInputs,
                             Timing timing) {

    /**
     * When the layers read their sources (Hochreiter and Schmidhuber 1997; docs/models.md, "Timing").
     */
    public enum Timing {
        /**
         * Section 5's experiments: within one step, input, then hidden layer (reading x(t) and the hidden
         * layer of t-1), then output layer (reading the cells of t). The default.
         */
        EXPERIMENTS("experiments"),
        /**
         * Appendix A.1: every unit reads its sources' activations of t-1, so the hidden layer reads
         * x(t-1) and the output layer the cells of t-1.
         */
        APPENDIX("appendix");

        private final String id;

        Timing(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The timing of that id; an error listing the ids otherwise. */
        public static Timing fromId(String id) {
            for (Timing t : values()) {
                if (t.id.equals(id)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown timing '" + id + "' (expected experiments or appendix)");
        }
    }

    /** The experiments' timing ({@link Timing#EXPERIMENTS}). */
    public Lstm1997Config(int inputSize, int blocks, int cellsPerBlock, int hiddenUnits, int outputSize,
                          OutputActivation outputActivation, double initRange, double[] inputGateBiases,
                          double[] outputGateBiases, boolean hiddenLayerSeesGates, boolean outputsSeeInputs) {
        this(inputSize, blocks, cellsPerBlock, hiddenUnits, outputSize, outputActivation, initRange, inputGateBiases,
                outputGateBiases, hiddenLayerSeesGates, outputsSeeInputs, Timing.EXPERIMENTS);
    }

    /** The paper's initial weight range, [-0.1, 0.1]. */
    public static final double DEFAULT_INIT_RANGE = 0.1;

    public Lstm1997Config {
        requireAtLeast("inputSize", inputSize, 1);
        requireAtLeast("blocks", blocks, 1);
        requireAtLeast("cellsPerBlock", cellsPerBlock, 1);
        requireAtLeast("hiddenUnits", hiddenUnits, 0);
        requireAtLeast("outputSize", outputSize, 1);
        if (outputActivation == null) {
            throw new IllegalArgumentException("outputActivation must be given (linear, sigmoid or softmax)");
        }
        if (!(initRange >= 0) || !Double.isFinite(initRange)) {
            throw new IllegalArgumentException("initRange must be a finite number >= 0, was " + initRange);
        }
        inputGateBiases = checkBiases("inputGateBiases", inputGateBiases, blocks);
        outputGateBiases = checkBiases("outputGateBiases", outputGateBiases, blocks);
        if (timing == null) {
            timing = Timing.EXPERIMENTS;
        }
        if (timing == Timing.APPENDIX && outputsSeeInputs) {
            throw new IllegalArgumentException("the appendix timing is implemented for output units that read the cells"
                    + " (and hidden units) only, the paper's topology; outputsSeeInputs must be false");
        }
    }

    /** The same network with another timing. */
    public Lstm1997Config withTiming(Timing t) {
        return new Lstm1997Config(inputSize, blocks, cellsPerBlock, hiddenUnits, outputSize, outputActivation,
                initRange, inputGateBiases, outputGateBiases, hiddenLayerSeesGates, outputsSeeInputs, t);
    }

    /**
     * The paper's topology with I inputs, B blocks of S cells and K outputs: no hidden units, logistic
     * outputs, weights in [-0.1, 0.1], all biases drawn.
     */
    public static Lstm1997Config of(int inputSize, int blocks, int cellsPerBlock, int outputSize) {
        return new Lstm1997Config(inputSize, blocks, cellsPerBlock, 0, outputSize, OutputActivation.SIGMOID,
                DEFAULT_INIT_RANGE, null, null, true, false);
    }

    public Lstm1997Config withHiddenUnits(int n) {
        return new Lstm1997Config(inputSize, blocks, cellsPerBlock, n, outputSize, outputActivation, initRange,
                inputGateBiases, outputGateBiases, hiddenLayerSeesGates, outputsSeeInputs, timing);
    }

    public Lstm1997Config withOutputActivation(OutputActivation a) {
        return new Lstm1997Config(inputSize, blocks, cellsPerBlock, hiddenUnits, outputSize, a, initRange,
                inputGateBiases, outputGateBiases, hiddenLayerSeesGates, outputsSeeInputs, timing);
    }

    public Lstm1997Config withInitRange(double range) {
        return new Lstm1997Config(inputSize, blocks, cellsPerBlock, hiddenUnits, outputSize, outputActivation, range,
                inputGateBiases, outputGateBiases, hiddenLayerSeesGates, outputsSeeInputs, timing);
    }

    /** Initial input-gate biases, one per block (none: drawn like the other weights). */
    public Lstm1997Config withInputGateBiases(double... biases) {
        return new Lstm1997Config(inputSize, blocks, cellsPerBlock, hiddenUnits, outputSize, outputActivation,
                initRange, biases, outputGateBiases, hiddenLayerSeesGates, outputsSeeInputs, timing);
    }

    /** Initial output-gate biases, one per block (none: drawn like the other weights). */
    public Lstm1997Config withOutputGateBiases(double... biases) {
        return new Lstm1997Config(inputSize, blocks, cellsPerBlock, hiddenUnits, outputSize, outputActivation,
                initRange, inputGateBiases, biases, hiddenLayerSeesGates, outputsSeeInputs, timing);
    }

    public Lstm1997Config withHiddenLayerSeesGates(boolean sees) {
        return new Lstm1997Config(inputSize, blocks, cellsPerBlock, hiddenUnits, outputSize, outputActivation,
                initRange, inputGateBiases, outputGateBiases, sees, outputsSeeInputs, timing);
    }

    public Lstm1997Config withOutputsSeeInputs(boolean sees) {
        return new Lstm1997Config(inputSize, blocks, cellsPerBlock, hiddenUnits, outputSize, outputActivation,
                initRange, inputGateBiases, outputGateBiases, hiddenLayerSeesGates, sees, timing);
    }

    /** Number of memory cells C = B S. */
    public int cells() {
        return blocks * cellsPerBlock;
    }

    /** A copy (empty: drawn). */
    @Override
    public double[] inputGateBiases() {
        return inputGateBiases.clone();
    }

    /** A copy (empty: drawn). */
    @Override
    public double[] outputGateBiases() {
        return outputGateBiases.clone();
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
    }

    private static double[] checkBiases(String name, double[] biases, int blocks) {
        if (biases == null || biases.length == 0) {
            return new double[0];
        }
        if (biases.length != blocks) {
            throw new IllegalArgumentException(name + " needs one value per block (" + blocks + "), got "
                    + biases.length + ": " + Arrays.toString(biases));
        }
        for (double b : biases) {
            if (!Double.isFinite(b)) {
                throw new IllegalArgumentException(name + " must be finite, got " + Arrays.toString(biases));
            }
        }
        return biases.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lstm1997Config c && inputSize == c.inputSize && blocks == c.blocks
                && cellsPerBlock == c.cellsPerBlock && hiddenUnits == c.hiddenUnits && outputSize == c.outputSize
                && outputActivation == c.outputActivation && Double.compare(initRange, c.initRange) == 0
                && Arrays.equals(inputGateBiases, c.inputGateBiases) && Arrays.equals(outputGateBiases, c.outputGateBiases)
                && hiddenLayerSeesGates == c.hiddenLayerSeesGates && outputsSeeInputs == c.outputsSeeInputs
                && timing == c.timing;
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hash(inputSize, blocks, cellsPerBlock, hiddenUnits, outputSize, outputActivation,
                initRange, hiddenLayerSeesGates, outputsSeeInputs, timing);
        return 31 * (31 * h + Arrays.hashCode(inputGateBiases)) + Arrays.hashCode(outputGateBiases);
    }

    @Override
    public String toString() {
        return "Lstm1997Config[inputSize=" + inputSize + ", blocks=" + blocks + ", cellsPerBlock=" + cellsPerBlock
                + ", hiddenUnits=" + hiddenUnits + ", outputSize=" + outputSize + ", outputActivation="
                + outputActivation.id() + ", initRange=" + initRange + ", inputGateBiases="
                + Arrays.toString(inputGateBiases) + ", outputGateBiases=" + Arrays.toString(outputGateBiases)
                + ", hiddenLayerSeesGates=" + hiddenLayerSeesGates + ", outputsSeeInputs=" + outputsSeeInputs
                + ", timing=" + timing.id() + "]";
    }
}
