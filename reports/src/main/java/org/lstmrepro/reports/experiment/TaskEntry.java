package org.lstmrepro.reports.experiment;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One task setting of an experiment (an entry of {@code tasks}, after its list-valued settings were
 * expanded): e.g. {@code adding} with {@code length=500}.
 *
 * @param path     where it comes from, for messages, e.g. {@code tasks[0]}
 * @param id       the task id
 * @param settings the settings as given (the task's defaults for the rest), sorted by name
 * @param budget   the budget of trials on this task, or null for the experiment's
 */
record TaskEntry(String path, String id, Map<String, String> settings, Long budget) {

    TaskEntry {
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /** The id and the settings given, e.g. {@code adding(length=100)}: names the entry in messages. */
    String label() {
        return written(settings);
    }

    /**
     * The report's row label: the id and those settings given that the task keeps in its own settings
     * (the trial key's): a setting given at a default the task leaves out of its key (e.g. Experiment 2c's
     * {@code criterion: successive}) is left out here too, so trials with one key share one label whether
     * the file wrote the default or not.
     */
    String label(Map<String, String> taskSettings) {
        Map<String, String> shown = new TreeMap<>(settings);
        shown.keySet().retainAll(taskSettings.keySet());
        return written(shown);
    }

    private String written(Map<String, String> shown) {
        return shown.isEmpty() ? id : shown.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", id + "(", ")"));
    }
}
