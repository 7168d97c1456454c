package org.lstmrepro.vanilla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lstmrepro.vanilla.Fixtures.I;
import static org.lstmrepro.vanilla.Fixtures.K;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.gradcheck.GradientCheck;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.truncated.FullBptt;
import org.lstmrepro.truncated.TruncatedGradient1997;

/**
 * The 1997-style truncated gradient on the vanilla cell (Gers et al. 2000: only c_{t-1} -> c_t kept,
 * with factor f_t): forward traces against the exact gradient of the detached network (backward with
 * the recurrent paths cut), that against finite differences of the forward pass with the recorded
 * recurrent sources held constant, and against full BPTT.
 */
class TruncatedGradientTest {

    private static final int T = 10;

    static Stream<Arguments> variantsAndTargets() {
        return Stream.of(Variant.values()).flatMap(v -> Stream.of(Arguments.of(v, true), Arguments.of(v, false)));
    }

    private static VanillaLstm network(Variant variant) {
        return Fixtures.lstm(variant, Fixtures.LINEAR, 41 + variant.ordinal());
    }

    private static Sequence sequence(Variant variant, boolean everyStep) {
        return Fixtures.sequence(RandomStream.root(42).derive(variant.id()), T, I, K, everyStep, Fixtures.LINEAR);
    }

    private static double[][] truncated1997(VanillaLstm net, Sequence s) {
        net.parameters().zeroGradients();
        new TruncatedGradient1997(net).accumulate(s, StepObserver.NONE, GradientListener.NONE);
        return Fixtures.gradients(net.parameters());
    }

    private static double[][] fullBptt(BpttNetwork net, Sequence s) {
        net.parameters().zeroGradients();
        new FullBptt(net).accumulate(s, StepObserver.NONE, GradientListener.NONE);
        return Fixtures.gradients(net.parameters());
    }

    @ParameterizedTest(name = "{0}, targets at every step: {1}")
    @MethodSource("variantsAndTargets")
    void tracesEqualTheExactGradientOfTheDetachedNetwork(Variant variant, boolean everyStep) {
        VanillaLstm net = network(variant);
        Sequence s = sequence(variant, everyStep);
        double[][] traces = truncated1997(net, s);
        double[][] detached = fullBptt(net.detached(), s);
        List<Parameter> params = net.parameters().all();
        for (int p = 0; p < params.size(); p++) {
            assertThat(Fixtures.maxRelativeDifference(traces[p], detached[p], 1e-12)).as(params.get(p).name())
                    .isLessThan(1e-9);
        }
    }

    @ParameterizedTest(name = "{0}, targets at every step: {1}")
    @MethodSource("variantsAndTargets")
    void detachedGradientMatchesFiniteDifferencesWithTheRecurrentSourcesHeld(Variant variant, boolean everyStep) {
        VanillaLstm net = network(variant);
        Sequence s = sequence(variant, everyStep);
        double[][] recorded = net.recordRecurrentSources(s);
        // replaying the recording taken at these weights is the ordinary forward pass
        assertThat(net.forwardWithConstantSources(s, recorded, StepObserver.NONE))
                .isEqualTo(net.forward(s, StepObserver.NONE));

        fullBptt(net.detached(), s); // leaves the detached gradient in the buffers
        GradientCheck.Result r = GradientCheck.withSteps(1e-5, 1e-4).check(net.parameters(),
                q -> net.forwardWithConstantSources(s, recorded, StepObserver.NONE));
        assertThat(r.weightsChecked()).isEqualTo(net.parameters().totalSize());
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(1e-6);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void fullBpttAndTruncated1997AgreeOnTheOutputLayerAndDifferElsewhere(Variant variant) {
        VanillaLstm net = network(variant);
        Sequence s = sequence(variant, true);
        double[][] traces = truncated1997(net, s);
        double[][] full = fullBptt(net, s);
        List<String> differing = new ArrayList<>();
        List<String> expectedToDiffer = new ArrayList<>();
        List<Parameter> params = net.parameters().all();
        for (int p = 0; p < params.size(); p++) {
            Parameter q = params.get(p);
            double diff = Fixtures.maxRelativeDifference(traces[p], full[p], 1e-12);
            if (q.isOutputLayer()) {
                assertThat(diff).as(q.name()).isLessThan(1e-12);
            } else if (isAllZero(full[p])) {
                // the peephole of a gate the variant removed: unused, zero under both rules
                assertThat(traces[p]).as(q.name()).containsOnly(0.0);
            } else {
                expectedToDiffer.add(q.name());
                if (diff > 1e-3) {
                    differing.add(q.name());
                }
            }
        }
        // every used weight of the LSTM layer reaches the loss through some recurrent path the rule cuts
        assertThat(differing).containsExactlyElementsOf(expectedToDiffer);
        assertThat(differing).contains("weight_ih", "weight_hh", "bias");
    }

    private static boolean isAllZero(double[] v) {
        for (double x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void derivativeClippingIsRefusedWithAClearMessage() {
        VanillaConfig config = VanillaConfig.of(I, 4, K, Variant.VANILLA).withDerivativeClip(1.0);
        VanillaLstm net = new VanillaLstm(config, RandomStream.root(43));
        assertThatThrownBy(() -> new TruncatedGradient1997(net))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("derivativeClip");
    }

    @Test
    void eachCellIsDrivenByItsOwnRowOfEachGroupThatTheVariantHas() {
        assertThat(network(Variant.VANILLA).tracedGroupCount()).isEqualTo(3);
        assertThat(network(Variant.NIG).tracedGroupCount()).isEqualTo(2);
        assertThat(network(Variant.NFG).tracedGroupCount()).isEqualTo(2);
        assertThat(network(Variant.CIFG).tracedGroupCount()).isEqualTo(2);
        VanillaLstm fgr = network(Variant.FGR);
        assertThat(fgr.sourceCount()).isEqualTo(I + 4 * Fixtures.H);
        assertThat(fgr.tracedRowOfCell(1, 3)).isEqualTo(3);
        assertThat(network(Variant.NP).tracedGroupHasPeepholes(1)).isFalse();
        assertThat(network(Variant.VANILLA).tracedGroupHasPeepholes(0)).isFalse(); // block input: no peephole
        assertThat(network(Variant.VANILLA).tracedGroupHasPeepholes(2)).isTrue();
    }
}
