package org.lstmrepro.reports.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.lstmrepro.core.train.EpochRecord;
import org.lstmrepro.core.train.ProgressListener;
import org.lstmrepro.core.train.TrainingProgress;

/** Prints training progress as one plain line per report (readable in a terminal and in a log file). */
final class ProgressLine implements ProgressListener {

    private final PrintWriter err;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onProgress(TrainingProgress p) {
        err.println(String.format(Locale.ROOT,
                "  %,12d sequences | recent error %.5f | recent correct %5.1f%% of %d | %,.0f seq/s | %.1f s",
                p.sequences(), p.recentError(), 100 * p.recentCorrect(), p.windowSize(), p.sequencesPerSecond(),
                p.seconds()));
        err.flush();
    }

    @Override
    public void onEpoch(EpochRecord e) {
        err.println(String.format(Locale.ROOT, "  epoch %4d | training loss %.4f | validation loss %.4f | %.1f s",
                e.epoch(), e.trainLoss(), e.validLoss(), e.seconds()));
        err.flush();
    }
}
