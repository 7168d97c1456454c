package org.lstmrepro.reports.bench;

import java.util.List;
import java.util.Map;

/**
 * The results of one benchmark suite, with where and how they were measured.
 *
 * @param suite    which suite
 * @param machine  {@link Machine#describe()}
 * @param settings how the cases were timed
 * @param cases    one result per workload
 */
public record BenchReport(Suite suite, Map<String, Object> machine, BenchSettings settings, List<CaseResult> cases) {

    /** The target for the 1997 adding network: under 0.5 microseconds per time step on one core. */
    public static final double TRUNCATED1997_TARGET_NANOS_PER_STEP = 500;

    public BenchReport {
        cases = List.copyOf(cases);
    }
}
