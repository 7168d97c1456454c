package org.lstmrepro.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.train.RunStatus;
import org.lstmrepro.reports.store.TrialRecord;

class SummariesTest {

    static TrialRecord withCurve(List<double[]> curve) {
        return new TrialRecord("k", "e", "t", "m", Map.of(), Map.of(), RunStatus.SOLVED, 1, 0, 1, 0.1, 0.1, 1, 0, curve, null, "c");
    }

    static TrialRecord withSettings(Map<String, Object> settings) {
        return new TrialRecord("k", "e", "t", "m", Map.of(), settings, RunStatus.SOLVED, 1, 0, 1, 0.1, 0.1, 1, 0, List.of(), null, "c");
    }

    @Test
    void learningCurveBandInterpolatesEachTrialAndCarriesAStoppedOneForward() {
        // A falls from 1 to 0 over 10 sequences and stops; B falls from 2 to 0 over 20; C has no finite error.
        TrialRecord a = withCurve(List.of(new double[] {0, 1, 0}, new double[] {10, 0, 1}));
        TrialRecord b = withCurve(List.of(new double[] {0, 2, 0}, new double[] {20, 0, 1}));
        TrialRecord c = withCurve(List.of(new double[] {0, Double.NaN, 0}));
        LearningCurveBand band = LearningCurveBand.of(List.of(a, b, c)).orElseThrow();
        assertThat(band.trials()).isEqualTo(3);
        assertThat(band.sequences()).hasSize(LearningCurveBand.GRID);
        assertThat(band.sequences()[0]).isEqualTo(0);
        assertThat(band.sequences()[LearningCurveBand.GRID - 1]).isEqualTo(20);
        for (int g = 0; g < LearningCurveBand.GRID; g++) {
            double x = band.sequences()[g];
            double ea = x < 10 ? 1 - x / 10 : 0;
            double eb = 2 - x / 10;
            // two values: the median is their mean; p(n+1) puts q1 at 0.75 and q3 at 2.25, clamped to min and max
            assertThat(band.median()[g]).isCloseTo((ea + eb) / 2, within(1e-12));
            assertThat(band.q1()[g]).isCloseTo(Math.min(ea, eb), within(1e-12));
            assertThat(band.q3()[g]).isCloseTo(Math.max(ea, eb), within(1e-12));
        }
    }

    @Test
    void aBandStartsWhereTheFirstCurveStartsAndIsEmptyWithoutSamples() {
        TrialRecord late = withCurve(List.of(new double[] {50, 0.3, 0}, new double[] {100, 0.1, 0}));
        TrialRecord early = withCurve(List.of(new double[] {0, 0.5, 0}, new double[] {100, 0.5, 0}));
        LearningCurveBand band = LearningCurveBand.of(List.of(late, early)).orElseThrow();
        // before 50 only the early trial counts
        assertThat(band.median()[0]).isEqualTo(0.5);
        assertThat(band.median()[LearningCurveBand.GRID - 1]).isCloseTo(0.3, within(1e-12));
        assertThat(LearningCurveBand.of(List.of(withCurve(List.of()), withCurve(null)))).isEmpty();
    }

    @Test
    void settingsSummaryListsSharedSettingsAndEachCombination() {
        List<TrialRecord> trials = List.of(withSettings(Map.of("lr", 0.1, "opt", "sgd")),
                withSettings(Map.of("lr", 0.01, "opt", "sgd")), withSettings(Map.of("lr", 0.1, "opt", "sgd")));
        SettingsSummary s = SettingsSummary.of(trials);
        assertThat(s.common()).containsExactly("opt=sgd");
        assertThat(s.combinations()).containsExactly(new SettingsSummary.Combination("lr=0.01", 1),
                new SettingsSummary.Combination("lr=0.1", 2));
        assertThat(s.varying()).isEmpty();
    }

    @Test
    void settingsSummaryOfARandomSearchGivesEachVaryingSettingsRange() {
        List<TrialRecord> trials = new ArrayList<>();
        for (int i = 1; i <= SettingsSummary.MAX_COMBINATIONS + 1; i++) {
            trials.add(withSettings(Map.of("lr", i / 1000.0, "opt", "adam")));
        }
        trials.add(withSettings(Map.of("lr", 0.05)));
        SettingsSummary s = SettingsSummary.of(trials);
        assertThat(s.common()).isEmpty();
        assertThat(s.combinations()).isEmpty();
        assertThat(s.varying()).containsExactly("lr: 10 distinct values, from 0.001 to 0.05", "opt: 2 distinct values");
    }

    @Test
    void groupStatsLeaveOutWhatIsMissing() {
        TrialRecord diverged = new TrialRecord("k", "e", "t", "m", Map.of(), Map.of(), RunStatus.DIVERGED, 5, null, null, null,
                0.1, 1, 0, List.of(), null, "c");
        GroupStats s = GroupStats.of(List.of(diverged));
        assertThat(s.successRate()).isZero();
        assertThat(s.sequences()).isEmpty();
        assertThat(s.medianTestErrorRate()).isEmpty();
        assertThat(s.meanTestMse()).isEmpty();
        assertThat(s.diverged()).isEqualTo(1);
    }

    @Test
    void variantTestNeedsTwoTrialsASideAndVariance() {
        TrialRecord one = withCurve(List.of());
        VariantTest skipped = VariantTest.compare("v", List.of(one), "b", List.of(one, one), VariantTest.TEST_MSE);
        assertThat(skipped.welchP()).isNaN();
        assertThat(skipped.note()).contains("fewer than 2");
        VariantTest alone = VariantTest.compare("v", List.of(one, one), "b", List.of(), VariantTest.SEQUENCES);
        assertThat(alone.mannWhitneyP()).isNaN();
        assertThat(alone.note()).isEqualTo("skipped: no b trials on this task");
        VariantTest flat = VariantTest.compare("v", List.of(one, one), "b", List.of(one, one), VariantTest.TEST_MSE);
        assertThat(flat.welchP()).isNaN();
        assertThat(flat.note()).contains("no variance");
    }

    @Test
    void formatsNumbersForReading() {
        assertThat(Format.count(74_000)).isEqualTo("74,000");
        assertThat(Format.count(74_000.5)).isEqualTo("74,000.5");
        assertThat(Format.percent(5 / 7.0, 1)).isEqualTo("71.4 %");
        assertThat(Format.pValue(0.00001234)).isEqualTo("1.23e-05");
        assertThat(Format.pValue(0.5)).isEqualTo("0.5000");
        assertThat(Format.measure(0.005)).isEqualTo("0.005");
        assertThat(Format.measure(0.01167)).isEqualTo("0.01167");
        assertThat(Format.value(1e-4)).isEqualTo("0.0001");
        assertThat(Format.value(3.0)).isEqualTo("3");
        assertThat(Format.value(Map.of("b", 1, "a", List.of(2, "x")))).isEqualTo("{a=[2, x], b=1}");
    }
}
