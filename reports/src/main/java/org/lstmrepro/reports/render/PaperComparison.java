package org.lstmrepro.reports.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A task's comparison with the published numbers: per model that a paper reports on, the paper's
 * sequences until the criterion beside our median, their ratio (ours / paper's), and the test errors.
 */
final class PaperComparison {

    static final List<String> HEADER = List.of("model", "paper", "paper's sequences (mean)", "our median (solved)",
            "ratio ours / paper", "paper's test errors", "our median test error rate");

    private PaperComparison() {
    }

    /** The table, or empty when no paper reports on this task with any of its models. */
    static Optional<Block.Table> of(TaskGroup task, PaperResults papers) {
        List<List<String>> rows = new ArrayList<>();
        task.byModel().forEach((model, trials) -> papers.find(task.label(), ModelLabel.parse(model)).ifPresent(p -> {
            GroupStats s = GroupStats.of(trials);
            rows.add(List.of("`" + model + "`", p.experiment() + " (" + p.runs() + " runs)", Format.count(p.sequences()),
                    s.sequences().map(q -> Format.count(q.median())).orElse(Format.NONE),
                    s.sequences().map(q -> Format.ratio(q.median() / p.sequences())).orElse(Format.NONE),
                    p.wrong() + "/" + p.testSize() + " (" + Format.percent(p.wrongRate(), 3) + ")",
                    s.medianTestErrorRate().map(r -> Format.percent(r, 3)).orElse(Format.NONE)));
        }));
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Block.Table(HEADER, rows));
    }
}
