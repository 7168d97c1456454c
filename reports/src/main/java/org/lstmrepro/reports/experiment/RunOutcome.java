package org.lstmrepro.reports.experiment;

import java.util.List;

/**
 * What a run of an experiment (or of a shard) did.
 *
 * @param total    trials in the run
 * @param skipped  trials already in the store (not run again)
 * @param finished trials run and written to the store now
 * @param failures trials that threw, with what they threw
 */
public record RunOutcome(int total, int skipped, int finished, List<Failure> failures) {

    public RunOutcome {
        failures = List.copyOf(failures);
    }

    /** A trial that threw instead of finishing. */
    public record Failure(PlannedTrial trial, Throwable error) {
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }
}
