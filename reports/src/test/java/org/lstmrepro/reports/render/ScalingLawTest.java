package org.lstmrepro.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.train.RunStatus;
import org.lstmrepro.reports.store.TrialRecord;

class ScalingLawTest {

    /** A record on adding(length=L) with the given outcome and plateau end. */
    static TrialRecord trial(String model, int length, long seed, RunStatus status, long sequences, Long plateauEnd) {
        Map<String, Object> spec = Map.of("model", "original1997", "task", "adding",
                "taskSettings", Map.of("length", Integer.toString(length), "firstPair", "zero"), "seed", seed);
        List<double[]> curve = List.of(new double[] {1000, 0.04, 0.1, 0.05, 0.5}, new double[] {2000, 0.01, 0.9, 0.06, 4.0});
        return new TrialRecord(model + length + "-" + seed, "e", "adding(length=" + length + ")", model, spec,
                Map.of("learningRate", 0.5), status, sequences, 0, 2560, 1e-4, 0.5, seed, 1.0, curve, null, "c", null,
                plateauEnd, List.of("w_in1_x2", "w_in2_x2"), null);
    }

    @Test
    void aPowerLawGivesItsExponentAndANarrowInterval() {
        List<TrialRecord> trials = new ArrayList<>();
        long seed = 1;
        for (int length : new int[] {100, 250, 500, 1000}) {
            long sequences = Math.round(3.0 * Math.pow(length, 1.7));
            trials.add(trial("m", length, seed++, RunStatus.SOLVED, sequences, Math.round(0.5 * Math.pow(length, 1.2))));
        }
        List<ScalingLaw> fits = ScalingLaw.of(trials);
        assertThat(fits).hasSize(2);
        ScalingLaw criterion = fits.stream().filter(f -> f.measure().equals("sequences to criterion")).findFirst().orElseThrow();
        // the counts are rounded to whole sequences, so the fit is exact to about 1e-4
        assertThat(criterion.exponent()).isCloseTo(1.7, within(1e-4));
        assertThat(criterion.halfWidth()).isCloseTo(0.0, within(1e-3));
        assertThat(criterion.predict(400)).isCloseTo(3.0 * Math.pow(400, 1.7), within(10.0));
        assertThat(criterion.lengths()).containsExactly(100, 250, 500, 1000);
        ScalingLaw plateau = fits.stream().filter(f -> f.measure().equals("plateau end")).findFirst().orElseThrow();
        assertThat(plateau.exponent()).isCloseTo(1.2, within(5e-3));
    }

    @Test
    void unsolvedTrialsAreLeftOutAndCounted() {
        List<TrialRecord> trials = new ArrayList<>();
        trials.add(trial("m", 100, 1, RunStatus.SOLVED, 10_000, 5000L));
        trials.add(trial("m", 200, 2, RunStatus.SOLVED, 40_000, 9000L));
        trials.add(trial("m", 400, 3, RunStatus.SOLVED, 160_000, 20_000L));
        trials.add(trial("m", 800, 4, RunStatus.BUDGET_EXHAUSTED, 1_000_000, null));
        ScalingLaw criterion = ScalingLaw.of(trials).stream()
                .filter(f -> f.measure().equals("sequences to criterion")).findFirst().orElseThrow();
        assertThat(criterion.points()).isEqualTo(3);
        assertThat(criterion.missing()).isEqualTo(1);
        assertThat(criterion.exponent()).isCloseTo(2.0, within(1e-9));
    }

    /** A record on Experiment 2c at q = p = L, with the criterion setting or (null) without it. */
    static TrialRecord twoC(int q, long seed, String criterion, long sequences) {
        Map<String, Object> settings = new java.util.TreeMap<>(Map.of("q", Integer.toString(q), "p", Integer.toString(q)));
        if (criterion != null) {
            settings.put("criterion", criterion);
        }
        Map<String, Object> spec = Map.of("model", "original1997", "task", "long-lag-2c", "taskSettings", settings,
                "seed", seed);
        return new TrialRecord("2c" + q + criterion + seed, "e", "long-lag-2c", "m", spec, Map.of("learningRate", 0.01),
                RunStatus.SOLVED, sequences, 0, 0, 1e-4, 0.01, seed, 1.0, List.of(), null, "c", null, sequences / 2,
                List.of(), null);
    }

