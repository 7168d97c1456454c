package org.lstmrepro.original;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.gradcheck.GradientCheck;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.truncated.FullBptt;
import org.lstmrepro.truncated.TruncatedGradient1997;

/**
 * The 1997 truncated gradient (forward traces) against the exact gradient of the detached graph
 * (backward, recurrent paths cut), and that against finite differences of the detached forward pass.
 */
class TruncatedGradient1997Test {

    static Stream<Arguments> cases() {
        Lstm1997Config small = Fixtures.smallConfig(OutputActivation.SIGMOID);
        return Stream.concat(Stream.of(
                Arguments.of("sigmoid, last step", small, new int[] {-1}),
                Arguments.of("sigmoid, several steps", small, new int[] {1, 5, 6, 11}),
                Arguments.of("linear, several steps", small.withOutputActivation(OutputActivation.LINEAR),
                        new int[] {0, 4, 8, 11}),
                Arguments.of("gates unseen, outputs see inputs",
                        small.withHiddenLayerSeesGates(false).withOutputsSeeInputs(true), new int[] {3, 11})), Fixtures.appendixCases());
    }

    private static double[][] truncated(Lstm1997Network net, Sequence seq) {
        net.parameters().zeroGradients();
        new TruncatedGradient1997(net).accumulate(seq, StepObserver.NONE, GradientListener.NONE);
        return Fixtures.gradients(net.parameters());
    }

    private static double[][] fullBptt(org.lstmrepro.core.model.BpttNetwork net, Sequence seq) {
        net.parameters().zeroGradients();
        new FullBptt(net).accumulate(seq, StepObserver.NONE, GradientListener.NONE);
        return Fixtures.gradients(net.parameters());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void equalsTheExactGradientOfTheDetachedGraph(String name, Lstm1997Config config, int[] targetSteps) {
        Lstm1997Network net = Fixtures.network(config, 0.7, 3);
        Sequence seq = Fixtures.sequence(config.inputSize(), config.outputSize(), 12, 8, targetSteps);
        double[][] traces = truncated(net, seq);
        double[][] detached = fullBptt(net.detached(), seq);
        List<Parameter> params = net.parameters().all();
        for (int i = 0; i < traces.length; i++) {
            assertThat(Fixtures.maxRelativeDifference(traces[i], detached[i], 1e-14)).as(params.get(i).name())
                    .isLessThan(1e-9);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void detachedGradientMatchesFiniteDifferencesOfTheDetachedGraph(String name, Lstm1997Config config,
                                                                   int[] targetSteps) {
        Lstm1997Network net = Fixtures.network(config, 0.7, 3);
        Sequence seq = Fixtures.sequence(config.inputSize(), config.outputSize(), 12, 8, targetSteps);
        double[][] recorded = net.recordRecurrentSources(seq);
        // the replay with constants recorded at these weights is the ordinary forward pass
        assertThat(net.forwardWithConstantSources(seq, recorded, StepObserver.NONE))
                .isEqualTo(net.forward(seq, StepObserver.NONE));

        fullBptt(net.detached(), seq); // leaves the detached gradient in the buffers
        GradientCheck.Result r = FullBpttGradientTest.CHECK.check(net.parameters(),
                p -> net.forwardWithConstantSources(seq, recorded, StepObserver.NONE));
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(1e-6);
    }

    @Test
    void outputLayerGradientIsFullBpttsAndEveryOtherDiffers() {
        Lstm1997Network net = Fixtures.network(Fixtures.smallConfig(OutputActivation.SIGMOID), 0.7, 3);
        Sequence seq = Fixtures.sequence(3, 2, 12, 8, 4, 11);
        double[][] traces = truncated(net, seq);
        double[][] full = fullBptt(net, seq);
        ParameterSet p = net.parameters();
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < traces.length; i++) {
            Parameter q = p.all().get(i);
            double diff = Fixtures.maxRelativeDifference(traces[i], full[i], 1e-14);
            if (q.isOutputLayer()) {
                assertThat(diff).as(q.name()).isLessThan(1e-12);
            } else if (diff > 1e-3) {
                differing.add(q.name());
            }
        }
        assertThat(differing).containsExactly("cell.weight", "cell.bias", "hidden.weight", "hidden.bias",
                "input_gate.weight", "input_gate.bias", "output_gate.weight", "output_gate.bias");
    }

    @Test
    void gradientIsReadyAfterEveryStepWithATargetAndTracesRestartPerSequence() {
        Lstm1997Network net = Fixtures.network(Fixtures.smallConfig(OutputActivation.SIGMOID), 0.7, 3);
        Sequence seq = Fixtures.sequence(3, 2, 12, 8, 1, 5, 11);
        List<Integer> ready = new ArrayList<>();
        TruncatedGradient1997 rule = new TruncatedGradient1997(net);
        net.parameters().zeroGradients();
        double loss = rule.accumulate(seq, StepObserver.NONE, ready::add);
        assertThat(ready).containsExactly(1, 5, 11);
        assertThat(loss).isEqualTo(net.forward(seq, StepObserver.NONE));
        double[][] first = Fixtures.gradients(net.parameters());
        // the same rule on the same sequence again: the same gradient (traces reset at the start)
        net.parameters().zeroGradients();
        rule.accumulate(seq, StepObserver.NONE, GradientListener.NONE);
        assertThat(Fixtures.gradients(net.parameters())).isDeepEqualTo(first);
    }
}
