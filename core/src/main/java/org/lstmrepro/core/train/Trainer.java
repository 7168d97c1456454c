package org.lstmrepro.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.learn.LearningRule;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.param.ParameterSet;

/**
 * Trains a network with a learning rule on a stream of sequences until the stopping rule is met,
 * the budget runs out, or the run diverges; then evaluates on the test set.
 *
 * <p>Updates happen online (whenever the rule reports a gradient, e.g. after every step with a target:
 * Hochreiter and Schmidhuber 1997), per sequence (Greff et al. 2015), or per minibatch. Before each
 * update the gradient is clipped; after it the gradient buffers are zeroed.
 *
 * <p>A run whose loss, gradient or weights become NaN or infinite is not an exception: it ends with
 * status {@link RunStatus#DIVERGED} and the sequence (and step) where it happened.
 *
 * <p>One trainer serves one run; it is not thread-safe.
 */
public final class Trainer {

    private final LearningRule rule;
    private final TrainerSettings settings;
    private final ProgressListener progress;
    private final ParameterSet parameters;

    private final SequenceError sequenceError;
    private final RecentWindow window;
    private final StepObserver recordTargets;
    private final GradientListener onlineUpdate;

    private double[][] currentTargets;
    private long sequenceNumber;
    private int pendingInBatch;
    private TrainingResult.Divergence divergence;

    public Trainer(LearningRule rule, TrainerSettings settings, ProgressListener progress) {
        this.rule = rule;
        this.settings = settings;
        this.progress = progress == null ? ProgressListener.NONE : progress;
        this.parameters = rule.network().parameters();
        this.sequenceError = new SequenceError(settings.criterion());
        this.window = new RecentWindow(settings.stoppingRule().window());
        this.recordTargets = (t, y) -> {
            double[] target = currentTargets[t];
            if (target != null) {
                sequenceError.add(y, target);
            }
        };
        this.onlineUpdate = settings.schedule().mode() == UpdateSchedule.Mode.ONLINE
                ? this::updateOnline
                : GradientListener.NONE;
    }

    /**
     * Runs training.
     *
     * @param trainingData supplies a fresh training sequence on every call
     * @param testSet      evaluated once training stops (unless the run diverged)
     */
    public TrainingResult train(Supplier<Sequence> trainingData, List<Sequence> testSet) {
        long start = System.nanoTime();
        double lastReport = 0;
        List<TrainingProgress> curve = new ArrayList<>();
        parameters.zeroGradients();
        RunStatus status = RunStatus.BUDGET_EXHAUSTED;
        long maxSequences = settings.maxSequences();
        while (sequenceNumber < maxSequences) {
            Sequence sequence = trainingData.get();
            sequenceNumber++;
            currentTargets = sequence.targets();
            sequenceError.reset();
            double loss = rule.accumulate(sequence, recordTargets, onlineUpdate);
            if (divergence == null && !Double.isFinite(loss)) {
                divergence = new TrainingResult.Divergence(sequenceNumber, -1, "loss is " + loss);
            }
            if (divergence == null) {
                updateAfterSequence();
            }
            if (divergence != null) {
                status = RunStatus.DIVERGED;
                break;
            }
            window.add(sequenceError.allCorrect(), sequenceError.meanSquaredError());
            double seconds = (System.nanoTime() - start) * 1e-9;
            if (sequenceNumber % settings.curveEvery() == 0) {
                curve.add(snapshot(seconds));
            }
            if (window.meets(settings.stoppingRule())) {
                status = RunStatus.SOLVED;
                break;
            }
            if (seconds - lastReport >= settings.progressSeconds()) {
                lastReport = seconds;
                progress.onProgress(snapshot(seconds));
            }
        }
        TrainingProgress last = snapshot((System.nanoTime() - start) * 1e-9);
        progress.onProgress(last);
        Evaluation test = status == RunStatus.DIVERGED
                ? null
                : Evaluation.of(rule.network(), testSet, settings.criterion());
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new TrainingResult(status, sequenceNumber, divergence, test, last, List.copyOf(curve), seconds);
    }

    private TrainingProgress snapshot(double seconds) {
        return new TrainingProgress(sequenceNumber, window.meanError(), window.fractionCorrect(), window.size(),
                seconds);
    }

    /** Called by the rule (online schedule) whenever a gradient contribution is ready. */
    private void updateOnline(int step) {
        if (divergence == null) {
            applyUpdate(step);
        }
    }

    private void updateAfterSequence() {
        switch (settings.schedule().mode()) {
            case ONLINE -> { }
            case PER_SEQUENCE -> applyUpdate(-1);
            case MINIBATCH -> {
                pendingInBatch++;
                if (pendingInBatch == settings.schedule().batchSize()) {
                    pendingInBatch = 0;
                    applyUpdate(-1);
                }
            }
        }
    }

    private void applyUpdate(int step) {
        if (!parameters.allGradientsFinite()) {
            divergence = new TrainingResult.Divergence(sequenceNumber, step, "gradient is not finite");
            return;
        }
        settings.clipping().clip(parameters);
        settings.optimizer().step(parameters);
        parameters.zeroGradients();
        if (!parameters.allValuesFinite()) {
            divergence = new TrainingResult.Divergence(sequenceNumber, step, "weights are not finite after the update");
        }
    }
}
