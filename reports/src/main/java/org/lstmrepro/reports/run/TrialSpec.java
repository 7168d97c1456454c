package org.lstmrepro.reports.run;

import java.util.Map;

/**
 * A complete description of one training run: with the same spec, a run gives the same result, bit for
 * bit. Null fields take the model's or task's default (the paper's setting where there is one).
 *
 * @param model           {@code original1997}, {@code vanilla[:VARIANT]}, {@code rnn}, {@code gru}
 * @param task            a task id
 * @param taskSettings    the task's settings (e.g. length)
 * @param rule            the learning rule ({@link LearningRules#FORMS}); null: the model's default
 * @param optimizer       {@code sgd}, {@code momentum:MU}, {@code nesterov:MU}, {@code adam}; null: the model's default
 * @param learningRate    null: the preset's
 * @param schedule        {@code online}, {@code sequence}, {@code batch:N}; null: the model's default
 * @param clipping        {@code none}, {@code norm:T}, {@code value:L}
 * @param clipOutputLayer whether clipping includes the output layer
 * @param maxSequences    the budget of training sequences
 * @param stopError       null: the task's average-error threshold
 * @param stopWindow      null: the task's window of recent sequences that must all be correct
 * @param seed            the master seed (initial weights and training sequences)
 * @param testSeed        the test set's seed (the same for every run with the same task settings)
 * @param modelOptions    overrides of the model's shape and initialisation
 * @param maxEpochs       a task with a fixed data set: the most epochs; null: the paper's 150 (Greff et al. 2015)
 * @param patience        a task with a fixed data set: epochs without a better validation loss before
 *                        stopping; null: the paper's 15
 * @param inputNoise      a task with a fixed data set: standard deviation of additive Gaussian noise on the
 *                        training inputs; null: none
 * @param rescaleLearningRate whether a momentum optimizer's learning rate is multiplied by (1 - momentum)
 *                        (Greff et al. 2015); null: no
 */
public record TrialSpec(String model, String task, Map<String, String> taskSettings, String rule, String optimizer,
                        Double learningRate, String schedule, String clipping, boolean clipOutputLayer,
                        long maxSequences, Double stopError, Integer stopWindow, long seed, long testSeed,
                        ModelOptions modelOptions, Integer maxEpochs, Integer patience, Double inputNoise,
                        Boolean rescaleLearningRate) {

    /** A spec without the settings of training by epochs (all null: the defaults). */
    public TrialSpec(String model, String task, Map<String, String> taskSettings, String rule, String optimizer,
                     Double learningRate, String schedule, String clipping, boolean clipOutputLayer,
                     long maxSequences, Double stopError, Integer stopWindow, long seed, long testSeed,
                     ModelOptions modelOptions) {
        this(model, task, taskSettings, rule, optimizer, learningRate, schedule, clipping, clipOutputLayer, maxSequences,
                stopError, stopWindow, seed, testSeed, modelOptions, null, null, null, null);
    }

    /** The default budget of training sequences. */
    public static final long DEFAULT_MAX_SEQUENCES = 3_000_000;
    /** The default test seed: fixed, so every run of a task setting is tested on the same sequences. */
    public static final long DEFAULT_TEST_SEED = 1997;

    public TrialSpec {
        taskSettings = taskSettings == null ? Map.of() : Map.copyOf(taskSettings);
        modelOptions = modelOptions == null ? ModelOptions.DEFAULTS : modelOptions;
        clipping = clipping == null ? "none" : clipping;
    }

    /** The paper's defaults for a model on a task, with the given seed. */
    public static TrialSpec defaults(String model, String task, Map<String, String> taskSettings, long seed) {
        return new TrialSpec(model, task, taskSettings, null, null, null, null, "none", true,
                DEFAULT_MAX_SEQUENCES, null, null, seed, DEFAULT_TEST_SEED, ModelOptions.DEFAULTS);
    }

    public TrialSpec withMaxSequences(long n) {
        return new TrialSpec(model, task, taskSettings, rule, optimizer, learningRate, schedule, clipping,
                clipOutputLayer, n, stopError, stopWindow, seed, testSeed, modelOptions, maxEpochs, patience, inputNoise,
                rescaleLearningRate);
    }

    public TrialSpec withRule(String r) {
        return new TrialSpec(model, task, taskSettings, r, optimizer, learningRate, schedule, clipping,
                clipOutputLayer, maxSequences, stopError, stopWindow, seed, testSeed, modelOptions, maxEpochs, patience,
                inputNoise, rescaleLearningRate);
    }

    public TrialSpec withStopping(Double error, Integer window) {
        return new TrialSpec(model, task, taskSettings, rule, optimizer, learningRate, schedule, clipping,
                clipOutputLayer, maxSequences, error, window, seed, testSeed, modelOptions, maxEpochs, patience, inputNoise,
                rescaleLearningRate);
    }

    /** The same spec with the settings of training by epochs (each null: the default). */
    public TrialSpec withEpochTraining(Integer epochs, Integer patienceEpochs, Double noise, Boolean rescale) {
        return new TrialSpec(model, task, taskSettings, rule, optimizer, learningRate, schedule, clipping,
                clipOutputLayer, maxSequences, stopError, stopWindow, seed, testSeed, modelOptions, epochs, patienceEpochs,
                noise, rescale);
    }
}
