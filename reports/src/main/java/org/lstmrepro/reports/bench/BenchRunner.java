package org.lstmrepro.reports.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Times a {@link Workload}: untimed warm-up in doubling chunks, one untimed repetition-sized run
 * (together they calibrate the size of a repetition), then timed repetitions of equal work, each with the wall-clock time, the thread's CPU time and the bytes
 * it allocated.
 * Everything runs on the calling thread.
 */
public final class BenchRunner {

    /** Warm-up chunks double until one takes this long; the last one's rate calibrates the repetitions. */
    private static final long CALIBRATION_CHUNK_NANOS = 100_000_000L;

    private final BenchSettings settings;
    private final ThreadCounters counters;
    private final Consumer<String> progress;

    /** @param progress receives one line per phase and repetition */
    public BenchRunner(BenchSettings settings, ThreadCounters counters, Consumer<String> progress) {
        this.settings = settings;
        this.counters = counters;
        this.progress = progress;
    }

    public CaseResult measure(Workload workload) {
        progress.accept(String.format(Locale.ROOT, "bench: %s: warm-up %.1f s", workload.name(), settings.warmupSeconds()));
        long units = unitsFor(warmUp(workload));
        // One untimed repetition-sized run: the long loop of a repetition may still be compiled
        // differently from the warm-up's short chunks; its rate calibrates the timed ones.
        long start = System.nanoTime();
        workload.run(units);
        units = unitsFor(units * 1e9 / Math.max(1, System.nanoTime() - start));
        progress.accept(String.format(Locale.ROOT, "bench: %s: %d repetitions of %,d sequences", workload.name(),
                settings.repetitions(), units * workload.sequencesPerUnit()));
        List<Repetition> repetitions = new ArrayList<>(settings.repetitions());
        for (int i = 1; i <= settings.repetitions(); i++) {
            Repetition r = timeOnce(workload, units);
            repetitions.add(r);
            progress.accept(String.format(Locale.ROOT, "  %d/%d: %.1f ns/step (CPU %.1f, share %.2f), %,.0f sequences/s,"
                    + " %.2f bytes/step", i, settings.repetitions(), r.nanosPerStep(), r.cpuNanosPerStep(), r.cpuShare(),
                    r.sequencesPerSecond(), r.bytesPerStep()));
        }
        return new CaseResult(workload.name(), workload.settings(), workload.flops(), repetitions);
    }

    private long unitsFor(double unitsPerSecond) {
        return Math.max(1, Math.round(unitsPerSecond * settings.repetitionSeconds()));
    }

    /** Runs doubling chunks until the warm-up time is spent; returns the last chunk's units per second. */
    private double warmUp(Workload workload) {
        long deadline = System.nanoTime() + (long) (settings.warmupSeconds() * 1e9);
        long chunk = 1;
        double rate;
        do {
            long start = System.nanoTime();
            workload.run(chunk);
            long nanos = Math.max(1, System.nanoTime() - start);
            rate = chunk * 1e9 / nanos;
            if (nanos < CALIBRATION_CHUNK_NANOS) {
                chunk *= 2;
            }
        } while (System.nanoTime() < deadline);
        return rate;
    }

    private Repetition timeOnce(Workload workload, long units) {
        long bytesBefore = counters.allocatedBytes();
        long cpuBefore = counters.cpuNanos();
        long start = System.nanoTime();
        Work work = workload.run(units);
        long nanos = System.nanoTime() - start;
        long cpuAfter = counters.cpuNanos();
        long bytesAfter = counters.allocatedBytes();
        return new Repetition(nanos, counters.cpuAvailable() ? cpuAfter - cpuBefore : -1, work,
                counters.allocationAvailable() ? bytesAfter - bytesBefore : -1);
    }
}
