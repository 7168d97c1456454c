package org.lstmrepro.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.optim.GradientClipping;
import org.lstmrepro.core.optim.Optimizer;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;

class TrainerTest {

    /** Plain gradient descent that counts its steps. */
    static final class CountingSgd implements Optimizer {
        final double lr;
        int steps;

        CountingSgd(double lr) {
            this.lr = lr;
        }

        @Override
        public void step(ParameterSet parameters) {
            steps++;
            for (Parameter p : parameters.all()) {
                for (int i = 0; i < p.size(); i++) {
                    p.value()[i] -= lr * p.gradient()[i];
                }
            }
        }

        @Override
        public String describe() {
            return "counting-sgd";
        }
    }

    /** Task: y = 2x at the last of three steps, x uniform in [0.5, 1]. */
    private static Supplier<Sequence> doubling(long seed) {
        RandomStream rng = RandomStream.root(seed);
        return () -> {
            double x = rng.nextDouble(0.5, 1.0);
            double[][] in = {{rng.nextDouble()}, {rng.nextDouble()}, {x}};
            double[][] out = {null, null, {2 * x}};
            return new Sequence(in, out);
        };
    }

    private static List<Sequence> take(Supplier<Sequence> s, int n) {
        List<Sequence> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(s.get());
        }
        return out;
    }

    private static TrainerSettings settings(Optimizer opt, UpdateSchedule schedule, long budget) {
        return new TrainerSettings(opt, GradientClipping.NONE, schedule, new StoppingRule(0.01, 50),
                (y, d) -> Math.abs(y[0] - d[0]) < 0.04, budget, 10, 0);
    }

    @Test
    void solvesALearnableTaskAndStopsOnThePapersCriterion() {
        ScalarNetwork net = new ScalarNetwork(0.0);
        List<TrainingProgress> reports = new ArrayList<>();
        Trainer trainer = new Trainer(net, settings(new CountingSgd(0.5), UpdateSchedule.online(), 10_000), reports::add);
        TrainingResult r = trainer.train(doubling(1), take(doubling(99), 200));

        assertThat(r.status()).isEqualTo(RunStatus.SOLVED);
        assertThat(net.weight()).isCloseTo(2.0, within(0.04));
        // The window of 50 must be full of correct sequences, so at least 50 sequences ran.
        assertThat(r.sequences()).isBetween(50L, 10_000L);
        assertThat(r.finalProgress().recentCorrect()).isEqualTo(1.0);
        assertThat(r.finalProgress().recentError()).isLessThan(0.01);
        assertThat(r.test().errors()).isZero();
        assertThat(r.test().size()).isEqualTo(200);
        assertThat(r.divergence()).isNull();
        assertThat(reports).isNotEmpty();
        assertThat(reports.get(reports.size() - 1).sequences()).isEqualTo(r.sequences());
        assertThat(r.learningCurve()).extracting(TrainingProgress::sequences).isSorted();
    }

    @Test
    void runsOutOfBudgetWhenTheTaskCannotBeLearned() {
        RandomStream rng = RandomStream.root(3);
        Supplier<Sequence> noise = () -> new Sequence(new double[][] {{1.0}}, new double[][] {{rng.nextDouble(-1, 1)}});
        ScalarNetwork net = new ScalarNetwork(0.0);
        TrainingResult r = new Trainer(net, settings(new CountingSgd(0.1), UpdateSchedule.online(), 300), null)
                .train(noise, List.of());
        assertThat(r.status()).isEqualTo(RunStatus.BUDGET_EXHAUSTED);
        assertThat(r.sequences()).isEqualTo(300);
        assertThat(r.learningCurve()).hasSize(30);
    }

    @Test
    void aDivergingRunIsAStatusWithItsSequenceNotAnException() {
        ScalarNetwork net = new ScalarNetwork(1.0);
        // Learning rate far beyond 2 / x^2: the weight oscillates with growing amplitude until it overflows.
        TrainingResult r = new Trainer(net, settings(new CountingSgd(1e3), UpdateSchedule.online(), 100_000), null)
                .train(doubling(2), take(doubling(99), 10));
        assertThat(r.status()).isEqualTo(RunStatus.DIVERGED);
        assertThat(r.divergence()).isNotNull();
        assertThat(r.divergence().sequence()).isBetween(1L, 1000L).isEqualTo(r.sequences());
        assertThat(r.divergence().what()).containsAnyOf("not finite", "NaN", "Infinity");
        assertThat(r.test()).isNull();
    }

    @Test
    void onlineUpdatesOncePerTargetStepAndPerSequenceOncePerSequence() {
        // Two targets per sequence.
        Supplier<Sequence> twoTargets = () -> new Sequence(new double[][] {{1.0}, {1.0}}, new double[][] {{0.5}, {0.5}});
        CountingSgd online = new CountingSgd(0.01);
        new Trainer(new ScalarNetwork(0), settings(online, UpdateSchedule.online(), 7), null).train(twoTargets, List.of());
        assertThat(online.steps).isEqualTo(14);

        CountingSgd perSequence = new CountingSgd(0.01);
        new Trainer(new ScalarNetwork(0), settings(perSequence, UpdateSchedule.perSequence(), 7), null).train(twoTargets, List.of());
        assertThat(perSequence.steps).isEqualTo(7);

        CountingSgd batch = new CountingSgd(0.01);
        new Trainer(new ScalarNetwork(0), settings(batch, UpdateSchedule.minibatch(3), 7), null).train(twoTargets, List.of());
        assertThat(batch.steps).as("batches of 3, 3 and the last 1 of the budget").isEqualTo(3);
    }

    @Test
    void minibatchTrainingTracksEverySequenceOfTheBatchForTheStoppingRule() {
        ScalarNetwork net = new ScalarNetwork(0.0);
        CountingSgd sgd = new CountingSgd(0.2);
        TrainingResult r = new Trainer(net, settings(sgd, UpdateSchedule.minibatch(4), 10_000), null)
                .train(doubling(5), take(doubling(99), 100));
        assertThat(r.status()).isEqualTo(RunStatus.SOLVED);
        assertThat(r.finalProgress().windowSize()).isEqualTo(50);
        assertThat(r.finalProgress().recentCorrect()).isEqualTo(1.0);
        // One update per four sequences (the stop may fall inside a batch).
        assertThat((long) sgd.steps).isBetween((r.sequences() - 1) / 4, (r.sequences() + 3) / 4);
        assertThat(net.weight()).isCloseTo(2.0, within(0.04));
    }

    @Test
    void perSequenceUpdateAppliesTheSummedGradient() {
        // One sequence with targets 1 and 3 at x = 1, w = 0: dE/dw = (0 - 1) + (0 - 3) = -4, so w = 0.1 * 4.
        Supplier<Sequence> s = () -> new Sequence(new double[][] {{1.0}, {1.0}}, new double[][] {{1.0}, {3.0}});
        ScalarNetwork net = new ScalarNetwork(0);
        new Trainer(net, settings(new CountingSgd(0.1), UpdateSchedule.perSequence(), 1), null).train(s, List.of());
        assertThat(net.weight()).isCloseTo(0.4, within(1e-15));
    }

    @Test
    void evaluationCountsSequencesWithAnyWrongTargetStep() {
        ScalarNetwork net = new ScalarNetwork(1.0);
        List<Sequence> set = List.of(
                new Sequence(new double[][] {{1.0}}, new double[][] {{1.0}}),              // right
                new Sequence(new double[][] {{1.0}, {2.0}}, new double[][] {{1.0}, {2.5}}),  // second step wrong
                new Sequence(new double[][] {{0.5}, {9.0}}, new double[][] {{0.5}, null})); // right
        Evaluation e = Evaluation.of(net, set, (y, d) -> Math.abs(y[0] - d[0]) < 0.04);
        assertThat(e.errors()).isEqualTo(1);
        assertThat(e.size()).isEqualTo(3);
        // Losses: 0, 0.5 * 0.25, 0 -> mean 0.125 / 3.
        assertThat(e.meanLoss()).isCloseTo(0.125 / 3, within(1e-15));
    }

    @Test
    void recordsWhereTheRunLeftItsPlateauAndTheProbeColumns() {
        ScalarNetwork net = new ScalarNetwork(0.0);
        int[] reads = {0};
        CurveProbe probe = new CurveProbe() {
            @Override
            public List<String> names() {
                return List.of("w", "reads");
            }

            @Override
            public void read(double[] into) {
                into[0] = net.weight();
                into[1] = ++reads[0];
            }
        };
        TrainingResult r = new Trainer(net, settings(new CountingSgd(0.5), UpdateSchedule.online(), 10_000), null, probe)
                .train(doubling(1), List.of());
        assertThat(r.status()).isEqualTo(RunStatus.SOLVED);
        // half of a full window of 50 correct happens no earlier than sequence 50 and before the solve
        assertThat(r.plateauEnd()).isBetween(50L, r.sequences());
        assertThat(r.probeNames()).containsExactly("w", "reads");
        assertThat(r.probeCurve()).hasSameSizeAs(r.learningCurve());
        assertThat(r.probeCurve().get(r.probeCurve().size() - 1)[1]).isEqualTo(r.learningCurve().size());
    }

    @Test
    void aRunThatNeverGetsHalfRightHasNoPlateauEnd() {
        RandomStream rng = RandomStream.root(3);
        Supplier<Sequence> noise = () -> new Sequence(new double[][] {{1.0}}, new double[][] {{rng.nextDouble(-1, 1)}});
        TrainingResult r = new Trainer(new ScalarNetwork(0.0), settings(new CountingSgd(0.1), UpdateSchedule.online(), 300),
                null).train(noise, List.of());
        assertThat(r.plateauEnd()).isEqualTo(-1);
        assertThat(r.probeNames()).isEmpty();
        assertThat(r.probeCurve()).isEmpty();
    }

    @Test
    void aGradientScaleOfZeroFreezesAWeight() {
        ScalarNetwork net = new ScalarNetwork(0.3);
        net.parameters().get(0).setGradientScale(new double[] {0.0});
        new Trainer(net, settings(new CountingSgd(0.5), UpdateSchedule.online(), 200), null).train(doubling(1), List.of());
        assertThat(net.weight()).isEqualTo(0.3);
        net.parameters().get(0).setGradientScale(null);
        new Trainer(net, settings(new CountingSgd(0.5), UpdateSchedule.online(), 200), null).train(doubling(1), List.of());
        assertThat(net.weight()).isNotEqualTo(0.3);
    }
}
