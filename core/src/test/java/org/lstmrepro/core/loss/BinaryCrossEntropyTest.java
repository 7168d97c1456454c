package org.lstmrepro.core.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The binary cross-entropy (NLL of a binary frame, nats) on values worked out by hand. */
class BinaryCrossEntropyTest {

    private static final Loss BCE = Loss.BINARY_CROSS_ENTROPY;

    @Test
    void halfProbabilitiesCostLnTwoPerUnit() {
        // every unit at 0.5: -ln 0.5 = ln 2 = 0.693147... per unit, whatever the target
        assertThat(BCE.value(new double[] {0.5, 0.5, 0.5, 0.5}, new double[] {1, 0, 0, 1}))
                .isCloseTo(4 * 0.6931471805599453, within(1e-15));
    }

    @Test
    void onUnitsCostMinusLnYOffUnitsMinusLnOneMinusY() {
        // y = (0.9, 0.2, 0.7), d = (1, 0, 0): -ln 0.9 - ln 0.8 - ln 0.3
        // = 0.105360516 + 0.223143551 + 1.203972804 = 1.532476871
        assertThat(BCE.value(new double[] {0.9, 0.2, 0.7}, new double[] {1, 0, 0}))
                .isCloseTo(1.5324768712979722, within(1e-12));
    }

    @Test
    void aPerfectPredictionCostsNothingAndASaturatedWrongOneIsBounded() {
        assertThat(BCE.value(new double[] {1, 0}, new double[] {1, 0})).isCloseTo(0, within(1e-11));
        // y = 0 for an on unit is clamped to 1e-12: -ln 1e-12 = 27.631021...
        assertThat(BCE.value(new double[] {0}, new double[] {1})).isCloseTo(27.631021115928547, within(1e-9));
    }

    @Test
    void deltaAtTheNetInputIsOutputMinusTarget() {
        OutputUnits units = new OutputUnits(OutputActivation.SIGMOID, BCE);
        double[] delta = new double[2];
        units.lossAndDelta(new double[] {0.9, 0.2}, new double[] {1, 0}, delta);
        assertThat(delta[0]).isCloseTo(-0.1, within(1e-15));
        assertThat(delta[1]).isCloseTo(0.2, within(1e-15));
    }

    @Test
    void needsSigmoidOutputs() {
        assertThatThrownBy(() -> new OutputUnits(OutputActivation.SOFTMAX, BCE))
                .hasMessage("binary-cross-entropy needs sigmoid outputs, not softmax");
        assertThat(Loss.fromId("binary-cross-entropy")).isEqualTo(BCE);
    }
}
