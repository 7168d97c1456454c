package org.lstmrepro.reports.run;

import java.util.List;

import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.vanilla.RecurrentInit;
import org.lstmrepro.vanilla.WeightDistribution;

/**
 * The model options of the built-in families, each declared once (a family lists the ones it takes
 * in {@link ModelFamily#options}). The ranges bound what a network may allocate: a size outside them
 * is refused with the option's name and its limit before anything is built.
 */
public final class CommonOptions {

    /** Largest hidden layer of the vanilla, RNN and GRU models (4H(I + H + 1) weights stay below 2^27). */
    public static final int MAX_HIDDEN = 4096;
    /** Largest number of 1997 memory cell blocks. */
    public static final int MAX_BLOCKS = 256;
    /** Largest number of cells per 1997 block. */
    public static final int MAX_CELLS_PER_BLOCK = 64;

    public static final ModelOption<Integer> BLOCKS = new ModelOption<>("blocks", "--blocks", "B",
            OptionType.integer(1, MAX_BLOCKS), "Memory cell blocks.", "the preset's (2 for the 1997 tasks)");
    public static final ModelOption<Integer> CELLS_PER_BLOCK = new ModelOption<>("cellsPerBlock", "--cells", "S",
            OptionType.integer(1, MAX_CELLS_PER_BLOCK), "Cells per block.", "the preset's (2)");
    public static final ModelOption<Integer> HIDDEN_SIZE = new ModelOption<>("hiddenSize", "--hidden", "H",
            OptionType.integer(1, MAX_HIDDEN), "Hidden units.", "8");
    public static final ModelOption<String> OUTPUT_ACTIVATION = new ModelOption<>("outputActivation",
            "--output-activation", "F", OptionType.text("linear, sigmoid or softmax", OutputActivation::fromId,
                    "linear", "sigmoid"),
            "Output units: linear, sigmoid or softmax.", "the task's; sigmoid for the 1997 tasks");
    public static final ModelOption<Double> INIT_RANGE = new ModelOption<>("initRange", "--init-range", "R",
            OptionType.real(true), "Initial weights uniform in [-R, R].", "0.1, the paper's");
    public static final ModelOption<String> WEIGHT_INIT = new ModelOption<>("weightInit", "--weight-init", "D",
            OptionType.text("uniform:R or gaussian:S", WeightDistribution::parse, "gaussian:0.1", "uniform:0.2"),
            "Initial weights uniform:R or gaussian:S (instead of --init-range).", "uniform:0.1");
    public static final ModelOption<String> RECURRENT_INIT = new ModelOption<>("recurrentInit", "--recurrent-init", "R",
            OptionType.text("same or orthogonal", RecurrentInit::fromId, "orthogonal", "same"),
            "Recurrent matrices 'same' as the other weights or 'orthogonal'.", "same");
    public static final ModelOption<List<Double>> INPUT_GATE_BIASES = new ModelOption<>("inputGateBiases",
            "--input-gate-bias", "B", OptionType.reals(),
            "Initial input-gate bias, one value or one per block.", "the preset's, e.g. -3,-6 for adding; 0 for vanilla");
    public static final ModelOption<List<Double>> OUTPUT_GATE_BIASES = new ModelOption<>("outputGateBiases",
            "--output-gate-bias", "B", OptionType.reals(),
            "Initial output-gate bias, one value or one per block.", "the preset's; 0 for vanilla");
    public static final ModelOption<Double> FORGET_GATE_BIAS = new ModelOption<>("forgetGateBias",
            "--forget-gate-bias", "B", OptionType.real(false), "Initial forget-gate bias.", "0");
    public static final ModelOption<Double> DERIVATIVE_CLIP = new ModelOption<>("derivativeClip",
            "--derivative-clip", "L", OptionType.real(true),
            "Clip dE/d(net inputs) of the LSTM layer to [-L, L] during the backward pass (Graves 2013).", "off");

    private CommonOptions() {
    }
}
