package org.lstmrepro.reports.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lstmrepro.reports.store.TrialRecord;

/**
 * One task's trials grouped by model, models in natural label order (so {@code vanilla} comes before
 * its variants).
 *
 * @param label   the task label
 * @param byModel the trials of each model label
 */
record TaskGroup(TaskLabel label, Map<String, List<TrialRecord>> byModel) {

    /** Groups trials by task label, then by model label, both in natural order. */
    static List<TaskGroup> of(List<TrialRecord> trials) {
        Map<String, Map<String, List<TrialRecord>>> tasks = new TreeMap<>(NaturalOrder.INSTANCE);
        for (TrialRecord t : trials) {
            tasks.computeIfAbsent(t.taskLabel(), k -> new TreeMap<>(NaturalOrder.INSTANCE))
                    .computeIfAbsent(t.modelLabel(), k -> new ArrayList<>()).add(t);
        }
        List<TaskGroup> groups = new ArrayList<>();
        tasks.forEach((label, models) -> groups.add(new TaskGroup(TaskLabel.parse(label), models)));
        return groups;
    }

    String text() {
        return label.text();
    }
}
