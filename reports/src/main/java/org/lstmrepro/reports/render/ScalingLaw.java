package org.lstmrepro.reports.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.lstmrepro.reports.store.TrialRecord;

/**
 * How a measure of training time grows with a task's length setting (issue 8's scaling law): for one
 * model and task, the least-squares line through {@code (ln L, ln y)} over the trials, one point per
 * trial, where L is the task's {@code length} (adding: T) or {@code q} (Experiment 2c) and y the
 * trial's sequences to criterion (solved trials) or plateau end (trials that left the plateau). The
 * slope b is the exponent of {@code y ~ L^b}; its 95 % confidence interval is the t interval of the
 * slope (commons-math3 {@link SimpleRegression#getSlopeConfidenceInterval()}, n - 2 degrees of
 * freedom). Trials that did not reach the measure are left out, which biases b down when the longest
 * lengths lose trials: the count of those is reported beside the fit.
 *
 * @param model     the model label
 * @param task      the task id
 * @param taskLabel the task id with the settings, other than the lengths, that tell apart trials of that
 *                  task in the same store (e.g. Experiment 2c's {@code criterion=average}): one fit each
 * @param setting   the length setting fitted over
 * @param measure   what y is
 * @param lengths   the distinct lengths with at least one point
 * @param points    the trials used
 * @param missing   the trials at these lengths without the measure (not solved, or never left the plateau)
 * @param exponent  the slope b
 * @param halfWidth half the 95 % confidence interval of b (NaN with fewer than 3 points)
 * @param intercept ln y at ln L = 0
 */
record ScalingLaw(String model, String task, String taskLabel, String setting, String measure, List<Integer> lengths, int points,
                  int missing, double exponent, double halfWidth, double intercept) {

    /** Task settings that are lengths, in the order they are tried. */
    static final List<String> LENGTH_SETTINGS = List.of("length", "q");
    /** Settings that grow with a length in the paper's tables (Table 3 varies p with q): not a variant. */
    static final List<String> WITH_LENGTH = List.of("p");
    /** The fewest distinct lengths worth a fit. */
    static final int MIN_LENGTHS = 3;

    /** The measures: name and how to read it from a record (null: the trial has none). */
    static final Map<String, Function<TrialRecord, Double>> MEASURES = Map.of(
            "sequences to criterion", t -> t.solved() ? (double) t.sequences() : null,
            "plateau end", t -> t.plateauEnd() == null ? null : t.plateauEnd().doubleValue());

    /** Every fit the trials allow: per task, model, length setting and measure with at least {@link #MIN_LENGTHS} lengths. */
    static List<ScalingLaw> of(List<TrialRecord> trials) {
        Map<TrialRecord, String> labels = taskLabels(trials);
        Map<String, List<TrialRecord>> groups = new TreeMap<>();
        for (TrialRecord t : trials) {
            String task = String.valueOf(t.spec().get("task"));
            for (String setting : LENGTH_SETTINGS) {
                if (length(t, setting) != null) {
                    groups.computeIfAbsent(task + "\u0000" + labels.get(t) + "\u0000" + t.modelLabel() + "\u0000" + setting,
                            k -> new ArrayList<>()).add(t);
                    break;
                }
            }
        }
        List<ScalingLaw> out = new ArrayList<>();
        groups.forEach((key, group) -> {
            String[] parts = key.split("\u0000");
            for (String measure : List.of("sequences to criterion", "plateau end")) {
                fit(parts[0], parts[1], parts[2], parts[3], measure, group).ifPresent(out::add);
            }
        });
        return out;
    }

    /**
     * Each trial's task label for the fits: its task id, and the settings (other than lengths and what
     * grows with them) whose values differ among the trials of that task, e.g.
     * {@code long-lag-2c(criterion=average)} beside {@code long-lag-2c} (a setting left at its default is
     * absent from a record's settings, and absent from the label).
     */
    static Map<TrialRecord, String> taskLabels(List<TrialRecord> trials) {
        // per task: each setting's values, how many of its trials have the setting, how many trials it has
        Map<String, Map<String, java.util.Set<String>>> values = new TreeMap<>();
        Map<String, Map<String, Integer>> having = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (TrialRecord t : trials) {
            Map<String, java.util.Set<String>> byKey = values.computeIfAbsent(task(t), k -> new TreeMap<>());
            Map<String, Integer> withKey = having.computeIfAbsent(task(t), k -> new TreeMap<>());
            settings(t).forEach((k, v) -> {
                byKey.computeIfAbsent(k, x -> new java.util.HashSet<>()).add(v);
                withKey.merge(k, 1, Integer::sum);
            });
            counts.merge(task(t), 1, Integer::sum);
        }
        Map<TrialRecord, String> out = new java.util.IdentityHashMap<>();
        for (TrialRecord t : trials) {
            Map<String, String> mine = settings(t);
            List<String> parts = new ArrayList<>();
            values.get(task(t)).forEach((k, vs) -> {
                boolean varies = vs.size() > 1 || having.get(task(t)).get(k) < counts.get(task(t));
                if (varies && mine.containsKey(k)) {
                    parts.add(k + "=" + mine.get(k));
                }
            });
            out.put(t, parts.isEmpty() ? task(t) : task(t) + "(" + String.join(", ", parts) + ")");
        }
        return out;
    }

    private static String task(TrialRecord t) {
        return String.valueOf(t.spec().get("task"));
    }

    /** The trial's settings other than lengths and what grows with them, as text. */
    private static Map<String, String> settings(TrialRecord t) {
        Map<String, String> out = new TreeMap<>();
        if (t.spec().get("taskSettings") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (!LENGTH_SETTINGS.contains(String.valueOf(k)) && !WITH_LENGTH.contains(String.valueOf(k))) {
                    out.put(String.valueOf(k), String.valueOf(v));
                }
            });
        }
        return out;
    }

    private static java.util.Optional<ScalingLaw> fit(String task, String taskLabel, String model, String setting,
                                                      String measure, List<TrialRecord> group) {
        SimpleRegression regression = new SimpleRegression();
        java.util.TreeSet<Integer> lengths = new java.util.TreeSet<>();
        int missing = 0;
        for (TrialRecord t : group) {
            Double y = MEASURES.get(measure).apply(t);
            Integer length = length(t, setting);
            if (y == null || y <= 0) {
                missing++;
                continue;
            }
            lengths.add(length);
            regression.addData(Math.log(length), Math.log(y));
        }
        if (lengths.size() < MIN_LENGTHS) {
            return java.util.Optional.empty();
        }
        long n = regression.getN();
        double half = n >= 3 ? regression.getSlopeConfidenceInterval() : Double.NaN;
        return java.util.Optional.of(new ScalingLaw(model, task, taskLabel, setting, measure, List.copyOf(lengths), (int) n, missing,
                regression.getSlope(), half, regression.getIntercept()));
    }

    /** The trial's integer value of a task setting, or null. */
    static Integer length(TrialRecord t, String setting) {
        Object settings = t.spec().get("taskSettings");
        if (!(settings instanceof Map<?, ?> m) || m.get(setting) == null) {
            return null;
        }
        try {
            return Integer.valueOf(String.valueOf(m.get(setting)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The fitted y at length L. */
    double predict(double length) {
        return Math.exp(intercept + exponent * Math.log(length));
    }
}
