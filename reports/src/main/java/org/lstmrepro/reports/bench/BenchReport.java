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

    /**
     * The target for the 1997 adding network, truncated rule, through the trainer: at most this many
     * nanoseconds per time step on an idle core (issue 10; the first target, 500, was met long ago).
     */
    public static final int TRUNCATED1997_TARGET_NANOS_PER_STEP = 130;

    public BenchReport {
        cases = List.copyOf(cases);
    }
}
