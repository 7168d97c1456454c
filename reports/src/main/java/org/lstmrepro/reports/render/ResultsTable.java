package org.lstmrepro.reports.render;

import java.util.ArrayList;
import java.util.List;

/** A task's main table: per model, trials, success rate, sequences to the criterion, failures, test errors. */
final class ResultsTable {

    static final List<String> HEADER = List.of("model", "trials", "solved", "success rate",
            "median sequences to criterion", "IQR (q1 to q3)", "budget exhausted", "diverged",
            "median test error rate", "mean test MSE");

    private ResultsTable() {
    }

    static Block.Table of(TaskGroup task) {
        List<List<String>> rows = new ArrayList<>();
        task.byModel().forEach((model, trials) -> {
            GroupStats s = GroupStats.of(trials);
            rows.add(List.of("`" + model + "`", Integer.toString(s.trials()), Integer.toString(s.solved()),
                    Format.percent(s.successRate(), 1),
                    s.sequences().map(q -> Format.count(q.median())).orElse(Format.NONE),
                    s.sequences().map(q -> Format.count(q.iqr()) + " (" + Format.count(q.q1()) + " to "
                            + Format.count(q.q3()) + ")").orElse(Format.NONE),
                    Integer.toString(s.budgetExhausted()), Integer.toString(s.diverged()),
                    s.medianTestErrorRate().map(r -> Format.percent(r, 3)).orElse(Format.NONE),
                    s.meanTestMse().map(Format::measure).orElse(Format.NONE)));
        });
        return new Block.Table(HEADER, rows);
    }
}
