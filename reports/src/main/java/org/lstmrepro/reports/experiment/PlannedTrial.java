package org.lstmrepro.reports.experiment;

import java.util.Map;

import org.lstmrepro.reports.run.TrialSpec;

/**
 * One trial of an experiment, checked and ready to run.
 *
 * @param key           a hash of {@code canonicalSpec}: the same trial always has the same key
 * @param spec          what to run
 * @param canonicalSpec the spec as a sorted JSON-friendly map (task settings resolved, defaults left out)
 * @param taskLabel     e.g. {@code adding(length=100)}
 * @param modelLabel    e.g. {@code original1997/truncated1997}
 * @param origin        the entries it comes from, for messages, e.g. {@code models[1] on tasks[0]}
 * @param note          the model entry's note for this task, shown under the results tables, or null
 */
public record PlannedTrial(String key, TrialSpec spec, Map<String, Object> canonicalSpec, String taskLabel,
                           String modelLabel, String origin, String note) {

    /** For progress and error lines: {@code KEY (modelLabel on taskLabel, seed S)}. */
    public String describe() {
        return key + " (" + modelLabel + " on " + taskLabel + ", seed " + spec.seed() + ")";
    }
}
