package org.lstmrepro.reports.bench;

import org.lstmrepro.reports.run.FlopCount;

/**
 * One timed stretch of training.
 *
 * @param nanos          wall-clock time
 * @param cpuNanos       CPU time of the thread meanwhile; -1 when unknown
 * @param work           what was processed
 * @param allocatedBytes heap bytes the thread allocated meanwhile; -1 when unknown
 */
public record Repetition(long nanos, long cpuNanos, Work work, long allocatedBytes) {

    public double nanosPerStep() {
        return (double) nanos / work.steps();
    }

    /** CPU time per time step: the cost without the time the thread waited for a core; NaN when unknown. */
    public double cpuNanosPerStep() {
        return cpuNanos < 0 ? Double.NaN : (double) cpuNanos / work.steps();
    }

    /** CPU time over wall time: near 1 when the thread had a core to itself; NaN when unknown. */
    public double cpuShare() {
        return cpuNanos < 0 ? Double.NaN : (double) cpuNanos / nanos;
    }

    public double sequencesPerSecond() {
        return work.sequences() * 1e9 / nanos;
    }

    public double stepsPerSecond() {
        return work.steps() * 1e9 / nanos;
    }

    /** Floating-point operations per second implied by the count (see {@link FlopCount}), in units of 10^9. */
    public double gigaflopsPerSecond(FlopCount count) {
        return count.flops(work.steps(), work.targetSteps()) / nanos;
    }

    /** Bytes allocated per time step; NaN when unknown. */
    public double bytesPerStep() {
        return allocatedBytes < 0 ? Double.NaN : (double) allocatedBytes / work.steps();
    }
}
