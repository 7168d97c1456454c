package org.lstmrepro.reports.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.lstmrepro.tasks.Task;
import org.lstmrepro.tasks.TaskRegistry;

import picocli.CommandLine.Option;

/** The options every command that makes a task shares: {@code --length} and {@code --set NAME=VALUE}. */
final class TaskOptions {

    @Option(names = "--length", paramLabel = "T",
            description = "The task's (minimal) sequence length T, for tasks that have one (adding: default 100).")
    Integer length;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "Any other task setting (see 'lstm-repro tasks'); repeatable.")
    Map<String, String> extra = new LinkedHashMap<>();

    /** All task settings given: {@code --set} ones and {@code --length}. */
    Map<String, String> settings() {
        Map<String, String> all = new LinkedHashMap<>(extra);
        if (length != null) {
            if (all.containsKey("length")) {
                throw new IllegalArgumentException("the length is given twice (--length and --set length=...)");
            }
            all.put("length", Integer.toString(length));
        }
        return all;
    }

    /** The task with these settings; an unknown task or a bad setting is an error naming it. */
    Task create(String taskId) {
        return TaskRegistry.create(taskId, settings());
    }
}
