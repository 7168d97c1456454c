package org.lstmrepro.reports.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lstmrepro.reports.analysis.Holm;
import org.lstmrepro.reports.store.TrialRecord;

/**
 * Readings of the 1997 network against the paper's (issue 8): on a task where some original1997 arms
 * change options of the paper's network (weight groups, gate biases, block shape, initial range: a reading
 * or an ablation) and another arm does not (the paper as read), each such arm against its plain
 * counterpart on sequences to criterion. Two Mann-Whitney U tests, two-sided: on the solved
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

    /**
     * The table, or empty when no original1997 arm of the task has a plain counterpart. An arm's counterpart
     * (the paper as read, for that arm) is the other original1997 arm with the same learning rate whose
     * model options are a strict subset of the arm's, the largest such: a reading that also sets the output
     * unit is compared with the arm that sets only the output unit, a gate-bias ablation with the arm that
     * does not change the biases.
     */
    static Optional<Block.Table> of(Map<String, List<TrialRecord>> byModel) {
        List<String> arms = byModel.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty() && isOriginal(e.getValue().get(0))).map(Map.Entry::getKey).toList();
        List<String> readings = new ArrayList<>();
        List<String> baselines = new ArrayList<>();
        for (String a : arms) {
            TrialRecord first = byModel.get(a).get(0);
            Map<?, ?> mine = options(first);
            String baseline = null;
            int size = -1;
            for (String b : arms) {
                TrialRecord other = byModel.get(b).get(0);
                Map<?, ?> theirs = options(other);
                // among equally large counterparts, one that takes the preset's learning rate (none given) wins
                int score = 2 * theirs.size() + (other.spec().containsKey("learningRate") ? 0 : 1);
                if (!b.equals(a) && other.learningRate() == first.learningRate() && theirs.size() < mine.size()
                        && mine.entrySet().containsAll(theirs.entrySet()) && score > size) {
                    baseline = b;
                    size = score;
                }
            }
            if (baseline != null) {
                readings.add(a);
                baselines.add(baseline);
            }
        }
        if (readings.isEmpty()) {
            return Optional.empty();
        }
        double[] pLast = new double[readings.size()];
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            String baseline = baselines.get(i);
            List<TrialRecord> base = byModel.get(baseline);
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

    private static Map<?, ?> options(TrialRecord t) {
        return t.spec().get("modelOptions") instanceof Map<?, ?> m ? m : Map.of();
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
