package org.lstmrepro.reports.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lstmrepro.reports.analysis.Holm;
import org.lstmrepro.reports.store.TrialRecord;

/**
 * Readings of the 1997 network against the paper's (issue 8): on a task where some original1997 trials
 * set {@code weightGroups} (a reading or an ablation) and some do not (the paper as read), each reading
 * against the plain one on sequences to criterion. Two Mann-Whitney U tests, two-sided: on the solved
 * trials only (exact when there are no ties), and on all trials with the unsolved ranked after every
 * solved one (a trial that did not meet the criterion within its budget needed more than the budget;
 * ties among the unsolved make this one the normal approximation). Holm's correction over the task's
 * comparisons beside each.
 */
final class ReadingComparison {

    static final List<String> HEADER = List.of("reading", "against", "solved", "solved (paper as read)",
            "median sequences (solved)", "median (paper as read)", "U p, solved", "U p, unsolved last",
            "U p, unsolved last, Holm");

    private ReadingComparison() {
    }

    /** The table, or empty when the task has no original1997 trials both with and without weight groups. */
    static Optional<Block.Table> of(Map<String, List<TrialRecord>> byModel) {
        String baseline = null;
        List<String> readings = new ArrayList<>();
        for (var e : byModel.entrySet()) {
            if (e.getValue().isEmpty() || !isOriginal(e.getValue().get(0))) {
                continue;
            }
            if (weightGroups(e.getValue().get(0)) == null) {
                baseline = baseline == null ? e.getKey() : baseline;
            } else {
                readings.add(e.getKey());
            }
        }
        if (baseline == null || readings.isEmpty()) {
            return Optional.empty();
        }
        List<TrialRecord> base = byModel.get(baseline);
        double[] pLast = new double[readings.size()];
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            List<TrialRecord> mine = byModel.get(readings.get(i));
            double pSolved = uTest(Outcomes.sequencesToCriterion(mine), Outcomes.sequencesToCriterion(base));
            pLast[i] = uTest(unsolvedLast(mine), unsolvedLast(base));
            cells.add(new ArrayList<>(List.of("`" + readings.get(i) + "`", "`" + baseline + "`",
                    solved(mine), solved(base), median(Outcomes.sequencesToCriterion(mine)),
                    median(Outcomes.sequencesToCriterion(base)), Format.pValue(pSolved), Format.pValue(pLast[i]))));
        }
        double[] holm = Holm.adjust(pLast);
        for (int i = 0; i < cells.size(); i++) {
            cells.get(i).add(Format.pValue(holm[i]));
        }
        return Optional.of(new Block.Table(HEADER, cells));
    }

    private static boolean isOriginal(TrialRecord t) {
        return "original1997".equals(t.spec().get("model"));
    }

    private static Object weightGroups(TrialRecord t) {
        return t.spec().get("modelOptions") instanceof Map<?, ?> m ? m.get("weightGroups") : null;
    }

    /** Sequences to criterion, unsolved trials as +infinity (ranked after every solved trial). */
    static double[] unsolvedLast(List<TrialRecord> trials) {
        return trials.stream().mapToDouble(t -> t.solved() ? t.sequences() : Double.POSITIVE_INFINITY).toArray();
    }

    /** Two-sided Mann-Whitney p: exact without ties, else the normal approximation; NaN below 2 a side. */
    static double uTest(double[] a, double[] b) {
        if (a.length < VariantTest.MIN_TRIALS || b.length < VariantTest.MIN_TRIALS) {
            return Double.NaN;
        }
        return VariantTest.uTest(a, b).p();
    }

    private static String solved(List<TrialRecord> trials) {
        return trials.stream().filter(TrialRecord::solved).count() + " / " + trials.size();
    }

    private static String median(double[] v) {
        return v.length == 0 ? Format.NONE : Format.count(Quartiles.of(v).median());
    }
}
