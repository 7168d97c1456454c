package org.lstmrepro.tasks;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link TaskFactory} that checks the settings against its parameter list (see
 * {@link TaskSettings}) and hands them to a constructor function.
 */
record SettingsTaskFactory(String id, String description, List<TaskParameter> parameters,
                           Function<TaskSettings, Task> maker) implements TaskFactory {

    SettingsTaskFactory {
        parameters = List.copyOf(parameters);
    }

    @Override
    public Task create(Map<String, String> settings) {
        return maker.apply(TaskSettings.of(id, parameters, settings));
    }
}
