package org.lstmrepro.reports.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmrepro.original.Lstm1997Config;
import org.lstmrepro.vanilla.BaselineConfig;
import org.lstmrepro.vanilla.Initialisation;
import org.lstmrepro.vanilla.VanillaConfig;

/**
 * The {@code config} object of a parameter file (interchange spec): everything needed to rebuild a
 * network, as JSON-friendly maps. Keys are documented in {@code docs/formats.md}.
 */
public final class ModelConfigs {

    private ModelConfigs() {
    }

    public static Map<String, Object> original1997(Lstm1997Config c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inputSize", c.inputSize());
        m.put("blocks", c.blocks());
        m.put("cellsPerBlock", c.cellsPerBlock());
        m.put("hiddenUnits", c.hiddenUnits());
        m.put("outputSize", c.outputSize());
        m.put("outputActivation", c.outputActivation().id());
        m.put("initRange", c.initRange());
        m.put("inputGateBiases", list(c.inputGateBiases()));
        m.put("outputGateBiases", list(c.outputGateBiases()));
        m.put("hiddenLayerSeesGates", c.hiddenLayerSeesGates());
        m.put("outputsSeeInputs", c.outputsSeeInputs());
        return m;
    }

    public static Map<String, Object> vanilla(VanillaConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inputSize", c.inputSize());
        m.put("hiddenSize", c.hiddenSize());
        m.put("outputSize", c.outputSize());
        m.put("variant", c.variant().id());
        m.put("outputActivation", c.outputUnits().activation().id());
        m.put("loss", c.outputUnits().loss().id());
        putInitialisation(m, c.initialisation());
        m.put("inputGateBias", c.inputGateBias());
        m.put("forgetGateBias", c.forgetGateBias());
        m.put("outputGateBias", c.outputGateBias());
        return m;
    }

    public static Map<String, Object> baseline(BaselineConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inputSize", c.inputSize());
        m.put("hiddenSize", c.hiddenSize());
        m.put("outputSize", c.outputSize());
        m.put("outputActivation", c.outputUnits().activation().id());
        m.put("loss", c.outputUnits().loss().id());
        putInitialisation(m, c.initialisation());
        return m;
    }

    private static void putInitialisation(Map<String, Object> m, Initialisation init) {
        m.put("initWeights", init.weights().kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("initScale", init.weights().scale());
        m.put("initRecurrent", init.recurrent().id());
    }

    private static List<Double> list(double[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }
}
