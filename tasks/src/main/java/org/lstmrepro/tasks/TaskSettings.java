package org.lstmrepro.tasks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The settings given for one task (name to value, as typed on the command line), checked against
 * the task's declared {@link TaskParameter}s: unknown names are refused when the settings are read
 * in, and each value is parsed and range-checked when the task asks for it, with the task's default
 * for every setting left out.
 *
 * <p>Every failure is an {@link IllegalArgumentException} whose message names the task, the setting
 * and the offending value, e.g. {@code task adding: length must be an integer from 22 to 1000000,
 * was -5}.
 */
public final class TaskSettings {

    private final String taskId;
    private final Map<String, TaskParameter> declared;
    private final Map<String, String> given;

    private TaskSettings(String taskId, Map<String, TaskParameter> declared, Map<String, String> given) {
        this.taskId = taskId;
        this.declared = declared;
        this.given = given;
    }

    /**
     * The settings {@code given} for task {@code taskId}, which takes {@code parameters}.
     *
     * @throws IllegalArgumentException if a name in {@code given} is not one of {@code parameters}
     */
    public static TaskSettings of(String taskId, List<TaskParameter> parameters, Map<String, String> given) {
        Map<String, TaskParameter> declared = new LinkedHashMap<>();
        for (TaskParameter p : parameters) {
            declared.put(p.name(), p);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (!declared.containsKey(e.getKey())) {
                throw new IllegalArgumentException("task " + taskId + " has no setting '" + e.getKey()
                        + "' (settings: " + names(parameters) + ")");
            }
            copy.put(e.getKey(), e.getValue());
        }
        return new TaskSettings(taskId, declared, copy);
    }

    private static String names(List<TaskParameter> parameters) {
        return parameters.isEmpty() ? "none"
                : parameters.stream().map(TaskParameter::name).collect(Collectors.joining(", "));
    }

    /** The integer value of setting {@code name}, which must lie in [{@code min}, {@code max}]. */
    public int intValue(String name, int min, int max) {
        String text = text(name);
        try {
            int v = Integer.parseInt(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with the allowed range
        }
        throw bad(name, "an integer from " + min + " to " + max, text);
    }

    /** The finite value of setting {@code name}, which must lie in [{@code min}, {@code max}]. */
    public double doubleValue(String name, double min, double max) {
        String text = text(name);
        try {
            double v = Double.parseDouble(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with the allowed range
        }
        throw bad(name, "a number from " + min + " to " + max, text);
    }

    /** The value of setting {@code name}, which must be one of {@code allowed} (compared exactly). */
    public String choice(String name, List<String> allowed) {
        String text = text(name);
        if (allowed.contains(text)) {
            return text;
        }
        throw bad(name, "one of " + String.join(", ", allowed), text);
    }

    /** The given settings, as given (without defaults). */
    public Map<String, String> given() {
        return Collections.unmodifiableMap(given);
    }

    private String text(String name) {
        TaskParameter p = declared.get(name);
        if (p == null) {
            // a task asking for a setting it did not declare is a programming error, not user input
            throw new IllegalStateException("task " + taskId + " did not declare setting '" + name + "'");
        }
        String v = given.containsKey(name) ? given.get(name) : p.defaultValue();
        return v == null ? "" : v.trim();
    }

    private IllegalArgumentException bad(String name, String expected, String text) {
        return new IllegalArgumentException("task " + taskId + ": " + name + " must be " + expected
                + ", was " + (text.isEmpty() ? "empty" : text));
    }
}
