package org.lstmrepro.original;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;

class Lstm1997ConfigTest {

    /** The paper's weight counts (Hochreiter and Schmidhuber 1997, tables of experiments 4 and 6). */
    @ParameterizedTest
    @CsvSource({"adding, 93", "temporal-order-6a, 156", "temporal-order-6b, 308"})
    void presetsHaveThePapersWeightCounts(String preset, int weights) {
        assertThat(Presets1997.get(preset).newNetwork().parameters().totalSize()).isEqualTo(weights);
    }

    @Test
    void tensorShapesFollowTheDocumentedLayout() {
        // 3 inputs, 2 blocks x 2 cells, 1 hidden, 2 outputs: N = 3 + (4 + 1 + 2 + 2) = 12, M = 4 + 1
        ParameterSet p = new Lstm1997Network(Fixtures.smallConfig(org.lstmrepro.core.loss.OutputActivation.SIGMOID))
                .parameters();
        assertThat(p.all()).extracting(Parameter::name).containsExactly("cell.weight", "cell.bias", "hidden.weight",
                "hidden.bias", "input_gate.weight", "input_gate.bias", "output_gate.weight", "output_gate.bias",
                "output.weight", "output.bias");
        assertThat(p.get("cell.weight").shape()).containsExactly(4, 12);
        assertThat(p.get("hidden.weight").shape()).containsExactly(1, 12);
        assertThat(p.get("input_gate.weight").shape()).containsExactly(2, 12);
        assertThat(p.get("output.weight").shape()).containsExactly(2, 5);
        assertThat(p.get("output.weight").isOutputLayer()).isTrue();
        assertThat(p.get("cell.weight").isOutputLayer()).isFalse();
    }

    @Test
    void topologyOptionsChangeTheSourceCounts() {
        Lstm1997Config c = Lstm1997Config.of(2, 2, 2, 1).withHiddenLayerSeesGates(false).withOutputsSeeInputs(true);
        ParameterSet p = new Lstm1997Network(c).parameters();
        assertThat(p.get("cell.weight").shape()).containsExactly(4, 2 + 4);
        assertThat(p.get("output.weight").shape()).containsExactly(1, 4 + 2);
    }

    @Test
    void initializationDrawsInRangeThenSetsThePresetBiases() {
        Preset1997 preset = Presets1997.get("temporal-order-6a");
        Lstm1997Network net = preset.newNetwork();
        preset.initialize(net.parameters(), RandomStream.root(7));
        assertThat(net.parameters().get("input_gate.bias").value()).containsExactly(-2.0, -4.0);
        assertThat(net.parameters().get("output_gate.bias").value()).containsExactly(-2.0, -4.0);
        for (String name : new String[] {"cell.weight", "cell.bias", "input_gate.weight", "output.weight"}) {
            for (double v : net.parameters().get(name).value()) {
                assertThat(v).as(name).isBetween(-0.1, 0.1);
            }
        }
        double[] w = net.parameters().get("cell.weight").value();
        assertThat(java.util.Arrays.stream(w).distinct().count()).isEqualTo(w.length);
        assertThat(Presets1997.get("adding").config().outputGateBiases()).isEmpty();
        assertThat(Presets1997.get("adding").learningRate()).isEqualTo(0.5);
        assertThat(Presets1997.get("temporal-order-6b").learningRate()).isEqualTo(0.1);
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> Lstm1997Config.of(2, 0, 2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("blocks must be at least 1, was 0");
        assertThatThrownBy(() -> Lstm1997Config.of(0, 1, 1, 1)).hasMessageContaining("inputSize must be at least 1");
        assertThatThrownBy(() -> Lstm1997Config.of(2, 2, 2, 1).withInputGateBiases(-1.0))
                .hasMessageContaining("inputGateBiases needs one value per block (2)");
        assertThatThrownBy(() -> Lstm1997Config.of(2, 2, 2, 1).withInitRange(Double.NaN))
                .hasMessageContaining("initRange");
        assertThatThrownBy(() -> Lstm1997Config.of(2, 2, 2, 1).withHiddenUnits(-1))
                .hasMessageContaining("hiddenUnits must be at least 0");
        assertThatThrownBy(() -> Presets1997.get("reber")).hasMessageContaining("unknown 1997 preset 'reber'")
                .hasMessageContaining("adding");
    }

    @Test
    void configsWithEqualBiasesAreEqual() {
        assertThat(Lstm1997Config.of(2, 2, 2, 1).withInputGateBiases(-3, -6))
                .isEqualTo(Lstm1997Config.of(2, 2, 2, 1).withInputGateBiases(-3, -6))
                .hasSameHashCodeAs(Lstm1997Config.of(2, 2, 2, 1).withInputGateBiases(-3, -6))
                .isNotEqualTo(Lstm1997Config.of(2, 2, 2, 1).withInputGateBiases(-3, -5));
    }
}
