package org.lstmrepro.tasks;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * All tasks by id: the adding problems, the multiplication problem, the temporal-order tasks, the
 * long-lag task 2c, the embedded Reber grammar and JSB Chorales.
 * Also accepts the alias {@code temporal-order} for {@code temporal-order-6a}; a task made through
 * an alias reports its canonical id (so its test set is the same either way).
 */
public final class TaskRegistry {

    private static final List<TaskFactory> FACTORIES = List.of(
            AddingTask.FACTORY,
            AddingUniformTask.FACTORY,
            MultiplicationTask.FACTORY,
            TemporalOrderTask.FACTORY_6A,
            TemporalOrderTask.FACTORY_6B,
            LongLag2cTask.FACTORY,
            EmbeddedReberTask.FACTORY,
            JsbChoralesTask.FACTORY);

    private static final Map<String, String> ALIASES = Map.of("temporal-order", "temporal-order-6a");

    private TaskRegistry() {
    }

    /** Every task factory, in a fixed order. */
    public static List<TaskFactory> all() {
        return FACTORIES;
    }

    /** Alias to canonical id. */
    public static Map<String, String> aliases() {
        return ALIASES;
    }

    /**
     * The factory of task {@code id} (or of the task an alias stands for).
     *
     * @throws IllegalArgumentException for an unknown id, listing the known ones
     */
    public static TaskFactory find(String id) {
        String canonical = ALIASES.getOrDefault(id, id);
        for (TaskFactory f : FACTORIES) {
            if (f.id().equals(canonical)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown task '" + id + "' (known: "
                + FACTORIES.stream().map(TaskFactory::id).collect(Collectors.joining(", "))
                + ALIASES.entrySet().stream().map(a -> "; alias " + a.getKey() + " = " + a.getValue())
                        .sorted().collect(Collectors.joining()) + ")");
    }

    /**
     * Task {@code id} with these settings (defaults for the rest).
     *
     * @throws IllegalArgumentException for an unknown id, an unknown setting or a bad value
     */
    public static Task create(String id, Map<String, String> settings) {
        return find(id).create(settings);
    }

    /**
     * The tasks and their settings as a Markdown table (task, what it follows, setting, default, meaning),
     * one row per setting, for the documentation ({@code docs/experiments.md} holds it; a test keeps it
     * current).
     */
    public static String settingsTable() {
        StringBuilder sb = new StringBuilder("| task | what it is | setting | default | meaning |\n| --- | --- | --- | --- | --- |\n");
        for (TaskFactory f : FACTORIES) {
            if (f.parameters().isEmpty()) {
                sb.append("| `").append(f.id()).append("` | ").append(cell(f.description())).append(" | — | | |\n");
            }
            boolean first = true;
            for (TaskParameter p : f.parameters()) {
                sb.append("| ").append(first ? "`" + f.id() + "`" : "").append(" | ")
                        .append(first ? cell(f.description()) : "").append(" | `").append(p.name()).append("` | `")
                        .append(p.defaultValue()).append("` | ").append(cell(p.description())).append(" |\n");
                first = false;
            }
        }
        return sb.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
