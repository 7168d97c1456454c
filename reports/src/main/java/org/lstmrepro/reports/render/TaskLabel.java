package org.lstmrepro.reports.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trial record's task label, {@code id(name=value,name=value)} or just {@code id}, split into the
 * task id and its settings so a report can match it against a paper's setting.
 *
 * @param text     the label as stored
 * @param id       the task id, e.g. {@code adding}
 * @param settings the settings named in the label, in their order
 */
record TaskLabel(String text, String id, Map<String, String> settings) {

    TaskLabel {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** Parses a label; text without a well-formed settings part is taken whole as the id. */
    static TaskLabel parse(String text) {
        int open = text.indexOf('(');
        if (open <= 0 || !text.endsWith(")")) {
            return new TaskLabel(text, text.trim(), Map.of());
        }
        Map<String, String> settings = new LinkedHashMap<>();
        String inner = text.substring(open + 1, text.length() - 1);
        for (String part : inner.split(",")) {
            int eq = part.indexOf('=');
            if (part.isBlank()) {
                continue;
            }
            if (eq <= 0) {
                return new TaskLabel(text, text.trim(), Map.of());
            }
            settings.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return new TaskLabel(text, text.substring(0, open).trim(), settings);
    }

    /** Whether this label is the given task with (at least) the given settings. */
    boolean matches(String taskId, Map<String, String> required) {
        if (!id.equals(taskId)) {
            return false;
        }
        for (Map.Entry<String, String> e : required.entrySet()) {
            if (!e.getValue().equals(settings.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
