package org.lstmrepro.reports.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.lstmrepro.reports.store.ResultsStore;
import org.lstmrepro.reports.store.TrialRecord;

/**
 * Writes an experiment's report from its results store: {@code DIR/report.md}, a self-contained
 * {@code DIR/index.html} (inline CSS, no scripts) and the figures as {@code DIR/figures/*.png}. Every
 * number is computed from {@code DIR/trials/*.json} when this runs; figures left from an earlier
 * report are removed first, so the folder shows this report only.
 */
public final class ReportRenderer {

    public static final String MARKDOWN = "report.md";
    public static final String HTML = "index.html";

    private ReportRenderer() {
    }

    /**
     * Renders the report of the results store in {@code dir}.
     *
     * @return the files written: the Markdown report, the HTML page, then the figures
     * @throws IllegalArgumentException when {@code dir} is not a directory or holds no trial record
     *                                  (the message is one line naming the directory), or a record is corrupt
     */
    public static List<Path> render(Path dir) {
        return render(dir, Instant.now());
    }

    /** As {@link #render(Path)}, stamped with the given generation time. */
    public static List<Path> render(Path dir, Instant generated) {
        List<TrialRecord> trials = Files.isDirectory(dir) ? new ResultsStore(dir).readAll() : List.of();
        if (trials.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no results store here (expected "
                    + dir.resolve("trials").resolve("*.json") + ")");
        }
        removeOldFigures(dir.resolve(FigureFiles.FOLDER));
        ReportBuilder.Report report = new ReportBuilder(dir, PaperResults.load(), generated).build(trials);
        List<Path> written = new ArrayList<>();
        written.add(write(dir.resolve(MARKDOWN), MarkdownWriter.write(report.blocks())));
        written.add(write(dir.resolve(HTML), HtmlWriter.write(report.title(), report.blocks())));
        written.addAll(report.figures());
        return written;
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void removeOldFigures(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(folder, "*.png")) {
            for (Path p : old) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear old figures in " + folder + ": " + e.getMessage(), e);
        }
    }
}
