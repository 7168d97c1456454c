package org.lstmrepro.reports.bench;

import java.lang.management.ManagementFactory;

/**
 * The current thread's counters from HotSpot's {@code com.sun.management.ThreadMXBean}: heap bytes
 * allocated ({@code getThreadAllocatedBytes}) and CPU time. On a shared machine CPU time over wall
 * time shows how much of a timed stretch the thread actually ran. Where the JVM lacks a counter,
 * its reading is -1.
 */
public final class ThreadCounters {

    private final com.sun.management.ThreadMXBean allocation;
    private final java.lang.management.ThreadMXBean cpu;

    public ThreadCounters() {
        java.lang.management.ThreadMXBean b = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean hotspot = null;
        if (b instanceof com.sun.management.ThreadMXBean h && h.isThreadAllocatedMemorySupported()) {
            if (!h.isThreadAllocatedMemoryEnabled()) {
                h.setThreadAllocatedMemoryEnabled(true);
            }
            hotspot = h;
        }
        this.allocation = hotspot;
        if (b.isCurrentThreadCpuTimeSupported() && !b.isThreadCpuTimeEnabled()) {
            b.setThreadCpuTimeEnabled(true);
        }
        this.cpu = b.isCurrentThreadCpuTimeSupported() ? b : null;
    }

    /** Whether {@link #allocatedBytes()} is measured. */
    public boolean allocationAvailable() {
        return allocation != null;
    }

    /** Whether {@link #cpuNanos()} is measured. */
    public boolean cpuAvailable() {
        return cpu != null;
    }

    /** Bytes the current thread has allocated since it started; -1 when not available. */
    public long allocatedBytes() {
        return allocation == null ? -1 : allocation.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** CPU time of the current thread in nanoseconds; -1 when not available. */
    public long cpuNanos() {
        return cpu == null ? -1 : cpu.getCurrentThreadCpuTime();
    }
}
