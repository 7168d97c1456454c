package org.lstmrepro.reports.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmrepro.core.io.InterchangeFormatException;
import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.original.Lstm1997Config;
import org.lstmrepro.vanilla.BaselineConfig;
import org.lstmrepro.vanilla.Initialisation;
import org.lstmrepro.vanilla.RecurrentInit;
import org.lstmrepro.vanilla.VanillaConfig;
import org.lstmrepro.vanilla.Variant;
import org.lstmrepro.vanilla.WeightDistribution;

class ModelConfigsTest {

    private static final String SRC = "p.json";

    @Test
    void original1997RoundTripsEveryField() {
        Lstm1997Config c = new Lstm1997Config(3, 2, 4, 1, 5, OutputActivation.LINEAR, 0.25, new double[] {-1, -2.5},
                new double[] {0.5, 3}, false, true);
        assertThat(ModelConfigs.original1997FromMap(ModelConfigs.original1997(c), SRC)).isEqualTo(c);
    }

    @Test
    void vanillaRoundTripsEveryField() {
        VanillaConfig c = VanillaConfig.of(3, 4, 2, Variant.FGR)
                .withOutputUnits(new OutputUnits(OutputActivation.SOFTMAX, Loss.SQUARED_ERROR))
                .withInitialisation(new Initialisation(WeightDistribution.gaussian(0.3), RecurrentInit.ORTHOGONAL))
                .withGateBiases(-1, 2, 0.5);
        assertThat(ModelConfigs.vanillaFromMap(ModelConfigs.vanilla(c), SRC)).isEqualTo(c);
        for (Variant v : Variant.values()) {
            VanillaConfig cv = c.withVariant(v);
            assertThat(ModelConfigs.vanillaFromMap(ModelConfigs.vanilla(cv), SRC)).isEqualTo(cv);
        }
    }

    @Test
    void baselineRoundTripsEveryField() {
        BaselineConfig c = BaselineConfig.of(2, 5, 3)
                .withOutputUnits(new OutputUnits(OutputActivation.SIGMOID, Loss.SQUARED_ERROR))
                .withInitialisation(new Initialisation(WeightDistribution.uniform(0.7), RecurrentInit.ORTHOGONAL));
        assertThat(ModelConfigs.baselineFromMap(ModelConfigs.baseline(c), SRC)).isEqualTo(c);
    }

    @Test
    void absentOptionalKeysTakeTheDocumentedDefaults() {
        // 1997: the paper's topology (docs/formats.md): no hidden units, sigmoid outputs, +-0.1, biases drawn
        assertThat(ModelConfigs.original1997FromMap(Map.of("inputSize", 2, "blocks", 2, "cellsPerBlock", 2, "outputSize", 1), SRC))
                .isEqualTo(Lstm1997Config.of(2, 2, 2, 1));
        assertThat(ModelConfigs.vanillaFromMap(Map.of("inputSize", 2, "hiddenSize", 3, "outputSize", 1, "variant", "np"), SRC))
                .isEqualTo(VanillaConfig.of(2, 3, 1, Variant.NP));
        assertThat(ModelConfigs.baselineFromMap(Map.of("inputSize", 2, "hiddenSize", 3, "outputSize", 1), SRC))
                .isEqualTo(BaselineConfig.of(2, 3, 1));
    }

    @Test
    void softmaxOutputsDefaultToCrossEntropyAsTheSpecDefinesTheirLoss() {
        Map<String, Object> m = Map.of("inputSize", 2, "hiddenSize", 3, "outputSize", 4, "outputActivation", "softmax");
        assertThat(ModelConfigs.baselineFromMap(m, SRC).outputUnits())
                .isEqualTo(new OutputUnits(OutputActivation.SOFTMAX, Loss.CROSS_ENTROPY));
        Map<String, Object> linear = new HashMap<>(m);
        linear.put("outputActivation", "linear");
        assertThat(ModelConfigs.baselineFromMap(linear, SRC).outputUnits().loss()).isEqualTo(Loss.SQUARED_ERROR);
    }

