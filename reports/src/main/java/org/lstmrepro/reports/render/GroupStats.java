package org.lstmrepro.reports.render;

import java.util.List;
import java.util.Optional;

import org.apache.commons.math3.stat.StatUtils;
import org.lstmrepro.core.train.RunStatus;
import org.lstmrepro.reports.store.TrialRecord;

/**
 * What the report's main table says about one model on one task, computed from its trial records.
 *
 * @param trials            number of trials
 * @param solved            trials that met the stopping criterion (status SOLVED)
 * @param budgetExhausted   trials that used their sequence budget without meeting it
 * @param diverged          trials stopped by divergence
 * @param sequences         quartiles of the sequences until the criterion over the solved trials; empty when none solved
 * @param medianTestErrorRate median over the tested trials of testErrors / testSize; empty when none was tested
 * @param meanTestMse       mean test MSE over the trials that have one; empty when none has
 */
record GroupStats(int trials, int solved, int budgetExhausted, int diverged, Optional<Quartiles> sequences,
                  Optional<Double> medianTestErrorRate, Optional<Double> meanTestMse) {

    static GroupStats of(List<TrialRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("statistics of an empty group of trials");
        }
        int solved = (int) records.stream().filter(TrialRecord::solved).count();
        int diverged = (int) records.stream().filter(TrialRecord::diverged).count();
        int exhausted = (int) records.stream().filter(t -> t.status() == RunStatus.BUDGET_EXHAUSTED).count();
        double[] seq = Outcomes.sequencesToCriterion(records);
        double[] rate = Outcomes.testErrorRate(records);
        double[] mse = Outcomes.testMse(records);
        return new GroupStats(records.size(), solved, exhausted, diverged,
                seq.length == 0 ? Optional.empty() : Optional.of(Quartiles.of(seq)),
                rate.length == 0 ? Optional.empty() : Optional.of(Quartiles.of(rate).median()),
                mse.length == 0 ? Optional.empty() : Optional.of(StatUtils.mean(mse)));
    }

    /** SOLVED / all trials. */
    double successRate() {
        return solved / (double) trials;
    }

    /** Trials that ended otherwise (early-stopped by epochs), kept visible rather than dropped. */
    int otherStatus() {
        return trials - solved - budgetExhausted - diverged;
    }
}
