package org.lstmrepro.vanilla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lstmrepro.vanilla.Fixtures.H;
import static org.lstmrepro.vanilla.Fixtures.I;
import static org.lstmrepro.vanilla.Fixtures.K;
import static org.lstmrepro.vanilla.Fixtures.T;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.gradcheck.GradientCheck;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.random.RandomStream;

/** Full BPTT through every network of the module against finite differences (docs/models.md, M18-M22). */
class GradientTest {

    private static final double TOLERANCE = 1e-6;

    static Stream<Arguments> variantsAndTargets() {
        return Stream.of(Variant.values()).flatMap(v -> Stream.of(Arguments.of(v, true), Arguments.of(v, false)));
    }

    @ParameterizedTest(name = "{0}, targets at every step: {1}")
    @MethodSource("variantsAndTargets")
    void lstmVariantGradientMatchesFiniteDifferences(Variant variant, boolean everyStep) {
        VanillaLstm net = Fixtures.lstm(variant, Fixtures.LINEAR, 11 + variant.ordinal());
        Sequence s = Fixtures.sequence(RandomStream.root(7).derive(variant.id()), T, I, K, everyStep, Fixtures.LINEAR);
        GradientCheck.Result r = Fixtures.gradientCheck(net, s);
        assertThat(r.weightsChecked()).isEqualTo(net.parameters().totalSize());
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(TOLERANCE);
    }

    static Stream<Arguments> outputKinds() {
        return Stream.of(Variant.VANILLA, Variant.FGR, Variant.CIFG).flatMap(v -> Stream.of(
                Arguments.of(v, Fixtures.SIGMOID), Arguments.of(v, Fixtures.SOFTMAX)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("outputKinds")
    void lstmGradientMatchesWithOtherOutputUnits(Variant variant, OutputUnits units) {
        VanillaLstm net = Fixtures.lstm(variant, units, 99);
        Sequence s = Fixtures.sequence(RandomStream.root(8), T, I, K, true, units);
        GradientCheck.Result r = Fixtures.gradientCheck(net, s);
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(TOLERANCE);
    }

    static Stream<Arguments> baselines() {
        return Stream.of("rnn", "gru").flatMap(m -> Stream.of(
                Arguments.of(m, Fixtures.LINEAR, true), Arguments.of(m, Fixtures.LINEAR, false),
                Arguments.of(m, Fixtures.SIGMOID, true), Arguments.of(m, Fixtures.SOFTMAX, false)));
    }

    @ParameterizedTest(name = "{0} with {1}, targets at every step: {2}")
    @MethodSource("baselines")
    void baselineGradientMatchesFiniteDifferences(String model, OutputUnits units, boolean everyStep) {
        BaselineConfig config = BaselineConfig.of(I, H, K).withOutputUnits(units);
        RandomStream init = RandomStream.root(3).derive("init");
        var net = model.equals("rnn") ? new SimpleRnn(config, init) : new Gru(config, init);
        Fixtures.randomise(net.parameters(), RandomStream.root(5).derive(model), 0.6);
        Sequence s = Fixtures.sequence(RandomStream.root(6), T, I, K, everyStep, units);
        GradientCheck.Result r = Fixtures.gradientCheck(net, s);
        assertThat(r.weightsChecked()).isEqualTo(net.parameters().totalSize());
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(TOLERANCE);
    }
}
