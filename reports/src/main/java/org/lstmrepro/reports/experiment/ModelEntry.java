package org.lstmrepro.reports.experiment;

import java.util.Map;

import org.lstmrepro.reports.run.ModelOptions;

/**
 * One entry of an experiment's {@code models}: a model and how it is trained. Null fields take the
 * model's defaults (the paper's where there is one).
 *
 * @param path            where it comes from, for messages, e.g. {@code models[2]}
 * @param model           the canonical model spec, e.g. {@code vanilla:NFG}
 * @param label           the report's column label, or null for {@code MODEL/RULE}
 * @param rule            the learning rule
 * @param optimizer       the optimizer; with a {@code momentum} hyperparameter only its kind
 *                        ({@code momentum} or {@code nesterov})
 * @param schedule        the update schedule
 * @param clipping        the gradient clipping
 * @param clipOutputLayer whether clipping includes the output layer
 * @param rescaleLearningRate true: a momentum optimizer's learning rate times (1 - momentum); null: not
 * @param options         overrides of the model's shape and initialisation
 * @param budget          the budget of this model's trials, or null
 * @param hyperparameters this model's hyperparameters, overriding the experiment's of the same name
 * @param samples         random-search samples for this model, or null for the experiment's
 * @param notes           one line per task id that explains this model's row of the results tables there
 *                        (key {@code notes}, e.g. {@code adding: "..."}); not part of any trial's key
 * @param tasks           the ids of the experiment's tasks this model runs on, or null for every task
 *                        (key {@code tasks}, e.g. a reading that only makes sense on one task)
 */
record ModelEntry(String path, String model, String label, String rule, String optimizer, String schedule,
                  String clipping, boolean clipOutputLayer, Boolean rescaleLearningRate, ModelOptions options, Long budget,
                  Map<HyperparameterName, Hyperparameter> hyperparameters, Integer samples, Map<String, String> notes,
                  java.util.List<String> tasks) {

    ModelEntry {
        hyperparameters = Map.copyOf(hyperparameters);
        notes = notes == null ? Map.of() : Map.copyOf(notes);
        tasks = tasks == null ? null : java.util.List.copyOf(tasks);
    }

    /** Whether this model runs on the task with that id. */
    boolean runsOn(String taskId) {
        return tasks == null || tasks.contains(taskId);
    }
}
