package org.lstmrepro.original;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.truncated.TruncatedGradient1997;

class WeightGroupsTest {

    /** The adding network of the paper: 2 inputs, 2 blocks of 2 cells, 1 output, 93 weights. */
    private static Lstm1997Network adding(long seed) {
        Lstm1997Network net = new Lstm1997Network(Lstm1997Config.of(2, 2, 2, 1).withInputGateBiases(-3, -6));
        Lstm1997Initializer.initialize(net.config(), net.parameters(), RandomStream.root(seed));
        return net;
    }

    @Test
    void selectsTheWeightsTheLayoutSays() {
        Lstm1997Network net = adding(1);
        assertThat(net.parameters().totalSize()).isEqualTo(93);
        // 4 cells: one bias each; 4 cells x (2 input gates + 2 output gates) gate sources
        assertThat(WeightGroups.parse("cell.bias=rate:0").selectedCounts(net)).containsExactly(4);
        assertThat(WeightGroups.parse("cell.gates=rate:0").selectedCounts(net)).containsExactly(16);
        assertThat(WeightGroups.parse("cell.input_gate=rate:0;cell.output_gate=rate:0").selectedCounts(net))
                .containsExactly(8, 8);
        assertThat(WeightGroups.parse("no-constant-cell-sources").selectedCounts(net)).containsExactly(4, 16);
        // every hidden-layer unit (8) reads 2 inputs + 8 previous activations + bias = 11: 88, output 5
        assertThat(WeightGroups.parse("all.all=rate:1").selectedCounts(net)).containsExactly(93);
        assertThat(WeightGroups.parse("no-biases").selectedCounts(net)).containsExactly(4 + 2 + 2 + 1);
        assertThat(WeightGroups.parse("output.input=rate:0").selectedCounts(net)).containsExactly(0);
    }

    @Test
    void theSelectedColumnsAreTheGateActivations() {
        // Mark each column of cell.weight by what it reads, then zero cell.gates: only the gate columns go.
        Lstm1997Network net = adding(2);
        Parameter w = net.parameters().get("cell.weight");
        Arrays.fill(w.value(), 1.0);
        WeightGroups.parse("cell.gates=init:0").initialize(net);
        // z = [x1, x2, c1, c2, c3, c4, in1, in2, out1, out2]
        for (int r = 0; r < w.rows(); r++) {
            for (int c = 0; c < w.cols(); c++) {
                assertThat(w.get(r, c)).as("row %d col %d", r, c).isEqualTo(c >= 6 ? 0.0 : 1.0);
            }
        }
    }

    @Test
    void initOverwritesOnlyItsGroupAndKeepsTheOtherDraws() {
        Lstm1997Network plain = adding(3);
        Lstm1997Network changed = adding(3);
        WeightGroups.parse("cell.bias=init:0.25").initialize(changed);
        for (Parameter p : plain.parameters().all()) {
            double[] expected = p.value().clone();
            if (p.name().equals("cell.bias")) {
                Arrays.fill(expected, 0.25);
            }
            assertThat(changed.parameters().get(p.name()).value()).as(p.name()).containsExactly(expected);
        }
    }

    @Test
    void aFrozenGroupKeepsItsValuesUnderTrainingAndTheRestMoves() {
        Lstm1997Network net = adding(4);
        WeightGroups groups = WeightGroups.parse("no-constant-cell-sources");
        groups.initialize(net);
        groups.applyRates(net);
        double[] cellWeightsBefore = net.parameters().get("cell.weight").value().clone();
        double[] inputGateBefore = net.parameters().get("input_gate.weight").value().clone();
        TruncatedGradient1997 rule = new TruncatedGradient1997(net);
        RandomStream data = RandomStream.root(5);
        net.parameters().zeroGradients();
        for (int i = 0; i < 200; i++) {
            double[][] x = new double[20][2];
            for (double[] row : x) {
                row[0] = data.nextDouble(-1, 1);
            }
            x[3][1] = 1;
            double[][] d = new double[20][];
            d[19] = new double[] {0.5 + x[3][0] / 4};
            rule.accumulate(new Sequence(x, d), StepObserver.NONE, t -> {
                net.parameters().applyGradientScales();
                for (Parameter p : net.parameters().all()) {
                    for (int k = 0; k < p.size(); k++) {
                        p.value()[k] -= 0.5 * p.gradient()[k];
                    }
                }
                net.parameters().zeroGradients();
            });
        }
        double[] cellWeights = net.parameters().get("cell.weight").value();
        int cols = net.parameters().get("cell.weight").cols();
        for (int k = 0; k < cellWeights.length; k++) {
            if (k % cols >= 6) {
                assertThat(cellWeights[k]).isZero();
            } else {
                assertThat(cellWeights[k]).isNotEqualTo(cellWeightsBefore[k]);
            }
        }
        assertThat(net.parameters().get("cell.bias").value()).containsOnly(0.0);
        assertThat(net.parameters().get("input_gate.weight").value()).isNotEqualTo(inputGateBefore);
    }

