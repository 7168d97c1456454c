package org.lstmrepro.reports.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.lstmrepro.reports.bench.Truncated1997Workload;
import org.lstmrepro.reports.bench.VanillaWorkload;
import org.lstmrepro.reports.bench.Work;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH versions of the two {@code lstm-repro bench} suites, on the same workloads (so the same code
 * paths and data). Not a test: run through {@link JmhMain} (see docs/benchmarks.md), never by
 * {@code mvn verify}.
 *
 * <p>Throughput mode: the primary score is operations per second, one operation being
 * {@value #TRUNCATED_SEQUENCES_PER_OP} sequences (truncated1997) or one minibatch (vanilla); the
 * secondary score {@code steps} is time steps per second. With {@code -prof gc},
 * {@code gc.alloc.rate.norm} is bytes per operation; divide by steps per operation (steps/s over
 * ops/s) for bytes per time step.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrainingBenchmark {

    /** Sequences per operation of the truncated1997 benchmark (one sequence is about 0.1 ms). */
    static final int TRUNCATED_SEQUENCES_PER_OP = 16;
    private static final int POOL = 256;
    private static final long SEED = 1;

    /** The 1997 adding network with the 1997 truncated gradient and online SGD. */
    @State(Scope.Thread)
    public static class Truncated1997 {
        @Param("100")
        int length;
        Truncated1997Workload workload;

        @Setup
        public void setUp() {
            workload = new Truncated1997Workload(length, POOL, SEED);
        }
    }

    /** The vanilla LSTM with full BPTT, one update per minibatch. */
    @State(Scope.Thread)
    public static class Vanilla {
        @Param({"8", "32", "128"})
        int hidden;
        @Param("1")
        int batch;
        @Param("100")
        int length;
        VanillaWorkload workload;

        @Setup
        public void setUp() {
            workload = new VanillaWorkload(hidden, batch, length, POOL, SEED);
        }
    }

    /** Time steps processed, reported by JMH as a rate next to the primary score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Steps {
        public long steps;

        @Setup(Level.Iteration)
        public void reset() {
            steps = 0;
        }
    }

    @Benchmark
    public long truncated1997(Truncated1997 state, Steps counter) {
        Work w = state.workload.run(TRUNCATED_SEQUENCES_PER_OP);
        counter.steps += w.steps();
        return w.steps();
    }

    @Benchmark
    public long vanilla(Vanilla state, Steps counter) {
        Work w = state.workload.run(1);
        counter.steps += w.steps();
        return w.steps();
    }
}
