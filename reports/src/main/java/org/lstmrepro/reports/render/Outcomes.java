package org.lstmrepro.reports.render;

import java.util.List;

import org.lstmrepro.reports.store.TrialRecord;

/** The per-trial outcome measures a report summarises and tests, one value per trial that has it. */
final class Outcomes {

    private Outcomes() {
    }

    /** Training sequences until the criterion, for the solved trials only. */
    static double[] sequencesToCriterion(List<TrialRecord> trials) {
        return trials.stream().filter(TrialRecord::solved).mapToDouble(TrialRecord::sequences).toArray();
    }

    /** Test MSE of the trials that have a finite one (diverged trials have none). */
    static double[] testMse(List<TrialRecord> trials) {
        return trials.stream().map(TrialRecord::testMse)
                .filter(m -> m != null && Double.isFinite(m)).mapToDouble(Double::doubleValue).toArray();
    }

    /** The fraction of test sequences processed wrongly, testErrors / testSize, for trials that were tested. */
    static double[] testErrorRate(List<TrialRecord> trials) {
        return trials.stream().filter(t -> t.testErrors() != null && t.testSize() != null && t.testSize() > 0)
                .mapToDouble(t -> t.testErrors() / (double) t.testSize()).toArray();
    }
}
