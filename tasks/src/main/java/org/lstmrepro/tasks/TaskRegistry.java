package org.lstmrepro.tasks;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * All tasks by id: the adding problems, the temporal-order tasks, the embedded Reber grammar and JSB
 * Chorales.
 * Also accepts the alias {@code temporal-order} for {@code temporal-order-6a}; a task made through
 * an alias reports its canonical id (so its test set is the same either way).
 */
public final class TaskRegistry {

    private static final List<TaskFactory> FACTORIES = List.of(
            AddingTask.FACTORY,
            AddingUniformTask.FACTORY,
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
}
