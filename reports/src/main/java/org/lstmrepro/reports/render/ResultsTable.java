package org.lstmrepro.reports.render;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lstmrepro.reports.store.TrialRecord;

/**
 * The results table: per task and model, trials, success rate, sequences to the criterion (the 1997
 * paper's "sequences until criterion", over the solved trials), failures and test errors, computed once
 * ({@link GroupStats}) and rendered for the report ({@link #of}) or as the plain text {@code reproduce}
 * prints after a run ({@link #plainText}).
 */
public final class ResultsTable {

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

    /**
     * One line per (task, model) in order of first appearance, under a header: solved / trials, budget
     * exhausted, diverged, median sequences to the criterion, median test error rate; then the notes the
     * experiment attached to a row.
     */
    public static String plainText(Collection<TrialRecord> records) {
        Map<String, List<TrialRecord>> groups = new LinkedHashMap<>();
        for (TrialRecord r : records) {
            groups.computeIfAbsent(r.taskLabel() + "\u0000" + r.modelLabel(), k -> new ArrayList<>()).add(r);
        }
        int taskWidth = Math.max(4, records.stream().mapToInt(r -> r.taskLabel().length()).max().orElse(0));
        int modelWidth = Math.max(5, records.stream().mapToInt(r -> r.modelLabel().length()).max().orElse(0));
        String format = "%-" + taskWidth + "s  %-" + modelWidth + "s  %7s  %7s  %8s  %17s  %s%n";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, format, "task", "model", "solved", "budget",
                "diverged", "median sequences", "median test errors"));
        for (List<TrialRecord> g : groups.values()) {
            GroupStats s = GroupStats.of(g);
            sb.append(String.format(Locale.ROOT, format, g.get(0).taskLabel(), g.get(0).modelLabel(),
                    s.solved() + "/" + s.trials(), String.valueOf(s.trials() - s.solved() - s.diverged()),
                    String.valueOf(s.diverged()), s.sequences().map(q -> Format.count(q.median())).orElse("-"),
                    s.medianTestErrorRate().map(r -> String.format(Locale.ROOT, "%.1f%%", 100 * r)).orElse("-")));
        }
        for (List<TrialRecord> g : groups.values()) {
            g.stream().map(TrialRecord::note).filter(n -> n != null && !n.isBlank()).distinct().forEach(n -> sb.append(
                    "note on ").append(g.get(0).modelLabel()).append(" / ").append(g.get(0).taskLabel()).append(": ")
                    .append(n).append(System.lineSeparator()));
        }
        return sb.toString();
    }
}
