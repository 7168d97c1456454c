package org.lstmrepro.reports.bench;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated on the heap by the current thread, from HotSpot's per-thread allocation counter
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}). Where the JVM lacks the
 * counter, {@link #available()} is false and readings are -1.
 */
public final class AllocationMeter {

    private final com.sun.management.ThreadMXBean bean;

    public AllocationMeter() {
        java.lang.management.ThreadMXBean b = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean hotspot = null;
        if (b instanceof com.sun.management.ThreadMXBean h && h.isThreadAllocatedMemorySupported()) {
            if (!h.isThreadAllocatedMemoryEnabled()) {
                h.setThreadAllocatedMemoryEnabled(true);
            }
            hotspot = h;
        }
        this.bean = hotspot;
    }

    public boolean available() {
        return bean != null;
    }

    /** Bytes the current thread has allocated since it started; -1 when not {@link #available()}. */
    public long allocatedBytes() {
        return bean == null ? -1 : bean.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
