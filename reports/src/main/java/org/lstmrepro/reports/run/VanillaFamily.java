package org.lstmrepro.reports.run;

import static org.lstmrepro.reports.run.CommonOptions.DERIVATIVE_CLIP;
import static org.lstmrepro.reports.run.CommonOptions.FORGET_GATE_BIAS;
import static org.lstmrepro.reports.run.CommonOptions.INPUT_GATE_BIASES;
import static org.lstmrepro.reports.run.CommonOptions.OUTPUT_GATE_BIASES;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.tasks.Task;
import org.lstmrepro.vanilla.VanillaConfig;
import org.lstmrepro.vanilla.VanillaLstm;
import org.lstmrepro.vanilla.Variant;

/**
 * The vanilla LSTM of Greff et al. (2015): forget gate, peepholes, full BPTT, and its eight variants
 * (NIG, NFG, NOG, NIAF, NOAF, NP, CIFG, FGR) as configuration of one cell.
 */
public final class VanillaFamily implements ModelFamily {

    public static final String ID = "vanilla";

    @Override
    public String id() {
        return ID;
    }

    /** Full BPTT of the LSTM layer and its output layer ({@link FlopCounts#vanillaLstm}). */
    @Override
    public Optional<FlopCount> flopCount(RecurrentNetwork network) {
        VanillaLstm n = (VanillaLstm) network;
        return Optional.of(FlopCounts.vanillaLstm(n.inputSize(), n.hiddenSize(), n.variant().structure().peepholes(),
                n.outputSize()));
    }

    @Override
    public String summary() {
        return "the vanilla LSTM of Greff et al. (2015) and its eight variants";
    }

    @Override
    public List<String> variants() {
        return Arrays.stream(Variant.values()).map(Variant::id).toList();
    }

    @Override
    public List<ModelOption<?>> options() {
        List<ModelOption<?>> out = new ArrayList<>(GreffFamilies.OPTIONS);
        out.addAll(List.of(INPUT_GATE_BIASES, OUTPUT_GATE_BIASES, FORGET_GATE_BIAS, DERIVATIVE_CLIP));
        return out;
    }

    @Override
    public BuiltModel build(String variant, Task task, ModelOptions o, RandomStream init) {
        VanillaConfig config = VanillaConfig.of(task.inputSize(), GreffFamilies.hiddenSize(o), task.outputSize(),
                        Variant.fromId(variant == null ? ID : variant))
                .withOutputUnits(GreffFamilies.outputUnits(task, o))
                .withInitialisation(GreffFamilies.initialisation(o))
                .withGateBiases(single(INPUT_GATE_BIASES, o), o.isSet(FORGET_GATE_BIAS) ? o.get(FORGET_GATE_BIAS) : 0,
                        single(OUTPUT_GATE_BIASES, o))
                .withDerivativeClip(o.isSet(DERIVATIVE_CLIP) ? o.get(DERIVATIVE_CLIP) : VanillaConfig.NO_DERIVATIVE_CLIP);
        return GreffFamilies.built(initialised(config, init), GreffFamilies.noPreset("the vanilla family"));
    }

    @Override
    public ConfiguredModel fromConfig(Map<String, ?> config, String source, RandomStream init) {
        return initialised(ModelConfigs.vanillaFromMap(config, source), init);
    }

    private static ConfiguredModel initialised(VanillaConfig config, RandomStream init) {
        return new ConfiguredModel(new VanillaLstm(config, init), ModelConfigs.vanilla(config));
    }

    private static double single(ModelOption<List<Double>> option, ModelOptions o) {
        List<Double> biases = o.get(option);
        if (biases == null) {
            return 0;
        }
        if (biases.size() != 1) {
            throw new IllegalArgumentException(option.names() + " takes one value for this model, got " + biases.size());
        }
        return biases.get(0);
    }
}
