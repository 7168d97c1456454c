package org.lstmrepro.core.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.lstmrepro.core.gradcheck.GradientCheck;

class OutputUnitsTest {

    static Stream<Arguments> combinations() {
        double[] distribution = {0.1, 0.6, 0.3};
        double[] oneHot = {0, 1, 0};
        double[] anyTarget = {0.2, -0.7, 1.3};
        return Stream.of(
                Arguments.of(OutputActivation.LINEAR, Loss.SQUARED_ERROR, anyTarget),
                Arguments.of(OutputActivation.SIGMOID, Loss.SQUARED_ERROR, anyTarget),
                Arguments.of(OutputActivation.SOFTMAX, Loss.SQUARED_ERROR, anyTarget),
                Arguments.of(OutputActivation.SOFTMAX, Loss.CROSS_ENTROPY, oneHot),
                Arguments.of(OutputActivation.SOFTMAX, Loss.CROSS_ENTROPY, distribution),
                Arguments.of(OutputActivation.SIGMOID, Loss.BINARY_CROSS_ENTROPY, new double[] {1, 0, 1}));
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void deltaAtTheNetInputsIsTheGradientOfTheLoss(OutputActivation activation, Loss loss, double[] target) {
        OutputUnits units = new OutputUnits(activation, loss);
        double[] net = {0.4, -1.1, 2.0};
        double[] y = new double[3];
        double[] delta = new double[3];
        activation.apply(net, y);
        double e = units.lossAndDelta(y, target, delta);
        assertThat(e).isCloseTo(loss.value(y, target), within(1e-15));
        double h = 1e-6;
        for (int j = 0; j < net.length; j++) {
            double[] plus = net.clone();
            double[] minus = net.clone();
            plus[j] += h;
            minus[j] -= h;
            double numeric = (lossAt(activation, loss, plus, target) - lossAt(activation, loss, minus, target)) / (2 * h);
            assertThat(GradientCheck.relativeError(delta[j], numeric, 1e-8)).as("dE/dnet_%d", j).isLessThan(1e-7);
        }
    }

    private static double lossAt(OutputActivation a, Loss l, double[] net, double[] d) {
        double[] y = new double[net.length];
        a.apply(net, y);
        return l.value(y, d);
    }

    @Test
    void squaredErrorIsHalfTheSumOfSquares() {
        assertThat(Loss.SQUARED_ERROR.value(new double[] {1, 2}, new double[] {0, 0})).isEqualTo(2.5);
    }

    @Test
    void softmaxIsADistributionEvenForHugeNetInputs() {
        double[] y = new double[3];
        OutputActivation.SOFTMAX.apply(new double[] {1000, 1001, -1000}, y);
        assertThat(y[0] + y[1] + y[2]).isCloseTo(1.0, within(1e-15));
        assertThat(y[1]).isGreaterThan(y[0]);
    }

    @Test
    void crossEntropyWithoutSoftmaxIsRefused() {
        assertThatThrownBy(() -> new OutputUnits(OutputActivation.SIGMOID, Loss.CROSS_ENTROPY))
                .hasMessageContaining("softmax");
    }
}