    @Test
    void theNamedReadingsAndTheWrittenFormAgree() {
        assertThat(WeightGroups.parse("paper").isNone()).isTrue();
        assertThat(WeightGroups.parse(null).isNone()).isTrue();
        assertThat(WeightGroups.parse("no-constant-cell-sources").entries())
                .isEqualTo(WeightGroups.parse(WeightGroups.Reading.NO_CONSTANT_CELL_SOURCES.spec()).entries());
        assertThat(WeightGroups.parse("no-constant-cell-sources").toString()).isEqualTo("no-constant-cell-sources");
        assertThat(WeightGroups.parse("constant-sources-slow").entries()).containsExactly(
                new WeightGroups.Entry("cell", "bias", null, 0.1), new WeightGroups.Entry("cell", "gates", null, 0.1));
    }

    @Test
    void theSlowReadingKeepsEveryDrawAndScalesOnlyTheCellsConstantSources() {
        // constant-sources-slow: every weight stays drawn (the paper's 93 learn), the cells' bias and
        // gate-activation columns learn at 0.1, everything else at 1.
        Lstm1997Network plain = adding(6);
        Lstm1997Network slow = adding(6);
        WeightGroups groups = WeightGroups.parse("constant-sources-slow");
        groups.initialize(slow);
        groups.applyRates(slow);
        for (Parameter p : plain.parameters().all()) {
            assertThat(slow.parameters().get(p.name()).value()).as(p.name()).containsExactly(p.value());
        }
        assertThat(slow.parameters().get("cell.bias").gradientScale()).containsOnly(0.1);
        Parameter w = slow.parameters().get("cell.weight");
        double[] scale = w.gradientScale();
        // z = [x1, x2, c1, c2, c3, c4, in1, in2, out1, out2]: the gate columns are 6..9
        for (int r = 0; r < w.rows(); r++) {
            for (int c = 0; c < w.cols(); c++) {
                assertThat(scale[r * w.cols() + c]).as("row %d col %d", r, c).isEqualTo(c >= 6 ? 0.1 : 1.0);
            }
        }
        assertThat(slow.parameters().get("input_gate.weight").gradientScale()).isNull();
        assertThat(slow.parameters().get("output.weight").gradientScale()).isNull();
    }

    @Test
    void badSpecsNameTheirProblem() {
        assertThatThrownBy(() -> WeightGroups.parse("cell.bias")).hasMessageContaining("needs settings");
        assertThatThrownBy(() -> WeightGroups.parse("cellbias=rate:0")).hasMessageContaining("TARGET.SOURCE");
        assertThatThrownBy(() -> WeightGroups.parse("neuron.bias=rate:0")).hasMessageContaining("unknown target 'neuron'");
        assertThatThrownBy(() -> WeightGroups.parse("cell.forget=rate:0")).hasMessageContaining("unknown source 'forget'");
        assertThatThrownBy(() -> WeightGroups.parse("cell.bias=speed:2")).hasMessageContaining("unknown setting 'speed'");
        assertThatThrownBy(() -> WeightGroups.parse("cell.bias=rate:x")).hasMessageContaining("finite number");
        assertThatThrownBy(() -> WeightGroups.parse("cell.bias=rate:NaN")).hasMessageContaining("finite number");
        assertThatThrownBy(() -> WeightGroups.parse(" ; ")).hasMessageContaining("name no group");
    }
}
