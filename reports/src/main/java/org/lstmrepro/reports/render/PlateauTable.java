package org.lstmrepro.reports.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lstmrepro.reports.store.TrialRecord;

/**
 * Where the trials of a task left their plateau (issue 8): the first training sequence after which the
 * stopping window was full and at least half correct ({@code TrialRecord.plateauEnd}), beside the
 * sequences to criterion. A long-lag run of the 1997 LSTM spends most of its time on one plateau, so
 * the two numbers separate "how long until it finds the marker" from "how long to get precise".
 */
final class PlateauTable {

    private PlateauTable() {
    }

    /** The table, or empty when no trial of the task records a plateau end (older records, other models). */
    static Optional<Block.Table> of(Map<String, List<TrialRecord>> byModel) {
        boolean any = byModel.values().stream().flatMap(List::stream).anyMatch(t -> t.plateauEnd() != null);
        if (!any) {
            return Optional.empty();
        }
        List<List<String>> rows = new ArrayList<>();
        byModel.forEach((model, trials) -> {
            double[] ends = trials.stream().filter(t -> t.plateauEnd() != null)
                    .mapToDouble(t -> t.plateauEnd()).toArray();
            double[] solved = trials.stream().filter(TrialRecord::solved).mapToDouble(TrialRecord::sequences).toArray();
            double[] after = trials.stream().filter(t -> t.solved() && t.plateauEnd() != null)
                    .mapToDouble(t -> t.sequences() - t.plateauEnd()).toArray();
            rows.add(List.of(model, Integer.toString(trials.size()), Integer.toString(ends.length),
                    median(ends), range(ends), median(solved), median(after)));
        });
        return Optional.of(new Block.Table(List.of("model", "trials", "left the plateau", "median plateau end",
                "plateau end range", "median sequences to criterion", "median sequences from plateau end to criterion"),
                rows));
    }

    private static String median(double[] v) {
        return v.length == 0 ? Format.NONE : Format.count(Quartiles.of(v).median());
    }

    private static String range(double[] v) {
        if (v.length == 0) {
            return Format.NONE;
        }
        double lo = java.util.Arrays.stream(v).min().orElseThrow();
        double hi = java.util.Arrays.stream(v).max().orElseThrow();
        return Format.count(lo) + " – " + Format.count(hi);
    }
}