    @Test
    void settingsThatTellTrialsApartGetOneFitEachAndLengthCompanionsDoNot() {
        // Experiment 2c under two readings of its criterion (the default one absent from the settings), q = p:
        // one fit per criterion, the exponent of each its own; p grows with q and splits nothing
        List<TrialRecord> trials = new ArrayList<>();
        for (int q : new int[] {50, 100, 200}) {
            trials.add(twoC(q, 1, null, 100L * q));
            trials.add(twoC(q, 1, "average", (long) q * q));
        }
        List<ScalingLaw> fits = ScalingLaw.of(trials).stream().filter(f -> f.measure().equals("sequences to criterion")).toList();
        assertThat(fits).extracting(ScalingLaw::taskLabel)
                .containsExactlyInAnyOrder("long-lag-2c", "long-lag-2c(criterion=average)");
        assertThat(fits).allSatisfy(f -> assertThat(f.task()).isEqualTo("long-lag-2c"));
        assertThat(fits.stream().filter(f -> f.taskLabel().equals("long-lag-2c")).findFirst().orElseThrow().exponent())
                .isCloseTo(1.0, within(1e-9));
        assertThat(fits.stream().filter(f -> f.taskLabel().endsWith("average)")).findFirst().orElseThrow().exponent())
                .isCloseTo(2.0, within(1e-9));
        // a setting every trial of the task shares stays out of the label
        assertThat(ScalingLaw.of(List.of(trial("m", 100, 1, RunStatus.SOLVED, 1000, 500L),
                trial("m", 200, 2, RunStatus.SOLVED, 2000, 900L), trial("m", 400, 3, RunStatus.SOLVED, 4000, 2000L))))
                .extracting(ScalingLaw::taskLabel).containsOnly("adding");
    }

    @Test
    void fewerThanThreeLengthsGiveNoFit() {
        List<TrialRecord> trials = List.of(trial("m", 100, 1, RunStatus.SOLVED, 10_000, 5000L),
                trial("m", 200, 2, RunStatus.SOLVED, 40_000, 9000L), trial("m", 200, 3, RunStatus.SOLVED, 50_000, 9000L));
        assertThat(ScalingLaw.of(trials)).isEmpty();
    }

    @Test
    void thePlateauTableCountsMediansAndTheTimeAfterThePlateau() {
        Map<String, List<TrialRecord>> byModel = Map.of("m", List.of(
                trial("m", 500, 1, RunStatus.SOLVED, 100_000, 80_000L),
                trial("m", 500, 2, RunStatus.SOLVED, 140_000, 100_000L),
                trial("m", 500, 3, RunStatus.BUDGET_EXHAUSTED, 1_000_000, null)));
        Optional<Block.Table> table = PlateauTable.of(byModel);
        assertThat(table).isPresent();
        assertThat(table.get().rows()).containsExactly(
                List.of("m", "3", "2", "90,000", "80,000 – 100,000", "120,000", "30,000"));
        assertThat(PlateauTable.of(Map.of("m", List.of(trial("m", 500, 1, RunStatus.BUDGET_EXHAUSTED, 10, null))))).isEmpty();
    }

    @Test
    void theGateWeightChartDrawsTheColumnThatEndsLargest() {
        var chart = GateWeightChart.of("adding(length=500)", Map.of("m", List.of(trial("m", 500, 1, RunStatus.SOLVED, 2000, 1500L))),
                Map.of("m", java.awt.Color.BLUE));
        assertThat(chart).isPresent();
        var series = chart.get().getSeriesCollection().iterator().next();
        // the second probe column (w_in2_x2) ends at 4.0, larger than w_in1_x2's 0.06
        assertThat(series.getYData()).containsExactly(0.5, 4.0);
    }
}
