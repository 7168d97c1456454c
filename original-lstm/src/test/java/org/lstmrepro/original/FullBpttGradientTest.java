package org.lstmrepro.original;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.gradcheck.GradientCheck;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.truncated.FullBptt;

/** The full BPTT backward pass of the 1997 network against central finite differences. */
class FullBpttGradientTest {

    /**
     * Step 1e-4 and floor 1e-6. With a loss of order 0.5 a central difference carries a round-off error
     * of about 1e-16 / eps; at eps = 1e-4 that is 1e-12 while the O(eps^2) truncation error is of the
     * same order (a probe of one weight: the differences converged quadratically onto the analytic value,
     * errors 1.9e-10, 1.7e-11, 2.0e-12 at eps 1e-3, 3e-4, 1e-4). The floor compares derivatives below
     * 1e-6 absolutely, at 1e-12.
     */
    static final GradientCheck CHECK = GradientCheck.withSteps(1e-4, 1e-6);

    static Stream<Arguments> cases() {
        Lstm1997Config small = Fixtures.smallConfig(OutputActivation.SIGMOID);
        return Stream.concat(Stream.of(
                Arguments.of("sigmoid, last step", small, new int[] {-1}),
                Arguments.of("sigmoid, several steps", small, new int[] {2, 5, 6, 11}),
                Arguments.of("linear, last step", small.withOutputActivation(OutputActivation.LINEAR), new int[] {-1}),
                Arguments.of("linear, several steps", small.withOutputActivation(OutputActivation.LINEAR),
                        new int[] {0, 4, 8, 11}),
                Arguments.of("gates unseen, outputs see inputs",
                        small.withHiddenLayerSeesGates(false).withOutputsSeeInputs(true), new int[] {3, 11})), Fixtures.appendixCases());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesFiniteDifferences(String name, Lstm1997Config config, int[] targetSteps) {
        Lstm1997Network net = Fixtures.network(config, 0.7, 11);
        Sequence seq = Fixtures.sequence(config.inputSize(), config.outputSize(), 12, 5, targetSteps);
        net.parameters().zeroGradients();
        double loss = new FullBptt(net).accumulate(seq, StepObserver.NONE, GradientListener.NONE);

        // the same terms, summed backwards in time by BPTT: equal up to the order of the additions
        double forward = net.forward(seq, StepObserver.NONE);
        assertThat(loss).isCloseTo(forward, within(1e-15 * Math.abs(forward)));
        GradientCheck.Result r = CHECK.check(net.parameters(), p -> net.forward(seq, StepObserver.NONE));
        assertThat(r.weightsChecked()).isEqualTo(net.parameters().totalSize());
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(1e-6);
    }
}
