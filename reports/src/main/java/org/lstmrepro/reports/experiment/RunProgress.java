package org.lstmrepro.reports.experiment;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.lstmrepro.reports.store.TrialRecord;

/**
 * The progress display of {@code reproduce} on stderr: trials done of the total, running, failed,
 * elapsed and estimated time left. On a terminal one line is redrawn every second; otherwise (a log
 * file, a batch job) a plain line is printed at most every {@value #LOG_SECONDS} seconds when a
 * trial has finished since the last one, and at least every {@value #HEARTBEAT_SECONDS} seconds.
 *
 * <p>The estimate assumes the remaining trials take as long on average as those finished in this
 * run: remaining x elapsed / finished (with all workers busy).
 */
public final class RunProgress implements RunListener {

    static final double LOG_SECONDS = 5;
    static final double HEARTBEAT_SECONDS = 60;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoClock;

    private long startNanos;
    private long lastLineNanos;
    private int total;
    private int skipped;
    private int done;
    private int failed;
    private int running;
    private int doneAtLastLine = -1;

    /**
     * @param err       where to print
     * @param terminal  redraw one line ({@code System.console() != null}) or print log lines
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    public RunProgress(PrintWriter err, boolean terminal, LongSupplier nanoClock) {
        this.err = err;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized void started(int total, int alreadyDone, int workers) {
        this.total = total;
        this.skipped = alreadyDone;
        this.startNanos = nanoClock.getAsLong();
        this.lastLineNanos = startNanos;
        err.printf(Locale.ROOT, "%d trials: %d already in the store, %d to run on %d worker%s%n", total, alreadyDone,
                total - alreadyDone, workers, workers == 1 ? "" : "s");
        err.flush();
    }

    @Override
    public synchronized void trialStarted(PlannedTrial trial) {
        running++;
        redrawIfTerminal();
    }

    @Override
    public synchronized void trialFinished(PlannedTrial trial, TrialRecord record) {
        running--;
        done++;
        redrawIfTerminal();
    }

    @Override
    public synchronized void trialFailed(PlannedTrial trial, Throwable error) {
        running--;
        failed++;
        clearIfTerminal();
        err.println("lstm-repro reproduce: trial " + trial.describe() + " failed: " + error);
        StackTraceElement[] frames = error.getStackTrace();
        if (frames.length > 0) {
            err.println("  at " + frames[0]);
        }
        err.flush();
        redrawIfTerminal();
    }

    @Override
    public synchronized void tick() {
        if (terminal) {
            redrawIfTerminal();
            return;
        }
        double sinceLast = (nanoClock.getAsLong() - lastLineNanos) / 1e9;
        if (sinceLast >= LOG_SECONDS && done != doneAtLastLine || sinceLast >= HEARTBEAT_SECONDS) {
            printLine();
        }
    }

    @Override
    public synchronized void finished() {
        if (terminal) {
            redrawIfTerminal();
            err.println();
        } else {
            printLine();
        }
        err.flush();
    }

    /** The status line, e.g. {@code 12/40 trials done, 2 running, 0 failed | 3m12s elapsed, about 7m28s left}. */
    synchronized String line() {
        long now = nanoClock.getAsLong();
        double elapsed = (now - startNanos) / 1e9;
        int remaining = total - skipped - done - failed;
        String left = remaining == 0 ? "nothing left"
                : done + failed == 0 ? "time left unknown yet"
                : "about " + duration(remaining * elapsed / (done + failed)) + " left";
        return String.format(Locale.ROOT, "%d/%d trials done, %d running, %d failed | %s elapsed, %s",
                skipped + done, total, running, failed, duration(elapsed), left);
    }

    private void printLine() {
        err.println(line());
        err.flush();
        lastLineNanos = nanoClock.getAsLong();
        doneAtLastLine = done;
    }

    private void redrawIfTerminal() {
        if (terminal) {
            err.print("\r" + line() + "\u001b[K");
            err.flush();
        }
    }

    private void clearIfTerminal() {
        if (terminal) {
            err.print("\r\u001b[K");
        }
    }

    /** {@code 45s}, {@code 3m05s}, {@code 2h07m}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
