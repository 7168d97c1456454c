package org.lstmrepro.reports.experiment;

import java.util.Optional;

import org.lstmrepro.core.data.DataSplits;
import org.lstmrepro.reports.run.Trial;

/**
 * An upper estimate of a trial's CPU time on a task with a fixed data set, for {@code reproduce --list}
 * (how to size shards and Slurm arrays): the epoch cap times the weights times the frames of the
 * training and validation splits, at {@value #SECONDS_PER_WEIGHT_FRAME} CPU seconds per weight and
 * frame. That constant was measured with the vanilla LSTM (H = 100, full BPTT, one update per sequence,
 * validation every epoch) on JSB Chorales on a 2-core machine that other jobs were using at the time
 * (docs/reproduction.md). Early stopping usually ends a trial before its cap, so real times are lower;
 * other models (the 1997 rule, FGR) deviate from the estimate in both directions.
 */
public final class TrialCost {

    /** CPU seconds per weight per (training + validation) frame, per epoch. */
    public static final double SECONDS_PER_WEIGHT_FRAME = 1.4e-9;

    private TrialCost() {
    }

    /** The estimate in CPU seconds, or empty for a task that generates its sequences. */
    public static Optional<Double> upperSeconds(Trial trial) {
        Optional<DataSplits> splits = trial.task().splits();
        if (splits.isEmpty()) {
            return Optional.empty();
        }
        long frames = DataSplits.targetSteps(splits.get().train()) + DataSplits.targetSteps(splits.get().valid());
        int epochs = ((Number) trial.settings().get("maxEpochs")).intValue();
        int weights = ((Number) trial.settings().get("weights")).intValue();
        return Optional.of(epochs * (double) weights * frames * SECONDS_PER_WEIGHT_FRAME);
    }
}
