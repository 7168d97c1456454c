package org.lstmrepro.reports.experiment;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.lstmrepro.core.train.TrainingResult;
import org.lstmrepro.reports.run.Trial;
import org.lstmrepro.reports.store.Provenance;
import org.lstmrepro.reports.store.ResultsStore;
import org.lstmrepro.reports.store.TrialRecord;

/**
 * Runs an experiment's trials on a pool of worker threads and writes each finished one to the
 * results store at once (atomically). Trials whose key is already in the store are skipped, so
 * running again after an interruption finishes the rest (resume).
 *
 * <p>A trial's result depends only on its spec: each trial builds its own task, network and random
 * streams from its seed, and workers share nothing but the store, so results do not depend on the
 * number of workers or the order in which trials finish. A diverged trial is a result like any
 * other; a trial that throws is reported with its key and the others go on.
 */
public final class ExperimentRunner {

    private final ResultsStore store;
    private final int workers;
    private final RunListener listener;
    private final TrialExecutor executor;

    /** Runs one trial to its record (replaceable in tests, e.g. by one that throws). */
    @FunctionalInterface
    interface TrialExecutor {
        TrialRecord run(String experiment, PlannedTrial trial);
    }

    /**
     * @param store    where finished trials go, and which trials are done already
     * @param workers  how many trials run at the same time
     * @param provenance the code and machine, written into every record
     * @param listener hears progress
     */
    public ExperimentRunner(ResultsStore store, int workers, Provenance provenance, RunListener listener) {
        this(store, workers, listener, (experiment, trial) -> train(experiment, trial, provenance));
    }

    ExperimentRunner(ResultsStore store, int workers, RunListener listener, TrialExecutor executor) {
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, was " + workers);
        }
        this.store = store;
        this.workers = workers;
        this.listener = listener;
        this.executor = executor;
    }

    /** Runs every trial not yet in the store, in the order given; returns when all are done. */
    public RunOutcome run(String experiment, List<PlannedTrial> trials) {
        List<PlannedTrial> pending = trials.stream().filter(t -> !store.has(t.key())).toList();
        listener.started(trials.size(), trials.size() - pending.size(), workers);
        AtomicInteger finished = new AtomicInteger();
        ConcurrentLinkedQueue<RunOutcome.Failure> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(workers, pending.size())), workerThreads());
        try {
            for (PlannedTrial t : pending) {
                pool.execute(() -> {
                    listener.trialStarted(t);
                    try {
                        TrialRecord record = executor.run(experiment, t);
                        store.write(record);
                        finished.incrementAndGet();
                        listener.trialFinished(t, record);
                    } catch (RuntimeException | Error e) {
                        failures.add(new RunOutcome.Failure(t, e));
                        listener.trialFailed(t, e);
                    }
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                listener.tick();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        listener.finished();
        return new RunOutcome(trials.size(), trials.size() - pending.size(), finished.get(), List.copyOf(failures));
    }

    /** Trains the trial (with no progress reports) and makes its record. */
    static TrialRecord train(String experiment, PlannedTrial t, Provenance provenance) {
        Trial trial = new Trial(t.spec(), Double.POSITIVE_INFINITY);
        TrainingResult result = trial.run(null);
        Map<String, Object> settings = trial.settings();
        return TrialRecords.of(experiment, t, settings, result, provenance);
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "trial-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
