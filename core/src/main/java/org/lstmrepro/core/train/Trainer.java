package org.lstmrepro.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.lstmrepro.core.data.DataSplits;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.learn.LearningRule;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;

/**
 * Trains a network with a learning rule, in one of two ways: on a stream of generated sequences until
 * the 1997 stopping rule is met, the budget runs out, or the run diverges, then evaluates on the test
 * set ({@link #train(Supplier, List)}); or by epochs over a fixed data set with early stopping on its
 * validation set, testing the best validation epoch's weights ({@link #train(DataSplits, EarlyStopping,
 * RandomStream)}, Greff et al. 2015).
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

    private final int probeColumns;
    private final List<double[]> probeCurve = new ArrayList<>();
    private long plateauEnd = -1;

    private long sequenceNumber;
    /** The last training sequence with an output not pinned at 0 or 1 (see {@link TrainingResult#saturated()}). */
    private long lastUnpinned;
    private TrainingResult.Divergence divergence;

    public Trainer(LearningRule rule, TrainerSettings settings, ProgressListener progress) {
        this(rule, settings, progress, CurveProbe.NONE);
    }

    /**
     * @param probe read at every learning-curve sample (see {@link TrainingResult#probeCurve()})
     */
    public Trainer(LearningRule rule, TrainerSettings settings, ProgressListener progress, CurveProbe probe) {
        this.probe = probe == null ? CurveProbe.NONE : probe;
        this.probeColumns = this.probe.names().size();
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
        parameters.zeroGradients();
        RunStatus status = RunStatus.BUDGET_EXHAUSTED;
        long maxSequences = settings.maxSequences();
        training:
        while (sequenceNumber < maxSequences) {
            int n = (int) Math.min(batch.length, maxSequences - sequenceNumber);
            for (int i = 0; i < n; i++) {
                batch[i] = trainingData.get();
            }
            runBatch(n);
            if (divergence != null) {
                sequenceNumber = divergence.sequence();
                status = RunStatus.DIVERGED;
                break;
            }
            for (int i = 0; i < n; i++) {
                if (countSequence(i, curve, start)) {
                    status = RunStatus.SOLVED;
                    break training;
                }
            }
            lastReport = maybeReport(start, lastReport);
        }
        TrainingProgress last = snapshot((System.nanoTime() - start) * 1e-9);
        progress.onProgress(last);
        Evaluation test = status == RunStatus.DIVERGED
                ? null
                : Evaluation.of(rule.network(), testSet, settings.criterion());
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new TrainingResult(status, sequenceNumber, divergence, test, last, List.copyOf(curve), seconds, null,
                plateauEnd, probe.names(), List.copyOf(probeCurve), saturated(status));
    }

    /**
     * Trains by epochs over a fixed training set with early stopping on the validation set
     * ({@link EarlyStopping}; Greff et al. 2015), then restores the weights of the best validation
     * epoch and evaluates the test set with them. The update schedule, optimizer, clipping and the
     * sequence budget of the settings apply as in {@link #train(Supplier, List)}; the 1997 stopping
     * window does not (its statistics are still kept for the progress reports and learning curve).
     *
     * <p>A run that diverges after at least one epoch finished keeps status {@link RunStatus#DIVERGED}
     * but is still tested with its best epoch's weights (what early stopping would have kept); one that
     * diverges in its first epoch has no test result.
     *
     * @param data     the training, validation and test sets
     * @param stopping epochs, patience and input noise
     * @param rng      the run's stream for the epoch order ({@code epoch-order}) and the noise ({@code input-noise})
     */
    public TrainingResult train(DataSplits data, EarlyStopping stopping, RandomStream rng) {
        long start = System.nanoTime();
        double lastReport = 0;
        List<TrainingProgress> curve = new ArrayList<>();
        List<EpochRecord> epochs = new ArrayList<>();
        RandomStream orderRng = rng.derive("epoch-order");
        InputNoise noise = stopping.inputNoise() > 0
                ? new InputNoise(stopping.inputNoise(), rng.derive("input-noise"), batch.length)
                : null;
        List<Sequence> train = data.train();
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[][] best = new double[parameters.count()][];
        int bestEpoch = 0;
        double bestValid = Double.NaN;
        parameters.zeroGradients();
        RunStatus status = RunStatus.BUDGET_EXHAUSTED;
        long maxSequences = settings.maxSequences();
        epochs:
        for (int epoch = 1; epoch <= stopping.maxEpochs(); epoch++) {
            shuffle(order, orderRng);
            double lossSum = 0;
            long targets = 0;
            for (int j = 0; j < order.length; j += batch.length) {
                int n = (int) Math.min(Math.min(batch.length, order.length - j), maxSequences - sequenceNumber);
                if (n <= 0) {
                    break epochs;
                }
                for (int i = 0; i < n; i++) {
                    Sequence s = train.get(order[j + i]);
                    batch[i] = noise == null ? s : noise.apply(s, i);
                    targets += s.targetSteps();
                }
                lossSum += runBatch(n);
                if (divergence != null) {
                    sequenceNumber = divergence.sequence();
                    status = RunStatus.DIVERGED;
                    break epochs;
                }
                for (int i = 0; i < n; i++) {
                    countSequence(i, curve, start);
                }
                lastReport = maybeReport(start, lastReport);
            }
            double valid = Evaluation.of(rule.network(), data.valid(), settings.criterion()).lossPerTarget();
            double seconds = (System.nanoTime() - start) * 1e-9;
            epochs.add(new EpochRecord(epoch, sequenceNumber, targets == 0 ? 0 : lossSum / targets, valid, seconds));
            progress.onEpoch(epochs.get(epochs.size() - 1));
            if (!Double.isFinite(valid)) {
                divergence = new TrainingResult.Divergence(sequenceNumber, -1, "validation loss is " + valid);
                status = RunStatus.DIVERGED;
                break;
            }
            if (bestEpoch == 0 || valid < bestValid) {
                bestEpoch = epoch;
                bestValid = valid;
                copyValues(best);
            } else if (epoch - bestEpoch >= stopping.patience()) {
                status = RunStatus.EARLY_STOPPED;
                break;
            }
        }
        TrainingProgress last = snapshot((System.nanoTime() - start) * 1e-9);
        progress.onProgress(last);
        Evaluation test = null;
        if (bestEpoch > 0) {
            restoreValues(best);
            test = Evaluation.of(rule.network(), data.test(), settings.criterion());
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new TrainingResult(status, sequenceNumber, divergence, test, last, List.copyOf(curve), seconds,
                new EpochSummary(epochs, bestEpoch, bestValid), plateauEnd, probe.names(), List.copyOf(probeCurve),
                saturated(status));
    }

    /**
     * Runs the first {@code n} sequences of the batch buffer through the rule and, unless the schedule
     * is online (the rule updates as it goes), applies one update. Records divergence; returns the loss.
     */
    private double runBatch(int n) {
        for (int i = 0; i < n; i++) {
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
        return loss;
    }

    /** Counts batch sequence {@code i} as processed; returns whether the 1997 stopping window is met. */
    private boolean countSequence(int i, List<TrainingProgress> curve, long start) {
        sequenceNumber++;
        if (!sequenceErrors[i].allPinned()) {
            lastUnpinned = sequenceNumber;
        }
        window.add(sequenceErrors[i].allCorrect(), settings.stoppingRule().errorOf(sequenceErrors[i]));
        if (plateauEnd < 0 && window.isFull() && window.fractionCorrect() >= TrainingResult.PLATEAU_FRACTION) {
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
        return window.meets(settings.stoppingRule());
    }

    /** An unsolved, undiverged run whose outputs were all pinned for (at least) the whole stopping window. */
    private boolean saturated(RunStatus status) {
        long window = settings.stoppingRule().window();
        return status == RunStatus.BUDGET_EXHAUSTED && sequenceNumber >= window && sequenceNumber - lastUnpinned >= window;
    }

    /** Reports progress if the interval has passed; returns the time of the last report. */
    private double maybeReport(long start, double lastReport) {
        double seconds = (System.nanoTime() - start) * 1e-9;
        if (seconds - lastReport >= settings.progressSeconds()) {
            progress.onProgress(snapshot(seconds));
            return seconds;
        }
        return lastReport;
    }

    /** Fisher-Yates shuffle from {@code rng}. */
    private static void shuffle(int[] order, RandomStream rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }

    private void copyValues(double[][] into) {
        for (int k = 0; k < into.length; k++) {
            double[] w = parameters.get(k).value();
            if (into[k] == null) {
                into[k] = new double[w.length];
            }
            System.arraycopy(w, 0, into[k], 0, w.length);
        }
    }

    private void restoreValues(double[][] from) {
        for (int k = 0; k < from.length; k++) {
            double[] w = parameters.get(k).value();
            System.arraycopy(from[k], 0, w, 0, w.length);
        }
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
