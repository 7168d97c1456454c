package org.lstmrepro.reports.experiment;

import org.lstmrepro.reports.store.TrialRecord;

/**
 * Hears what an {@link ExperimentRunner} does. Trial events come from the worker threads, {@link #tick()}
 * from the coordinating thread about once a second: implementations must be thread-safe.
 */
public interface RunListener {

    /** Ignores everything. */
    RunListener NONE = new RunListener() {
    };

    /** Before any trial: {@code total} trials, of which {@code alreadyDone} are in the store and are skipped. */
    default void started(int total, int alreadyDone, int workers) {
    }

    default void trialStarted(PlannedTrial trial) {
    }

    default void trialFinished(PlannedTrial trial, TrialRecord record) {
    }

    /** The trial threw (a bug, not a diverged run): the run goes on without it. */
    default void trialFailed(PlannedTrial trial, Throwable error) {
    }

    default void tick() {
    }

    /** After the last trial. */
    default void finished() {
    }
}
