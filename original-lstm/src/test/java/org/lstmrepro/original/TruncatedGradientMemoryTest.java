package org.lstmrepro.original;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.truncated.TruncatedGradient1997;

/** The 1997 truncated gradient keeps no history: what it allocates does not grow with T. */
class TruncatedGradientMemoryTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Keeps the probe's array reachable, so it is not optimised away. */
    static double[] sink;

    private static long bytesAllocatedBy(TruncatedGradient1997 rule, Sequence seq) {
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        rule.accumulate(seq, StepObserver.NONE, GradientListener.NONE);
        return THREADS.getThreadAllocatedBytes(thread) - before;
    }

    @Test
    void allocatesNothingPerStep() {
        assertThat(THREADS.isThreadAllocatedMemorySupported()).isTrue();
        THREADS.setThreadAllocatedMemoryEnabled(true);
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        sink = new double[20_000];
        assertThat(THREADS.getThreadAllocatedBytes(thread) - before).as("the probe sees allocations")
                .isGreaterThanOrEqualTo(160_000);
        Preset1997 adding = Presets1997.get("adding");
        Lstm1997Network net = adding.newNetwork();
        adding.initialize(net.parameters(), RandomStream.root(3));
        TruncatedGradient1997 rule = new TruncatedGradient1997(net);
        Sequence shortSeq = Fixtures.sequence(2, 1, 100, 1, 50, -1);
        Sequence longSeq = Fixtures.sequence(2, 1, 10_000, 2, 5_000, -1);
        for (int i = 0; i < 20; i++) { // warm up (class loading, JIT)
            rule.accumulate(shortSeq, StepObserver.NONE, GradientListener.NONE);
            rule.accumulate(longSeq, StepObserver.NONE, GradientListener.NONE);
        }
        long shortBytes = Long.MAX_VALUE;
        long longBytes = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) { // the least of a few runs: ignores a stray one-off allocation
            shortBytes = Math.min(shortBytes, bytesAllocatedBy(rule, shortSeq));
            longBytes = Math.min(longBytes, bytesAllocatedBy(rule, longSeq));
        }
        // 100 times the steps; a single double[] per step would be >= 160,000 bytes for the long one
        assertThat(shortBytes).isLessThan(1024);
        assertThat(longBytes).isLessThan(1024);
    }
}
