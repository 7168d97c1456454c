package org.lstmrepro.reports.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.optim.GlobalNormClipping;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.truncated.FullBptt;
import org.lstmrepro.vanilla.BaselineConfig;
import org.lstmrepro.vanilla.SimpleRnn;

class ClippingEffectTest {

    @Test
    void clippingCapsTheNormAtTheThresholdAndLeavesSmallerGradientsAlone() {
        SimpleRnn rnn = new SimpleRnn(BaselineConfig.of(1, 4, 1), RandomStream.root(4));
        RecurrentMatrix.of(rnn).get(0).scaleToRadius(2.5);
        List<Sequence> sequences = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sequences.add(ErrorSignalsTest.randomSequence(20 + i, 1, i));
        }
        double[] weightsBefore = rnn.parameters().get(SimpleRnn.WEIGHT_HH).value().clone();

        // threshold between the smallest and largest norm, so both cases occur
        ClippingEffect unclipped = ClippingEffect.measure(rnn, sequences, new GlobalNormClipping(1e9, true));
        double[] sorted = unclipped.before().clone();
        java.util.Arrays.sort(sorted);
        double threshold = (sorted[1] + sorted[4]) / 2;
        ClippingEffect effect = ClippingEffect.measure(rnn, sequences, new GlobalNormClipping(threshold, true));

        assertThat(effect.clippedCount()).isBetween(1, 5);
        for (int i = 0; i < sequences.size(); i++) {
            // the norm before clipping is the L2 norm of FullBptt's gradient, computed here independently
            rnn.parameters().zeroGradients();
            new FullBptt(rnn).accumulate(sequences.get(i), StepObserver.NONE, GradientListener.NONE);
            double sum = 0;
            for (Parameter p : rnn.parameters().all()) {
                for (double g : p.gradient()) {
                    sum += g * g;
                }
            }
            assertThat(effect.before()[i]).isCloseTo(Math.sqrt(sum), within(1e-12 * Math.sqrt(sum)));
            assertThat(effect.after()[i]).isCloseTo(Math.min(effect.before()[i], threshold), within(1e-9 * threshold));
        }
        rnn.parameters().zeroGradients();
        assertThat(rnn.parameters().get(SimpleRnn.WEIGHT_HH).value()).containsExactly(weightsBefore);
    }
}
