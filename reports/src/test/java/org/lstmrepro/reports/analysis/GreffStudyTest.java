package org.lstmrepro.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.random.RandomStream;

class GreffStudyTest {

    private static final List<SearchDimension> DIMS = List.of(
            new SearchDimension("learningRate", 1e-6, 1e-2, SearchDimension.Scale.LOG),
            new SearchDimension("momentum", 0, 0.99, SearchDimension.Scale.ONE_MINUS_LOG));

    /**
     * 30 trials of a model: the three best by validation loss have the given test losses; the other 27
     * have worse validation losses and test losses that would change the result if they were picked.
     */
    private static List<StudyTrial> model(String name, double... bestTests) {
        List<StudyTrial> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double valid = i < bestTests.length ? 1 + i : 100 + i;
            double test = i < bestTests.length ? bestTests[i] : 0.5;
            out.add(new StudyTrial(name, valid, test, new double[] {1e-4, 0.9}));
        }
        return out;
    }

    @Test
    void comparesTheBestTenPercentByValidationWithWelchsTest() {
        List<StudyTrial> trials = new ArrayList<>(model("vanilla", 4, 5, 6));
        trials.addAll(model("vanilla:NFG", 1, 2, 3));
        trials.add(new StudyTrial("vanilla:NP", 1, 7, new double[] {1e-4, 0.9}));
        trials.add(new StudyTrial("vanilla:NP", Double.NaN, Double.NaN, new double[] {1e-4, 0.9}));
        GreffStudy s = GreffStudy.analyse(trials, "vanilla",
                Map.of("vanilla:NFG", "variants", "vanilla:NP", "variants"), DIMS, Set.of(), 1);

        GreffStudy.ModelSummary vanilla = s.models().get(0);
        assertThat(vanilla.best()).hasSize(3);
        assertThat(vanilla.bestTest()).containsExactly(4, 5, 6);
        assertThat(vanilla.bestByValid()).isEqualTo(4);
        assertThat(vanilla.lowestTest()).isEqualTo(0.5);
        GreffStudy.ModelSummary np = s.models().get(2);
        assertThat(np.trials()).isEqualTo(2);
        assertThat(np.finished()).hasSize(1);
        assertThat(np.best()).hasSize(1);

        GreffStudy.Comparison nfg = s.comparisons().get(0);
        // by hand: means 2 and 5, variances 1 and 1, t = 3 / sqrt(2/3) = 3.674, Welch df = 4,
        // p = I_{4/(4 + t^2)}(2, 1/2) = 0.021312 (the incomplete beta integrated in closed form)
        assertThat(nfg.welchP()).isCloseTo(0.021312, within(2e-6));
        assertThat(nfg.mean()).isEqualTo(2);
        assertThat(nfg.meanBaseline()).isEqualTo(5);
        GreffStudy.Comparison npc = s.comparisons().get(1);
        assertThat(npc.welchP()).as("one best trial: no test").isNaN();
        // Holm over the family: only NFG was tested, m = 1
        assertThat(nfg.holmP()).isCloseTo(nfg.welchP(), within(1e-15));
        assertThat(s.fanova()).isNull();
    }

    @Test
    void fanovaFindsTheHyperparameterTheLossDependsOn() {
        RandomStream rng = RandomStream.root(3);
        List<StudyTrial> trials = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double logLr = -6 + 4 * rng.nextDouble();
            double mom = 1 - Math.pow(10, -2 * rng.nextDouble());
            // test loss depends on the learning rate only: (log10 lr + 3)^2
            double loss = (logLr + 3) * (logLr + 3);
            trials.add(new StudyTrial("vanilla", loss, loss, new double[] {Math.pow(10, logLr), mom}));
        }
        GreffStudy s = GreffStudy.analyse(trials, "vanilla", Map.of(), DIMS, Set.of("vanilla"), 1);
        assertThat(s.fanova().main().get(0).mean()).isGreaterThan(0.95);
        assertThat(s.fanova().main().get(1).mean()).isLessThan(0.02);
        GreffStudy.Marginal lr = s.fanova().marginals().get(0);
        assertThat(lr.x()[0]).isCloseTo(1e-6, within(1e-12));
        assertThat(lr.x()[lr.x().length - 1]).isCloseTo(1e-2, within(1e-9));
        // the marginal is lowest near lr = 1e-3 (the middle point of the log range)
        int mid = lr.x().length / 2;
        assertThat(lr.mean()[mid]).isLessThan(lr.mean()[0]).isLessThan(4.5);
        GreffStudy.Marginal mom = s.fanova().marginals().get(1);
        assertThat(mom.x()[0]).isCloseTo(0.99, within(1e-12));
        assertThat(mom.x()[mom.x().length - 1]).isCloseTo(0, within(1e-12));
    }

    @Test
    void pairsEachTrialWithTheBaselinesTrialOfTheSameDrawAndTestsWithTheSignedRankTest() {
        List<StudyTrial> trials = new ArrayList<>();
        double[] npDiffs = {0.1, -0.2, 0.3, -0.4, 0.5, -0.6};
        for (int i = 0; i < 10; i++) {
            double[] draw = {1e-5 * (i + 1), 0.9};
            trials.add(new StudyTrial("vanilla", 1, 5, draw));
            trials.add(new StudyTrial("vanilla:NFG", 1, 5 + 0.1 * (i + 1), draw));
            if (i < npDiffs.length) {
                trials.add(new StudyTrial("vanilla:NP", 1, 5 + npDiffs[i], draw));
            }
        }
        trials.add(new StudyTrial("vanilla:NFG", 1, 9, new double[] {0.5, 0.5})); // no vanilla twin
        trials.add(new StudyTrial("vanilla:NP", Double.NaN, Double.NaN, new double[] {1e-5 * 9, 0.9})); // no result
        GreffStudy s = GreffStudy.analyse(trials, "vanilla",
                Map.of("vanilla:NFG", "variants", "vanilla:NP", "variants"), DIMS, Set.of(), 1);

        GreffStudy.PairedComparison nfg = s.paired().get(0);
        assertThat(nfg.model()).isEqualTo("vanilla:NFG");
        assertThat(nfg.pairs()).isEqualTo(10);
        assertThat(nfg.unpaired()).isEqualTo(1);
        assertThat(nfg.worse()).isEqualTo(10);
        assertThat(nfg.medianDifference()).isCloseTo(0.55, within(1e-12));
        // by hand: every difference positive, W+ = 55 is the largest of 2^10 equally likely sign patterns
        assertThat(nfg.wilcoxonP()).isCloseTo(2.0 / 1024, within(1e-12));

        GreffStudy.PairedComparison np = s.paired().get(1);
        assertThat(np.pairs()).isEqualTo(6);
        assertThat(np.unpaired()).isEqualTo(1);
        assertThat(np.worse()).isEqualTo(3);
        assertThat(np.medianDifference()).isCloseTo(-0.05, within(1e-12));
        // by hand: ranks 1..6, W+ = 1 + 3 + 5 = 9; 27 of the 64 subsets of {1..6} sum to at most 9
        assertThat(np.wilcoxonP()).isCloseTo(2 * 27 / 64.0, within(1e-12));
        // Holm over the two: max(2 * 2/1024, 0.84375) for NP, 2 * 2/1024 for NFG
        assertThat(nfg.holmP()).isCloseTo(4.0 / 1024, within(1e-12));
        assertThat(np.holmP()).isCloseTo(0.84375, within(1e-12));
    }

    @Test
    void makesNoSignedRankTestOnTooFewPairs() {
        List<StudyTrial> trials = new ArrayList<>();
        for (int i = 0; i < GreffStudy.MIN_PAIRS - 1; i++) {
            double[] draw = {1e-5 * (i + 1), 0.9};
            trials.add(new StudyTrial("vanilla", 1, 5, draw));
            trials.add(new StudyTrial("gru", 1, 4, draw));
        }
        GreffStudy s = GreffStudy.analyse(trials, "vanilla", Map.of(), DIMS, Set.of(), 1);
        assertThat(s.paired().get(0).pairs()).isEqualTo(GreffStudy.MIN_PAIRS - 1);
        assertThat(s.paired().get(0).wilcoxonP()).isNaN();
        assertThat(s.paired().get(0).holmP()).isNaN();
    }

    @Test
    void aBalancedSignedRankStatisticGivesPOne() {
        // ranks 1..7 sum to 28; the positive ones {1, 6, 7} and the negative ones {2, 3, 4, 5} both sum to 14
        double[] diffs = {0.1, -0.2, -0.3, -0.4, -0.5, 0.6, 0.7};
        List<StudyTrial> trials = new ArrayList<>();
        for (int i = 0; i < diffs.length; i++) {
            double[] draw = {1e-5 * (i + 1), 0.9};
            trials.add(new StudyTrial("vanilla", 1, 5, draw));
            trials.add(new StudyTrial("vanilla:NP", 1, 5 + diffs[i], draw));
        }
        GreffStudy s = GreffStudy.analyse(trials, "vanilla", Map.of(), DIMS, Set.of(), 1);
        assertThat(s.paired().get(0).wilcoxonP()).isEqualTo(1.0);
    }

    @Test
    void pairsAModelWithoutAHyperparameterOnTheOnesItHas() {
        List<StudyTrial> trials = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            trials.add(new StudyTrial("vanilla", 1, 5, new double[] {1e-5 * (i + 1), 20 + i}));
            trials.add(new StudyTrial("original1997", 1, 6, new double[] {1e-5 * (i + 1), Double.NaN}));
        }
        GreffStudy s = GreffStudy.analyse(trials, "vanilla", Map.of(), DIMS, Set.of(), 1);
        assertThat(s.paired().get(0).pairs()).isEqualTo(8);
        assertThat(s.paired().get(0).worse()).isEqualTo(8);
    }

    @Test
    void takesTenPercentButAtLeastThreeBestTrials() {
        List<StudyTrial> trials = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            trials.add(new StudyTrial("vanilla", i, i, new double[] {1e-5, 0.9}));
            if (i < 20) {
                trials.add(new StudyTrial("gru", i, i, new double[] {1e-5, 0.9}));
            }
        }
        GreffStudy s = GreffStudy.analyse(trials, "vanilla", Map.of(), DIMS, Set.of(), 1);
        assertThat(s.models().get(0).bestTest()).containsExactly(0, 1, 2, 3, 4); // 10 % of 50
        assertThat(s.models().get(1).bestTest()).containsExactly(0, 1, 2); // 10 % of 20 is 2: at least 3
    }
}
