package org.lstmrepro.reports.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The published results a report compares against, kept as data in {@code papers/*.json} resources
 * (one file per paper: its citation and its results table), not as literals in code.
 */
final class PaperResults {

    /** The resources read, one per paper. */
    static final List<String> RESOURCES = List.of("/papers/hochreiter1997.json");

    private final List<PaperResult> results;

    PaperResults(List<PaperResult> results) {
        this.results = List.copyOf(results);
    }

    /** The results of every paper in {@link #RESOURCES}. */
    static PaperResults load() {
        List<PaperResult> all = new ArrayList<>();
        for (String resource : RESOURCES) {
            all.addAll(read(resource));
        }
        return new PaperResults(all);
    }

    List<PaperResult> all() {
        return results;
    }

    /** The published result for this task and model, if a paper has one. */
    Optional<PaperResult> find(TaskLabel task, ModelLabel model) {
        return results.stream().filter(r -> r.matches(task, model)).findFirst();
    }

    private record PaperFile(String citation, String note, List<Row> results) {
    }

    private record Row(String experiment, String task, Map<String, String> taskSettings, String model, String rule,
                       double sequences, int wrong, int testSize, int runs, Double testMse) {
    }

    private static List<PaperResult> read(String resource) {
        try (InputStream in = PaperResults.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            PaperFile file = new ObjectMapper().readValue(in, PaperFile.class);
            return file.results().stream().map(r -> new PaperResult(file.citation(), r.experiment(), r.task(),
                    r.taskSettings(), r.model(), r.rule(), r.sequences(), r.wrong(), r.testSize(), r.runs(), r.testMse())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
