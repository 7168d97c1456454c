package org.lstmrepro.reports.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.lstmrepro.core.io.AtomicFiles;
import org.lstmrepro.reports.store.ResultsStore;
import org.lstmrepro.reports.store.StoreLock;
import org.lstmrepro.reports.store.TrialRecord;

/**
 * Writes an experiment's report from its results store: {@code DIR/report.md}, a self-contained
 * {@code DIR/index.html} (inline CSS, no scripts, figures embedded) and the figures as
 * {@code DIR/figures/GEN/*.png} with an SVG of each beside it.
 * Every number is computed from {@code DIR/trials/*.json} when this runs.
 *
 * <p>A reader always sees a whole report, old or new, even if this process is killed or the disk fills
 * up at any moment: everything is first written into a staging folder {@code DIR/.report.RANDOM.tmp}; then
 * the new figures' folder {@code figures/GEN} (a fresh name, so the old figures stay) is renamed into
 * place, then {@code index.html} and then {@code report.md} are each renamed onto the old ones (atomic
 * replacements), and only then are the older figure folders removed. Every Markdown or HTML file in
 * {@code DIR} is therefore whole and every figure it links to exists, whole; a kill between the two
 * renames leaves a new {@code index.html} beside the old {@code report.md}, each with its own figures,
 * and the next report tidies up. A report holds {@code DIR/.report.lock} while it writes.
 */
public final class ReportRenderer {

    public static final String MARKDOWN = "report.md";
    public static final String HTML = "index.html";

    private static final String STAGING_PREFIX = ".report.";
    private static final DateTimeFormatter GENERATION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

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
        try (StoreLock lock = StoreLock.forReport(dir)) {
            removeStaleStaging(dir);
            Path figures = dir.resolve(FigureFiles.FOLDER);
            String generation = freshGeneration(figures, generated);
            Path staging = createStaging(dir);
            try {
                return renderAndSwap(dir, staging, trials, generated, generation);
            } finally {
                deleteTree(staging);
            }
        }
    }

    private static List<Path> renderAndSwap(Path dir, Path staging, List<TrialRecord> trials, Instant generated,
                                            String generation) {
        String folder = FigureFiles.FOLDER + "/" + generation;
        ReportBuilder.Report report = new ReportBuilder(dir, staging, folder, PaperResults.load(), generated).build(trials);
        AtomicFiles.writeString(staging.resolve(MARKDOWN), MarkdownWriter.write(report.blocks()));
        AtomicFiles.writeString(staging.resolve(HTML), HtmlWriter.write(report.title(), report.blocks(), staging));
        Path newFigures = dir.resolve(folder);
        try {
            if (Files.isDirectory(staging.resolve(folder))) {
                Files.createDirectories(newFigures.getParent());
                Files.move(staging.resolve(folder), newFigures);
            }
            AtomicFiles.move(staging.resolve(HTML), dir.resolve(HTML));
            AtomicFiles.move(staging.resolve(MARKDOWN), dir.resolve(MARKDOWN));
        } catch (IOException e) {
            // the old report still stands (or a new index.html beside the old report.md, both whole)
            throw new UncheckedIOException("cannot put the new report in place in " + dir + ": "
                    + AtomicFiles.describe(e), e);
        }
        removeOlderFigures(dir.resolve(FigureFiles.FOLDER), generation);
        List<Path> written = new ArrayList<>();
        written.add(dir.resolve(MARKDOWN));
        written.add(dir.resolve(HTML));
        report.figures().forEach(f -> written.add(dir.resolve(staging.relativize(f))));
        return written;
    }

    /** A figures folder name not used yet: the generation time, with a counter when that is taken. */
    private static String freshGeneration(Path figures, Instant generated) {
        String base = GENERATION.format(generated);
        String name = base;
        for (int i = 2; Files.exists(figures.resolve(name)); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    private static Path createStaging(Path dir) {
        try {
            return Files.createDirectory(dir.resolve(STAGING_PREFIX + Long.toHexString(System.nanoTime())
                    + AtomicFiles.TMP_SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a report into " + dir + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** Staging folders and temporary files that a killed report left (we hold the report lock). */
    private static void removeStaleStaging(Path dir) {
        try (var entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(AtomicFiles.TMP_SUFFIX)) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** Removes every figure folder (and figure file of the older flat layout) but the current one's. */
    private static void removeOlderFigures(Path figures, String keep) {
        if (!Files.isDirectory(figures)) {
            return;
        }
        try (var entries = Files.list(figures)) {
            for (Path p : entries.toList()) {
                if (!p.getFileName().toString().equals(keep)) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear old figures in " + figures + ": " + AtomicFiles.describe(e), e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root + ": " + AtomicFiles.describe(e), e);
        }
    }
}
