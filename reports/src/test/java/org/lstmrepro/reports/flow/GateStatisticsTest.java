package org.lstmrepro.reports.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.original.Lstm1997Config;
import org.lstmrepro.original.Lstm1997Initializer;
import org.lstmrepro.original.Lstm1997Network;
import org.lstmrepro.vanilla.BaselineConfig;
import org.lstmrepro.vanilla.SimpleRnn;
import org.lstmrepro.vanilla.VanillaConfig;
import org.lstmrepro.vanilla.VanillaLstm;
import org.lstmrepro.vanilla.Variant;

class GateStatisticsTest {

    private final List<Sequence> sequences = List.of(ErrorSignalsTest.randomSequence(30, 2, 1),
            ErrorSignalsTest.randomSequence(40, 2, 2));

    @Test
    void the1997GatesFollowTheirBiases() {
        Lstm1997Config config = Lstm1997Config.of(2, 2, 1, 1);
        Lstm1997Network lstm = new Lstm1997Network(config);
        Lstm1997Initializer.initialize(config, lstm.parameters(), RandomStream.root(3));
        // input gate of block 0 shut, of block 1 open; output gates open (sigmoid(+-10) = 4.5e-5 / 1 - 4.5e-5)
        System.arraycopy(new double[] {-10, 10}, 0, lstm.parameters().get("input_gate.bias").value(), 0, 2);
        Arrays.fill(lstm.parameters().get("output_gate.bias").value(), 10);

        GateStatistics stats = GateStatistics.measure(lstm, sequences);
        assertThat(stats.gateNames()).containsExactly("input gate y^in", "output gate y^out");
        assertThat(stats.steps()).isEqualTo(70);
        assertThat(stats.mean()[0][0]).isLessThan(0.01);
        assertThat(stats.mean()[0][1]).isGreaterThan(0.99);
        assertThat(stats.histogram()[0][0][0]).isEqualTo(1.0);                        // every step in [0, 0.05)
        assertThat(stats.histogram()[0][1][GateStatistics.BINS - 1]).isEqualTo(1.0);  // every step in [0.95, 1]
        for (double[][] gate : stats.histogram()) {
            for (double[] unit : gate) {
                assertThat(Arrays.stream(unit).sum()).isCloseTo(1.0, within(1e-12));
            }
        }
    }

    @Test
    void vanillaGatesAreTheVariantsAndTheMeanMatchesTheActivations() {
        VanillaLstm lstm = new VanillaLstm(VanillaConfig.of(2, 3, 1, Variant.VANILLA), RandomStream.root(5));
        GateStatistics stats = GateStatistics.measure(lstm, sequences);
        assertThat(stats.gateNames()).containsExactly("input gate i", "forget gate f", "output gate o");
        assertThat(stats.unitName()).isEqualTo("cell");

        // the mean of f for cell 2, recomputed from the network's own stacked activations (block f at [H, 2H))
        var tr = lstm.newTrajectory(40);
        double sum = 0;
        for (Sequence s : sequences) {
            for (int t = 0; t < s.length(); t++) {
                lstm.forwardStep(tr, t, s.inputs()[t]);
                sum += lstm.gateActivations(tr, t)[3 + 2];
            }
        }
        assertThat(stats.mean()[1][2]).isCloseTo(sum / 70, within(1e-12));

        VanillaLstm nfg = new VanillaLstm(VanillaConfig.of(2, 3, 1, Variant.NFG), RandomStream.root(5));
        assertThat(GateStatistics.measure(nfg, sequences).gateNames()).containsExactly("input gate i", "output gate o");
    }

    @Test
    void binsCoverTheUnitInterval() {
        assertThat(GateStatistics.bin(0.0)).isZero();
        assertThat(GateStatistics.bin(0.049)).isZero();
        assertThat(GateStatistics.bin(0.05)).isEqualTo(1);
        assertThat(GateStatistics.bin(1.0)).isEqualTo(GateStatistics.BINS - 1);
    }

    @Test
    void modelsWithoutGatesAreRefused() {
        SimpleRnn rnn = new SimpleRnn(BaselineConfig.of(2, 3, 1), RandomStream.root(1));
        assertThatThrownBy(() -> GateStatistics.measure(rnn, sequences))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no gates");
    }
}
