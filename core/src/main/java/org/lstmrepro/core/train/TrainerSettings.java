package org.lstmrepro.core.train;

import org.lstmrepro.core.optim.GradientClipping;
import org.lstmrepro.core.optim.Optimizer;

/**
 * Everything that governs a training run apart from the network, the learning rule and the data.
 *
 * @param optimizer          how weights change against the gradient
 * @param clipping           applied to the gradient before every update
 * @param schedule           when updates happen
 * @param stoppingRule       when training counts as solved
 * @param criterion          when a target step counts as correct
 * @param maxSequences       the budget: training sequences before giving up
 * @param curveEvery         a learning-curve sample every this many sequences
 * @param progressSeconds    a progress report at most this often (seconds of wall time)
 */
public record TrainerSettings(Optimizer optimizer, GradientClipping clipping, UpdateSchedule schedule,
                              StoppingRule stoppingRule, TargetCriterion criterion, long maxSequences,
                              long curveEvery, double progressSeconds) {

    public TrainerSettings {
        if (optimizer == null || clipping == null || schedule == null || stoppingRule == null || criterion == null) {
            throw new IllegalArgumentException("trainer settings need an optimizer, clipping, schedule, stopping rule and criterion");
        }
        if (maxSequences < 1) {
            throw new IllegalArgumentException("the sequence budget must be at least 1, was " + maxSequences);
        }
        if (curveEvery < 1) {
            throw new IllegalArgumentException("the learning-curve interval must be at least 1 sequence, was " + curveEvery);
        }
        if (!(progressSeconds >= 0)) {
            throw new IllegalArgumentException("the progress interval must be non-negative, was " + progressSeconds);
        }
    }
}
