package org.lstmrepro.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.lstmrepro.core.train.RunStatus;
import org.lstmrepro.reports.store.TrialRecord;

class TestMseBoxChartTest {

    private static TrialRecord trial(String model, long seed, double mse) {
        return new TrialRecord(model + seed, "e", "adding(length=100)", model, Map.of(), Map.of(), RunStatus.BUDGET_EXHAUSTED,
                10, 5, 2560, mse, 0.1, seed, 1.0, List.of(), null, "c");
    }

    @Test
    void modelsWithTooFewTrialsForABoxAreLeftOutInsteadOfBreakingTheChart() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Map<String, List<TrialRecord>> byModel = Map.of(
                "a/bptt", List.of(trial("a/bptt", 1, 0.1), trial("a/bptt", 2, 0.2)),
                "b/bptt", List.of(trial("b/bptt", 1, 0.1), trial("b/bptt", 2, 0.3), trial("b/bptt", 3, 0.2)));
        var chart = TestMseBoxChart.of("adding(length=100)", byModel, Map.of("a/bptt", Color.BLUE, "b/bptt", Color.RED));
        assertThat(chart).isPresent();
        assertThat(chart.get().getSeriesCollection()).extracting(s -> s.getName()).containsExactly("b/bptt (n=3)");
        assertThat(BitmapEncoder.getBufferedImage(chart.get()).getWidth()).isPositive();

        var tooFew = TestMseBoxChart.of("t", Map.of("a/bptt", byModel.get("a/bptt")), Map.of("a/bptt", Color.BLUE));
        assertThat(tooFew).isEmpty();
    }
}
