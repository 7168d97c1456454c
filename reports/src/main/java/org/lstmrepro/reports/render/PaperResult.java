package org.lstmrepro.reports.render;

import java.util.Map;

/**
 * One published result a report sets beside ours: the paper's sequences until the stopping criterion
 * (a mean over its runs) and its wrongly processed test sequences, for one task setting, model and rule.
 *
 * @param citation     the paper
 * @param experiment   where in the paper, e.g. {@code Exp. 4, adding, T = 100}
 * @param task         the task id it matches
 * @param taskSettings the settings a task label must have to match (others may differ)
 * @param model        the model family it matches, e.g. {@code original1997}
 * @param rule         the learning rule it matches, e.g. {@code truncated1997}
 * @param sequences    sequences until the criterion (the paper's mean)
 * @param wrong        wrongly processed test sequences
 * @param testSize     test sequences
 * @param runs         runs the paper averaged over
 * @param testMse      the paper's mean squared error on its test set, or null where it reports none
 */
record PaperResult(String citation, String experiment, String task, Map<String, String> taskSettings, String model,
                   String rule, double sequences, int wrong, int testSize, int runs, Double testMse) {

    PaperResult {
        taskSettings = taskSettings == null ? Map.of() : Map.copyOf(taskSettings);
    }

    boolean matches(TaskLabel taskLabel, ModelLabel modelLabel) {
        return taskLabel.matches(task, taskSettings) && modelLabel.family().equals(model)
                && modelLabel.variant() == null && modelLabel.rule().equals(rule);
    }

    double wrongRate() {
        return wrong / (double) testSize;
    }
}
