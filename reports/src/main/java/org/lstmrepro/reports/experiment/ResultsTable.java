package org.lstmrepro.reports.experiment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lstmrepro.reports.store.TrialRecord;

/**
 * The plain-text summary {@code reproduce} prints after a run: for each task and model, how many
 * trials solved the task, ran out of budget or diverged, the median number of training sequences
 * of the solved ones (the 1997 paper's "sequences until criterion"), and the median fraction of
 * test sequences processed wrongly over the trials that did not diverge.
 */
public final class ResultsTable {

    private ResultsTable() {
    }

    /** One line per (task, model) in order of first appearance, under a header. */
    public static String render(Collection<TrialRecord> records) {
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
            long solved = g.stream().filter(TrialRecord::solved).count();
            long diverged = g.stream().filter(TrialRecord::diverged).count();
            long[] seqs = g.stream().filter(TrialRecord::solved).mapToLong(TrialRecord::sequences).sorted().toArray();
            sb.append(String.format(Locale.ROOT, format, g.get(0).taskLabel(), g.get(0).modelLabel(),
                    solved + "/" + g.size(), String.valueOf(g.size() - solved - diverged), String.valueOf(diverged),
                    seqs.length == 0 ? "-" : String.format(Locale.ROOT, "%,d", median(seqs)), testErrors(g)));
        }
        for (List<TrialRecord> g : groups.values()) {
            g.stream().map(TrialRecord::note).filter(n -> n != null && !n.isBlank()).distinct().forEach(n -> sb.append(
                    "note on ").append(g.get(0).modelLabel()).append(" / ").append(g.get(0).taskLabel()).append(": ")
                    .append(n).append(System.lineSeparator()));
        }
        return sb.toString();
    }

    /** The median percentage of wrongly processed test sequences, over the trials with a test result. */
    private static String testErrors(List<TrialRecord> group) {
        double[] percent = group.stream().filter(r -> r.testErrors() != null && r.testSize() != null && r.testSize() > 0)
                .mapToDouble(r -> 100.0 * r.testErrors() / r.testSize()).sorted().toArray();
        if (percent.length == 0) {
            return "-";
        }
        int n = percent.length;
        double median = n % 2 == 1 ? percent[n / 2] : (percent[n / 2 - 1] + percent[n / 2]) / 2;
        return String.format(Locale.ROOT, "%.1f%%", median);
    }

    private static long median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
