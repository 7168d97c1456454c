package org.lstmrepro.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.DataSplits;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.optim.GradientClipping;
import org.lstmrepro.core.optim.Sgd;
import org.lstmrepro.core.random.RandomStream;

/** Training by epochs with early stopping on the validation set (Trainer#train(DataSplits, ...)). */
class EpochTrainingTest {

    /** Sequences of one step each, target = slope * x, for x = 0.5, 0.6, ... */
    private static List<Sequence> line(double slope, int n) {
        List<Sequence> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = 0.5 + 0.1 * i;
            out.add(new Sequence(new double[][] {{x}}, new double[][] {{slope * x}}));
        }
        return out;
    }

    /**
     * Training pulls the weight from 0 towards 2, the validation set wants 1: the validation loss falls
     * until w passes 1, then rises, so early stopping must stop {@code patience} epochs after the best.
     */
    private static DataSplits pullingPastTheOptimum() {
        return new DataSplits(line(2, 4), line(1, 3), line(1, 3));
    }

    private static TrainerSettings settings(long budget) {
        return new TrainerSettings(new Sgd(0.05), GradientClipping.NONE, UpdateSchedule.perSequence(),
                new StoppingRule(0.01, 5), (y, d) -> true, budget, 1000, 0);
    }

    @Test
    void stopsPatienceEpochsAfterTheBestValidationEpochAndTestsItsWeights() {
        ScalarNetwork net = new ScalarNetwork(0);
        List<Integer> seen = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void onProgress(TrainingProgress p) {
            }

            @Override
            public void onEpoch(EpochRecord e) {
                seen.add(e.epoch());
            }
        };
        TrainingResult r = new Trainer(net, settings(1_000_000), listener)
                .train(pullingPastTheOptimum(), new EarlyStopping(100, 3, 0), RandomStream.root(1));

        assertThat(r.status()).isEqualTo(RunStatus.EARLY_STOPPED);
        List<EpochRecord> epochs = r.epochs().epochs();
        int best = r.epochs().bestEpoch();
        assertThat(best).isGreaterThan(1);
        assertThat(epochs).hasSize(best + 3);
        assertThat(seen).hasSize(epochs.size());
        double bestValid = epochs.stream().mapToDouble(EpochRecord::validLoss).min().orElseThrow();
        assertThat(epochs.get(best - 1).validLoss()).isEqualTo(bestValid);
        assertThat(r.epochs().bestValid()).isEqualTo(bestValid);
        // the validation loss falls to the best epoch and then does not improve
        for (int e = 1; e < best; e++) {
            assertThat(epochs.get(e).validLoss()).isLessThan(epochs.get(e - 1).validLoss());
        }
        // test set == validation set here, so testing the restored best weights gives the best validation loss
        assertThat(r.test().lossPerTarget()).isCloseTo(bestValid, within(1e-15));
        assertThat(net.weight()).isLessThan(1.2);
        // every epoch visits each of the 4 training sequences once
        assertThat(r.sequences()).isEqualTo(4L * epochs.size());
        for (int e = 0; e < epochs.size(); e++) {
            assertThat(epochs.get(e).sequences()).isEqualTo(4L * (e + 1));
        }
    }

    @Test
    void theEpochCapEndsARunThatKeepsImproving() {
        DataSplits data = new DataSplits(line(2, 4), line(2, 3), line(2, 3));
        TrainingResult r = new Trainer(new ScalarNetwork(0), settings(1_000_000), null)
                .train(data, new EarlyStopping(5, 3, 0), RandomStream.root(1));
        assertThat(r.status()).isEqualTo(RunStatus.BUDGET_EXHAUSTED);
        assertThat(r.epochs().epochs()).hasSize(5);
        assertThat(r.epochs().bestEpoch()).isEqualTo(5);
        assertThat(r.sequences()).isEqualTo(20);
    }

    @Test
    void theSequenceBudgetStillApplies() {
        TrainingResult r = new Trainer(new ScalarNetwork(0), settings(10), null)
                .train(pullingPastTheOptimum(), new EarlyStopping(100, 3, 0), RandomStream.root(1));
        assertThat(r.sequences()).isEqualTo(10);
        assertThat(r.status()).isEqualTo(RunStatus.BUDGET_EXHAUSTED);
        assertThat(r.epochs().epochs()).hasSize(2);
    }

    @Test
    void theTrainingLossOfAnEpochIsPerTargetStep() {
        // one training sequence of one step: the epoch loss is that step's loss, taken before its update
        DataSplits data = new DataSplits(line(2, 1), line(2, 1), line(2, 1));
        TrainingResult r = new Trainer(new ScalarNetwork(0), settings(1_000_000), null)
                .train(data, new EarlyStopping(1, 1, 0), RandomStream.root(1));
        // before the update y = 0, d = 1.0: squared-error loss 0.5 * 1^2 over 1 target step
        assertThat(r.epochs().epochs().get(0).trainLoss()).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void inputNoiseChangesTheRunButNotTheDataAndTheSameSeedRepeatsIt() {
        DataSplits data = pullingPastTheOptimum();
        double before = data.train().get(0).inputs()[0][0];
        TrainingResult clean = new Trainer(new ScalarNetwork(0), settings(1_000_000), null)
                .train(data, new EarlyStopping(6, 3, 0), RandomStream.root(1));
        TrainingResult noisy = new Trainer(new ScalarNetwork(0), settings(1_000_000), null)
                .train(data, new EarlyStopping(6, 3, 0.5), RandomStream.root(1));
        TrainingResult again = new Trainer(new ScalarNetwork(0), settings(1_000_000), null)
                .train(data, new EarlyStopping(6, 3, 0.5), RandomStream.root(1));
        assertThat(noisy.epochs().epochs().get(0).validLoss()).isNotEqualTo(clean.epochs().epochs().get(0).validLoss());
        assertThat(again.epochs().epochs()).extracting(EpochRecord::validLoss)
                .isEqualTo(noisy.epochs().epochs().stream().map(EpochRecord::validLoss).toList());
        assertThat(data.train().get(0).inputs()[0][0]).isEqualTo(before);
    }

    @Test
    void inputNoiseHasTheRequestedMeanAndStandardDeviation() {
        InputNoise noise = new InputNoise(0.3, RandomStream.root(7), 1);
        double[][] x = new double[2000][3];
        for (double[] row : x) {
            java.util.Arrays.fill(row, 1.0);
        }
        Sequence s = new Sequence(x, new double[2000][]);
        Sequence n = noise.apply(s, 0);
        double sum = 0;
        double sumSq = 0;
        for (double[] row : n.inputs()) {
            for (double v : row) {
                sum += v - 1;
                sumSq += (v - 1) * (v - 1);
            }
        }
        int count = 6000;
        // mean within 4 standard errors (0.3 / sqrt(6000) = 0.0039), sd within 5 %
        assertThat(sum / count).isCloseTo(0, within(0.016));
        assertThat(Math.sqrt(sumSq / count)).isCloseTo(0.3, within(0.015));
        assertThat(x[0][0]).isEqualTo(1.0);
        assertThat(n.inputs()).hasNumberOfRows(2000);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new EarlyStopping(0, 1, 0)).hasMessageContaining("epoch cap");
        assertThatThrownBy(() -> new EarlyStopping(1, 0, 0)).hasMessageContaining("patience");
        assertThatThrownBy(() -> new EarlyStopping(1, 1, -1)).hasMessageContaining("input noise");
    }
}