    static Stream<Arguments> badConfigs() {
        Function<Map<String, Object>, Object> v1997 = m -> ModelConfigs.original1997FromMap(m, SRC);
        Function<Map<String, Object>, Object> vanilla = m -> ModelConfigs.vanillaFromMap(m, SRC);
        Function<Map<String, Object>, Object> baseline = m -> ModelConfigs.baselineFromMap(m, SRC);
        return Stream.of(
                Arguments.of(v1997, with1997("cells", 4), "p.json: config: unknown key 'cells' (known: inputSize, blocks,"),
                Arguments.of(v1997, without(with1997(), "blocks"), "p.json: config: missing key 'blocks'"),
                Arguments.of(v1997, with1997("blocks", 2.5), "p.json: config.blocks: expected an integer, found the number 2.5"),
                Arguments.of(v1997, with1997("blocks", 5_000_000_000L), "config.blocks: expected an integer that fits in 32 bits"),
                Arguments.of(v1997, with1997("blocks", null), "p.json: config.blocks: must not be null"),
                Arguments.of(v1997, with1997("initRange", "0.1"), "config.initRange: expected a number, found the string \"0.1\""),
                Arguments.of(v1997, with1997("hiddenLayerSeesGates", 1), "config.hiddenLayerSeesGates: expected true or false, found the number 1"),
                Arguments.of(v1997, with1997("inputGateBiases", List.of(-1, "x")), "config.inputGateBiases[1]: expected a number"),
                Arguments.of(v1997, with1997("inputGateBiases", -1), "config.inputGateBiases: expected a list of numbers"),
                Arguments.of(v1997, with1997("inputGateBiases", List.of(-1, -2, -3)), "p.json: config: inputGateBiases needs one value per block (2)"),
                Arguments.of(v1997, with1997("outputActivation", "relu"), "config.outputActivation: unknown output activation 'relu'"),
                Arguments.of(v1997, with1997("loss", "cross-entropy"), "unknown key 'loss'"),
                Arguments.of(vanilla, withVanilla("variant", null), "config.variant: must not be null"),
                Arguments.of(vanilla, without(withVanilla(), "variant"), "missing key 'variant'"),
                Arguments.of(vanilla, withVanilla("variant", "GRU"), "config.variant: unknown LSTM variant 'GRU'"),
                Arguments.of(vanilla, withVanilla("loss", "cross-entropy"), "p.json: config: cross-entropy needs softmax outputs, not linear"),
                Arguments.of(vanilla, withVanilla("initWeights", "normal"), "config.initWeights: unknown weight distribution 'normal'"),
                Arguments.of(vanilla, withVanilla("initScale", 0), "p.json: config: weight distribution uniform: the half-range must be positive"),
                Arguments.of(vanilla, withVanilla("initRecurrent", "identity"), "config.initRecurrent: unknown recurrent initialisation"),
                Arguments.of(vanilla, withVanilla("hiddenSize", 0), "p.json: config.hiddenSize: must be an integer in [1, 4096], was 0"),
                Arguments.of(baseline, withVanilla(), "p.json: config: unknown key 'variant'"),
                // bound strictly: no scalar is coerced to another type
                Arguments.of(vanilla, withVanilla("variant", 3), "p.json: config.variant: expected a string, found the number 3"),
                Arguments.of(vanilla, withVanilla("forgetGateBias", true), "p.json: config.forgetGateBias: expected a number, found true"),
                Arguments.of(vanilla, withVanilla("forgetGateBias", null), "p.json: config.forgetGateBias: must not be null (leave the key out for the default)"),
                Arguments.of(v1997, with1997("outputGateBiases", Arrays.asList(1.0, null)), "p.json: config.outputGateBiases[1]: must not be null"),
                Arguments.of(v1997, with1997("hiddenLayerSeesGates", "true"), "p.json: config.hiddenLayerSeesGates: expected true or false, found the string \"true\""),
                Arguments.of(baseline, withVanilla("forgetGateBias", 1), "unknown keys 'variant', 'forgetGateBias'"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badConfigs")
    void badConfigsAreOneLineErrorsNamingTheKey(Function<Map<String, Object>, Object> reader, Map<String, Object> config,
                                                String expected) {
        assertThatThrownBy(() -> reader.apply(config)).isInstanceOf(InterchangeFormatException.class)
                .hasMessageStartingWith(expected.startsWith("p.json") ? expected : "p.json: ")
                .hasMessageContaining(expected).hasMessageNotContaining("\n");
    }

    private static Map<String, Object> with1997(Object... keyValue) {
        Map<String, Object> m = new LinkedHashMap<>(Map.of("inputSize", 2, "blocks", 2, "cellsPerBlock", 2, "outputSize", 1));
        return put(m, keyValue);
    }

    private static Map<String, Object> withVanilla(Object... keyValue) {
        Map<String, Object> m = new LinkedHashMap<>(Map.of("inputSize", 2, "hiddenSize", 3, "outputSize", 1));
        m.put("variant", "vanilla");
        return put(m, keyValue);
    }

    private static Map<String, Object> put(Map<String, Object> m, Object... keyValue) {
        for (int i = 0; i < keyValue.length; i += 2) {
            m.put((String) keyValue[i], keyValue[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> without(Map<String, Object> m, String key) {
        m.remove(key);
        return m;
    }

    @Test
    void sizesBeyondTheLimitsAreRefusedByName() {
        // a parameter file's config is bounded like the CLI and experiment options: no integer overflow later
        assertThatThrownBy(() -> ModelConfigs.vanillaFromMap(Map.of("inputSize", 2, "hiddenSize", 2_000_000_000,
                "outputSize", 1, "variant", "vanilla"), SRC))
                .isInstanceOf(InterchangeFormatException.class)
                .hasMessageContaining("hiddenSize").hasMessageContaining("[1, " + CommonOptions.MAX_HIDDEN + "]");
        assertThatThrownBy(() -> ModelConfigs.original1997FromMap(Map.of("inputSize", 2, "blocks", 100_000,
                "cellsPerBlock", 2, "outputSize", 1), SRC)).hasMessageContaining("blocks").hasMessageContaining("[1, ");
        assertThatThrownBy(() -> ModelConfigs.baselineFromMap(Map.of("inputSize", 0, "hiddenSize", 4, "outputSize", 1), SRC))
                .hasMessageContaining("inputSize");
    }
}
