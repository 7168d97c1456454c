package org.lstmrepro.reports.flow;

import java.nio.file.Path;
import java.util.Map;

import org.lstmrepro.reports.run.TrialSpec;

/**
 * What a gradient-flow analysis runs on.
 *
 * @param task           the task id
 * @param taskSettings   the task's settings (e.g. length)
 * @param seed           master seed: initial weights and training sequences, as in {@code train}
 * @param testSeed       the test set's seed; the analysed sequences are the first ones of the test set
 * @param trainSequences the short training before the "trained" measurement (0: none)
 * @param flowSequences  sequences the error-flow curves are averaged over
 * @param gateSequences  sequences the gate statistics are collected on
 * @param params         trained weights to load instead of training (interchange parameter file), or null
 * @param spectralRadius the radius the recurrent matrices are scaled to for the exploding-gradient study
 * @param clipThreshold  the global-norm clipping threshold shown there
 */
public record FlowSettings(String task, Map<String, String> taskSettings, long seed, long testSeed,
                           long trainSequences, int flowSequences, int gateSequences, Path params,
                           double spectralRadius, double clipThreshold) {

    public static final long DEFAULT_TRAIN_SEQUENCES = 2000;
    public static final int DEFAULT_FLOW_SEQUENCES = 16;
    public static final int DEFAULT_GATE_SEQUENCES = 100;
    public static final double DEFAULT_SPECTRAL_RADIUS = 1.5;
    public static final double DEFAULT_CLIP_THRESHOLD = 1.0;

    public FlowSettings {
        taskSettings = taskSettings == null ? Map.of() : Map.copyOf(taskSettings);
        if (trainSequences < 0) {
            throw new IllegalArgumentException("--train-sequences must be at least 0, was " + trainSequences);
        }
        if (flowSequences < 1 || gateSequences < 1) {
            throw new IllegalArgumentException("the numbers of analysed sequences must be positive, were "
                    + flowSequences + " and " + gateSequences);
        }
        if (!(spectralRadius > 0) || Double.isInfinite(spectralRadius)) {
            throw new IllegalArgumentException("--spectral-radius must be positive and finite, was " + spectralRadius);
        }
        if (!(clipThreshold > 0) || Double.isInfinite(clipThreshold)) {
            throw new IllegalArgumentException("the clipping threshold must be positive and finite, was " + clipThreshold);
        }
    }

    /** The defaults for a task: seed 1, the standard test seed, a short training of 2000 sequences. */
    public static FlowSettings defaults(String task, Map<String, String> taskSettings) {
        return new FlowSettings(task, taskSettings, 1, TrialSpec.DEFAULT_TEST_SEED, DEFAULT_TRAIN_SEQUENCES,
                DEFAULT_FLOW_SEQUENCES, DEFAULT_GATE_SEQUENCES, null, DEFAULT_SPECTRAL_RADIUS, DEFAULT_CLIP_THRESHOLD);
    }

    public FlowSettings withTrainSequences(long n) {
        return new FlowSettings(task, taskSettings, seed, testSeed, n, flowSequences, gateSequences, params,
                spectralRadius, clipThreshold);
    }

    public FlowSettings withSequences(int flow, int gates) {
        return new FlowSettings(task, taskSettings, seed, testSeed, trainSequences, flow, gates, params,
                spectralRadius, clipThreshold);
    }
}
