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
        List<double[]> curve = new java.util.ArrayList<>(r.learningCurve().size());
        for (int i = 0; i < r.learningCurve().size(); i++) {
            curve.add(point(r.learningCurve().get(i), i < r.probeCurve().size() ? r.probeCurve().get(i) : new double[0]));
        }
        Map<String, Object> divergence = r.divergence() == null ? null : Map.of(
                "sequence", r.divergence().sequence(), "step", r.divergence().step(), "what", r.divergence().what());
        return new TrialRecord(trial.key(), experiment, trial.taskLabel(), trial.modelLabel(), trial.canonicalSpec(),
                settings, r.status(), r.sequences(),
                r.test() == null ? null : r.test().errors(),
                r.test() == null ? null : r.test().size(),
                r.test() == null || !Double.isFinite(r.test().meanSquaredError()) ? null : r.test().meanSquaredError(),
                ((Number) settings.get("learningRate")).doubleValue(), trial.spec().seed(), r.seconds(), curve,
                divergence, provenance.code(), provenance, r.plateauEnd() < 0 ? null : r.plateauEnd(),
                r.probeNames().isEmpty() ? null : r.probeNames(), r.saturated(), trial.note(), EpochOutcome.of(r));
    }

    /** A learning-curve sample as {@code [sequences, recentError, recentCorrect, probe values...]}. */
    private static double[] point(TrainingProgress p, double[] probes) {
        double[] row = new double[3 + probes.length];
        row[0] = p.sequences();
        row[1] = p.recentError();
        row[2] = p.recentCorrect();
        System.arraycopy(probes, 0, row, 3, probes.length);
        return row;
    }
}
