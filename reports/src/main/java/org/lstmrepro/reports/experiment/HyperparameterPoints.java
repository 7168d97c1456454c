package org.lstmrepro.reports.experiment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.lstmrepro.core.random.RandomStream;

/**
 * Expands hyperparameters into points: the cross product of the grid axes, times {@code samples}
 * random draws of the sampled ones (Greff et al. 2015, section 4.2), with the fixed ones in every
 * point.
 *
 * <p>Draw {@code j} of hyperparameter {@code name} comes from the stream
 * {@code root(seed)/hyperparameters/name/j} and nothing else, so the draws depend only on the
 * experiment's seed: sample {@code j} has the same learning rate for every model, task and trial
 * seed that shares the distribution (a paired comparison), and adding a model or a seed changes no
 * other trial's values.
 */
final class HyperparameterPoints {

    private HyperparameterPoints() {
    }

    /**
     * The points, in a fixed order (grid points outer, samples inner).
     *
     * @param samples the random-search size; required exactly when something is sampled
     * @param where   what the hyperparameters belong to, for messages
     */
    static List<Map<HyperparameterName, Double>> expand(Map<HyperparameterName, Hyperparameter> params,
                                                        Integer samples, long seed, String where) {
        boolean sampled = anySampled(params);
        if (sampled && samples == null) {
            throw new IllegalArgumentException(where + ": a sampled hyperparameter needs 'samples' (how many draws)");
        }
        if (!sampled && samples != null) {
            throw new IllegalArgumentException(where + ": 'samples' is given but no hyperparameter is sampled"
                    + " (write e.g. learningRate: {logUniform: [1.0e-6, 1.0e-2]})");
        }
        long count = sampled ? samples : 1;
        for (Hyperparameter h : params.values()) {
            count *= values(h).size();
            if (count > Experiment.MAX_TRIALS) {
                throw new IllegalArgumentException(where + ": more than " + Experiment.MAX_TRIALS
                        + " hyperparameter points: split the experiment");
            }
        }
        List<Map<HyperparameterName, Double>> points = new ArrayList<>();
        points.add(new EnumMap<>(HyperparameterName.class));
        for (Map.Entry<HyperparameterName, Hyperparameter> e : params.entrySet()) {
            List<Map<HyperparameterName, Double>> next = new ArrayList<>();
            for (Map<HyperparameterName, Double> p : points) {
                for (double v : values(e.getValue())) {
                    Map<HyperparameterName, Double> q = new EnumMap<>(p);
                    q.put(e.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        if (!sampled) {
            return points;
        }
        RandomStream draws = RandomStream.root(seed).derive("hyperparameters");
        List<Map<HyperparameterName, Double>> out = new ArrayList<>();
        for (Map<HyperparameterName, Double> p : points) {
            for (int j = 0; j < samples; j++) {
                Map<HyperparameterName, Double> q = new EnumMap<>(p);
                for (Map.Entry<HyperparameterName, Hyperparameter> e : params.entrySet()) {
                    if (e.getValue() instanceof Hyperparameter.Sampled s) {
                        q.put(e.getKey(), s.distribution().sample(draws.derive(e.getKey().key).derive(j)));
                    }
                }
                out.add(q);
            }
        }
        return out;
    }

    static boolean anySampled(Map<HyperparameterName, Hyperparameter> params) {
        return params.values().stream().anyMatch(h -> h instanceof Hyperparameter.Sampled);
    }

    /** The values a grid or fixed hyperparameter contributes; a sampled one is filled in later. */
    private static List<Double> values(Hyperparameter h) {
        if (h instanceof Hyperparameter.Fixed f) {
            return List.of(f.value());
        }
        if (h instanceof Hyperparameter.Grid g) {
            return g.values();
        }
        return List.of(Double.NaN);
    }
}
