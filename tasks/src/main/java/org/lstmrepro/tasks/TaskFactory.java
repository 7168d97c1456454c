package org.lstmrepro.tasks;

import java.util.List;
import java.util.Map;

/**
 * Makes a {@link Task} from settings (name to value, as typed on the command line), with defaults
 * from the paper for every setting left out.
 */
public interface TaskFactory {

    /** The id users type, e.g. {@code adding}. */
    String id();

    /** One line: what the task is and which paper and section it follows. */
    String description();

    /** The settings this task takes, with their defaults and meaning. */
    List<TaskParameter> parameters();

    /**
     * The task with these settings.
     *
     * @throws IllegalArgumentException naming the setting and the problem, for an unknown setting
     *                                  or a bad value
     */
    Task create(Map<String, String> settings);
}
