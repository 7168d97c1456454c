package org.lstmrepro.reports.store;

import java.util.List;
import java.util.Map;

import org.lstmrepro.core.train.RunStatus;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One finished trial, as stored in an experiment's results store: what ran (the spec, and the
 * settings it resolved to), how it ended, and its learning curve. Everything a report shows is
 * computed from these records at report time.
 *
 * @param key           the trial's identity: a hash of its canonical spec (same spec, same key)
 * @param experiment    the experiment's name
 * @param taskLabel     the task and its settings, e.g. {@code adding(length=100)}: a report's row group
 * @param modelLabel    the model, variant and rule, e.g. {@code original1997/truncated1997}: a report's column
 * @param spec          the trial's spec as a JSON-friendly map (see {@code TrialSpec})
 * @param settings      the resolved settings the run used (learning rate, optimizer, weights, ...)
 * @param status        how the run ended (stored as the constant's name, e.g. {@code SOLVED})
 * @param sequences     training sequences until the stop
 * @param testErrors    wrongly processed test sequences, or null when diverged
 * @param testSize      test-set size, or null when diverged
 * @param testMse       mean squared error on the test set, or null
 * @param learningRate  the learning rate used (for the learning-rate figures of a random search)
 * @param seed          the master seed
 * @param seconds       wall time of the trial
 * @param learningCurve samples {@code [sequences, recentError, recentCorrect]} during training
 * @param divergence    {@code {sequence, step, what}} when diverged, else null
 * @param commit        the code that produced it: its commit, with "-dirty" when the build had uncommitted
 *                      changes ({@link Provenance#code()}), "unknown" for a jar built outside a checkout
 * @param provenance    the code, JVM, OS and libraries that produced it (null in records written before it existed)
 * @param plateauEnd    the first training sequence after which the stopping window was full and at least
 *                      half correct (where a long-lag run leaves its plateau), or null if it never was
 *                      (and in records written before this field existed)
 * @param curveColumns  the names of the learning curve's columns after the first three, e.g. the input
 *                      gates' weights from each input unit ({@code w_in1_x2}); null or empty if none
 * @param saturated     true when the run ended unsolved with every output pinned at 0 or 1 for the whole
 *                      stopping window ({@code TrainingResult.saturated}); null in records written before it existed
 * @param note          one line from the experiment's model entry that explains this model's row on this task
 *                      (e.g. why the paper's model misses the strict criterion), or null; not part of the key
 * @param epochs        for a trial trained by epochs (a task with a fixed data set): its early-stopping
 *                      outcome, incl. the validation and test loss; null otherwise
 */
public record TrialRecord(@JsonProperty(required = true) String key, String experiment,
                          @JsonProperty(required = true) String taskLabel, @JsonProperty(required = true) String modelLabel,
                          Map<String, Object> spec, Map<String, Object> settings,
                          @JsonProperty(required = true) RunStatus status, long sequences, Integer testErrors,
                          Integer testSize, Double testMse, double learningRate, long seed, double seconds,
                          List<double[]> learningCurve, Map<String, Object> divergence, String commit,
                          Provenance provenance, Long plateauEnd, List<String> curveColumns, Boolean saturated,
                          String note, EpochOutcome epochs) {

    /** A record of a trial on a stream of sequences (no epochs). */
    public TrialRecord(String key, String experiment, String taskLabel, String modelLabel, Map<String, Object> spec,
                       Map<String, Object> settings, RunStatus status, long sequences, Integer testErrors,
                       Integer testSize, Double testMse, double learningRate, long seed, double seconds,
                       List<double[]> learningCurve, Map<String, Object> divergence, String commit,
                       Provenance provenance, Long plateauEnd, List<String> curveColumns, Boolean saturated,
                       String note) {
        this(key, experiment, taskLabel, modelLabel, spec, settings, status, sequences, testErrors, testSize, testMse,
                learningRate, seed, seconds, learningCurve, divergence, commit, provenance, plateauEnd, curveColumns,
                saturated, note, null);
    }

    /** A record without a note. */
    public TrialRecord(String key, String experiment, String taskLabel, String modelLabel, Map<String, Object> spec,
                       Map<String, Object> settings, RunStatus status, long sequences, Integer testErrors,
                       Integer testSize, Double testMse, double learningRate, long seed, double seconds,
                       List<double[]> learningCurve, Map<String, Object> divergence, String commit,
                       Provenance provenance, Long plateauEnd, List<String> curveColumns, Boolean saturated) {
        this(key, experiment, taskLabel, modelLabel, spec, settings, status, sequences, testErrors, testSize, testMse,
                learningRate, seed, seconds, learningCurve, divergence, commit, provenance, plateauEnd, curveColumns,
                saturated, (String) null);
    }

    /** A record without plateau end or probe columns. */
    public TrialRecord(String key, String experiment, String taskLabel, String modelLabel, Map<String, Object> spec,
                       Map<String, Object> settings, RunStatus status, long sequences, Integer testErrors,
                       Integer testSize, Double testMse, double learningRate, long seed, double seconds,
                       List<double[]> learningCurve, Map<String, Object> divergence, String commit,
                       Provenance provenance) {
        this(key, experiment, taskLabel, modelLabel, spec, settings, status, sequences, testErrors, testSize, testMse,
                learningRate, seed, seconds, learningCurve, divergence, commit, provenance, null, null, null);
    }

    /** A record without provenance (as records were written before it existed; tests). */
    public TrialRecord(String key, String experiment, String taskLabel, String modelLabel, Map<String, Object> spec,
                       Map<String, Object> settings, RunStatus status, long sequences, Integer testErrors,
                       Integer testSize, Double testMse, double learningRate, long seed, double seconds,
                       List<double[]> learningCurve, Map<String, Object> divergence, String commit) {
        this(key, experiment, taskLabel, modelLabel, spec, settings, status, sequences, testErrors, testSize, testMse,
                learningRate, seed, seconds, learningCurve, divergence, commit, null, null, null, null);
    }

    /** Whether the run saturated (false for records written before the flag existed). */
    public boolean saturatedRun() {
        return Boolean.TRUE.equals(saturated);
    }

    public boolean solved() {
        return status == RunStatus.SOLVED;
    }

    public boolean diverged() {
        return status == RunStatus.DIVERGED;
    }
}
