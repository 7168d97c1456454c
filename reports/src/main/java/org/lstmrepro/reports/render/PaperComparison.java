package org.lstmrepro.reports.render;

import org.lstmrepro.reports.store.TrialRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A task's comparison with the published numbers: per model that a paper reports on, the paper's
 * sequences until the criterion beside our median, their ratio (ours / paper's), the test errors, and
 * the test MSE where the paper reports one.
 */
final class PaperComparison {

    static final List<String> HEADER = List.of("model", "paper", "paper's sequences (mean)", "our median (solved)",
            "ratio ours / paper", "paper's test errors", "our median test error rate");

    private PaperComparison() {
    }

    /** The two columns added where a paper reports a test MSE (Experiment 5). */
    static final List<String> MSE_HEADER = List.of("paper's test MSE (mean)", "our mean test MSE");

    /**
     * The table, or empty when no paper reports on this task with any of its models; with the test-MSE
     * columns when a matched paper row reports one.
     */
    static Optional<Block.Table> of(TaskGroup task, PaperResults papers) {
        List<List<String>> rows = new ArrayList<>();
        List<Double> paperMses = new ArrayList<>();
        List<String> ourMses = new ArrayList<>();
        task.byModel().forEach((model, trials) -> papers.find(task.label(), resolved(model, trials)).ifPresent(p -> {
            GroupStats s = GroupStats.of(trials);
            rows.add(List.of("`" + model + "`", p.experiment() + " (" + p.runs() + " runs)", Format.count(p.sequences()),
                    s.sequences().map(q -> Format.count(q.median())).orElse(Format.NONE),
                    s.sequences().map(q -> Format.ratio(q.median() / p.sequences())).orElse(Format.NONE),
                    p.wrong() < 0 ? "not reported" : p.wrong() + "/" + p.testSize() + " (" + Format.percent(p.wrongRate(), 3) + ")",
                    s.medianTestErrorRate().map(r -> Format.percent(r, 3)).orElse(Format.NONE)));
            paperMses.add(p.testMse());
            ourMses.add(s.meanTestMse().map(Format::measure).orElse(Format.NONE));
        }));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (paperMses.stream().allMatch(java.util.Objects::isNull)) {
            return Optional.of(new Block.Table(HEADER, rows));
        }
        List<List<String>> wide = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = new ArrayList<>(rows.get(i));
            row.add(paperMses.get(i) == null ? "not reported" : Format.measure(paperMses.get(i)));
            row.add(ourMses.get(i));
            wide.add(row);
        }
        List<String> header = new ArrayList<>(HEADER);
        header.addAll(MSE_HEADER);
        return Optional.of(new Block.Table(header, wide));
    }

    /**
     * The model and rule the trials ran ({@code spec.model} and {@code settings.rule} of a record), so
     * that an entry's free-form label (e.g. {@code original1997 no-constant-cell-sources}) still meets
     * the paper's row; the label itself when a record does not say.
     */
    static ModelLabel resolved(String label, List<TrialRecord> trials) {
        if (!trials.isEmpty() && trials.get(0).spec().get("model") instanceof String m
                && trials.get(0).settings().get("rule") instanceof String rule) {
            return ModelLabel.parse(m + "/" + rule);
        }
        return ModelLabel.parse(label);
    }
}
