package org.lstmrepro.reports.bench;

/**
 * How a benchmark is timed.
 *
 * @param warmupSeconds     untimed training before the repetitions (JIT compilation, caches); it also
 *                          calibrates how many minibatches a repetition takes
 * @param repetitions       timed repetitions, at least 1
 * @param repetitionSeconds the target length of one repetition
 */
public record BenchSettings(double warmupSeconds, int repetitions, double repetitionSeconds) {

    public BenchSettings {
        if (!(warmupSeconds >= 0) || Double.isInfinite(warmupSeconds)) {
            throw new IllegalArgumentException("--warmup must be a finite number of seconds >= 0, was " + warmupSeconds);
        }
        if (repetitions < 1) {
            throw new IllegalArgumentException("--repetitions must be at least 1, was " + repetitions);
        }
        if (!(repetitionSeconds > 0) || Double.isInfinite(repetitionSeconds)) {
            throw new IllegalArgumentException("--repetition-seconds must be a finite number > 0, was " + repetitionSeconds);
        }
    }
}
