package org.lstmrepro.vanilla;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.model.BatchBpttNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.truncated.FullBptt;

/** A batched full-BPTT pass allocates nothing per step once its buffers have grown. */
class BatchMemoryTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * The longest extra warm-up while the JIT has not yet compiled the kernels: a time, not a count of
     * rounds, because on a loaded machine the optimising compiler's queue waits for CPU (40 rounds, about
     * a second, were not enough in a full build beside two training runs).
     */
    private static final long WARM_UP_NANOS = 60_000_000_000L;

    /** Keeps the probe's array reachable, so it is not optimised away. */
    static double[] sink;

    static Stream<String> models() {
        return Stream.of("vanilla", "FGR", "rnn", "gru");
    }

    private static long bytesAllocatedBy(FullBptt rule, List<Sequence> batch) {
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        rule.accumulateBatch(batch, StepObserver.NONE);
        return THREADS.getThreadAllocatedBytes(thread) - before;
    }

    @ParameterizedTest
    @MethodSource("models")
    void allocatesNothingPerStep(String model) {
        THREADS.setThreadAllocatedMemoryEnabled(true);
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        sink = new double[20_000];
        assertThat(THREADS.getThreadAllocatedBytes(thread) - before).as("the probe sees allocations")
                .isGreaterThanOrEqualTo(160_000);
        BatchBpttNetwork net = BatchGradientTest.network(model);
        FullBptt rule = new FullBptt(net);
        RandomStream r = RandomStream.root(91);
        List<Sequence> shortBatch = Fixtures.batch(r, new int[] {20, 50, 30}, false, Fixtures.LINEAR);
        List<Sequence> longBatch = Fixtures.batch(r, new int[] {1_000, 2_500, 1_500}, true, Fixtures.LINEAR);
        for (int i = 0; i < 6; i++) { // warm up (buffers grow, classes load, JIT)
            rule.accumulateBatch(shortBatch, StepObserver.NONE);
            rule.accumulateBatch(longBatch, StepObserver.NONE);
        }
        // The SIMD kernels (core's Kernels) allocate a box per vector operation until the optimising
        // compiler has compiled them, which on a loaded machine can take longer than the rounds above:
        // warm up further while the short batch still allocates, for at most WARM_UP_NANOS. Code that
        // allocates in steady state still fails below (after a minute of trying).
        long start = System.nanoTime();
        while (System.nanoTime() - start < WARM_UP_NANOS && bytesAllocatedBy(rule, shortBatch) >= 1024) {
            rule.accumulateBatch(longBatch, StepObserver.NONE);
        }
        long shortBytes = Long.MAX_VALUE;
        long longBytes = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // the least of a few runs: ignores a stray one-off allocation
            shortBytes = Math.min(shortBytes, bytesAllocatedBy(rule, shortBatch));
            longBytes = Math.min(longBytes, bytesAllocatedBy(rule, longBatch));
        }
        // 2,500 steps: a single small object (16 bytes or more) per step would be 40 kB or more
        assertThat(shortBytes).isLessThan(1024);
        assertThat(longBytes).isLessThan(1024);
    }
}
