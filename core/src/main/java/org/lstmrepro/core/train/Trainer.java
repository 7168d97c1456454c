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
 * update the gradient is scaled (per-weight factors, {@link org.lstmrepro.core.param.Parameter#setGradientScale})
 * and clipped; after it the gradient buffers are zeroed.
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

    private final RecentWindow window;
    /** The sequences of the current update (one, or a minibatch), and their errors. */
    private final Sequence[] batch;
    private final SequenceError[] sequenceErrors;
    private final StepObserver recordOne;
    private final GradientListener onlineUpdate;
    private final CurveProbe probe;

    private long plateauEnd = -1;

    private long sequenceNumber;
    private TrainingResult.Divergence divergence;

    public Trainer(LearningRule rule, TrainerSettings settings, ProgressListener progress) {
        this(rule, settings, progress, CurveProbe.NONE);
    }

    /**
     * @param probe read at every learning-curve sample (see {@link TrainingResult#probeCurve()})
     */
    public Trainer(LearningRule rule, TrainerSettings settings, ProgressListener progress, CurveProbe probe) {
        this.probe = probe == null ? CurveProbe.NONE : probe;
        this.rule = rule;
        this.settings = settings;
        this.progress = progress == null ? ProgressListener.NONE : progress;
        this.parameters = rule.network().parameters();
        this.window = new RecentWindow(settings.stoppingRule().window());
        int batchSize = settings.schedule().batchSize();
        this.batch = new Sequence[batchSize];
        this.sequenceErrors = new SequenceError[batchSize];
        for (int i = 0; i < batchSize; i++) {
            sequenceErrors[i] = new SequenceError(settings.criterion());
        }
        this.recordOne = (t, y) -> {
            double[] target = batch[0].targets()[t];
            if (target != null) {
                sequenceErrors[0].add(y, target);
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
        List<double[]> probeCurve = new ArrayList<>();
        int probeColumns = probe.names().size();
        parameters.zeroGradients();
        RunStatus status = RunStatus.BUDGET_EXHAUSTED;
        long maxSequences = settings.maxSequences();
        training:
        while (sequenceNumber < maxSequences) {
            int n = (int) Math.min(batch.length, maxSequences - sequenceNumber);
            for (int i = 0; i < n; i++) {
                batch[i] = trainingData.get();
                sequenceErrors[i].reset();
            }
            double loss = n == 1 && batch.length == 1
                    ? rule.accumulate(batch[0], recordOne, onlineUpdate)
                    : rule.accumulateBatch(batchView(n), recordBatch());
            if (divergence == null && !Double.isFinite(loss)) {
                divergence = new TrainingResult.Divergence(sequenceNumber + n, -1, "loss is " + loss);
            }
            if (divergence == null && settings.schedule().mode() != UpdateSchedule.Mode.ONLINE) {
                applyUpdate(-1, sequenceNumber + n);
            }
            if (divergence != null) {
                sequenceNumber = divergence.sequence();
                status = RunStatus.DIVERGED;
                break;
            }
            for (int i = 0; i < n; i++) {
                sequenceNumber++;
                window.add(sequenceErrors[i].allCorrect(), sequenceErrors[i].meanSquaredError());
                if (plateauEnd < 0 && window.isFull()
                        && window.fractionCorrect() >= TrainingResult.PLATEAU_FRACTION) {
                    plateauEnd = sequenceNumber;
                }
                if (sequenceNumber % settings.curveEvery() == 0) {
                    curve.add(snapshot((System.nanoTime() - start) * 1e-9));
                    if (probeColumns > 0) {
                        double[] row = new double[probeColumns];
                        probe.read(row);
                        probeCurve.add(row);
                    }
                }
                if (window.meets(settings.stoppingRule())) {
                    status = RunStatus.SOLVED;
                    break training;
                }
            }
            double seconds = (System.nanoTime() - start) * 1e-9;
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
        return new TrainingResult(status, sequenceNumber, divergence, test, last, List.copyOf(curve), seconds,
                plateauEnd, probe.names(), List.copyOf(probeCurve));
    }

    /** The first n sequences of the batch buffer, as a list (a view; no copy of the sequences). */
    private List<Sequence> batchView(int n) {
        return java.util.Arrays.asList(batch).subList(0, n);
    }

    /**
     * An observer for a batch: the rule shows the sequences in order, each from step 0, so a call
     * with t == 0 moves on to the next sequence (see LearningRule#accumulateBatch).
     */
    private StepObserver recordBatch() {
        int[] index = {-1};
        return (t, y) -> {
            if (t == 0) {
                index[0]++;
            }
            double[] target = batch[index[0]].targets()[t];
            if (target != null) {
                sequenceErrors[index[0]].add(y, target);
            }
        };
    }

    private TrainingProgress snapshot(double seconds) {
        return new TrainingProgress(sequenceNumber, window.meanError(), window.fractionCorrect(), window.size(),
                seconds);
    }

    /** Called by the rule (online schedule) whenever a gradient contribution is ready. */
    private void updateOnline(int step) {
        if (divergence == null) {
            applyUpdate(step, sequenceNumber + 1);
        }
    }

    /** Clips, steps the optimizer and zeroes the gradient; {@code sequence} is the 1-based sequence being processed. */
    private void applyUpdate(int step, long sequence) {
        if (!parameters.allGradientsFinite()) {
            divergence = new TrainingResult.Divergence(sequence, step, "gradient is not finite");
            return;
        }
        parameters.applyGradientScales();
        settings.clipping().clip(parameters);
        settings.optimizer().step(parameters);
        parameters.zeroGradients();
        if (!parameters.allValuesFinite()) {
            divergence = new TrainingResult.Divergence(sequence, step, "weights are not finite after the update");
        }
    }
}
