package org.lstmrepro.reports.experiment;

import java.util.List;
import java.util.Map;

import org.lstmrepro.core.train.TrainingProgress;
import org.lstmrepro.core.train.TrainingResult;
import org.lstmrepro.reports.store.EpochOutcome;
import org.lstmrepro.reports.store.Provenance;
import org.lstmrepro.reports.store.TrialRecord;

/** Turns a finished trial into the record its experiment's results store keeps. */
final class TrialRecords {

    private TrialRecords() {
    }

    static TrialRecord of(String experiment, PlannedTrial trial, Map<String, Object> settings, TrainingResult r,
                          Provenance provenance) {
        List<double[]> curve = r.learningCurve().stream().map(TrialRecords::point).toList();
        Map<String, Object> divergence = r.divergence() == null ? null : Map.of(
                "sequence", r.divergence().sequence(), "step", r.divergence().step(), "what", r.divergence().what());
        return new TrialRecord(trial.key(), experiment, trial.taskLabel(), trial.modelLabel(), trial.canonicalSpec(),
                settings, r.status().name(), r.sequences(),
                r.test() == null ? null : r.test().errors(),
                r.test() == null ? null : r.test().size(),
                r.test() == null || !Double.isFinite(r.test().meanSquaredError()) ? null : r.test().meanSquaredError(),
                ((Number) settings.get("learningRate")).doubleValue(), trial.spec().seed(), r.seconds(), curve,
                divergence, provenance.code(), provenance, EpochOutcome.of(r));
    }

    /** A learning-curve sample as {@code [sequences, recentError, recentCorrect]}. */
    private static double[] point(TrainingProgress p) {
        return new double[] {p.sequences(), p.recentError(), p.recentCorrect()};
    }
}
