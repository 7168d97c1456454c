package org.lstmrepro.original;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.truncated.FullBptt;
import org.lstmrepro.truncated.TruncatedBptt;

/** Truncated BPTT(k1, k2) of the 1997 network, against full BPTT. */
class TruncatedBpttTest {

    private static final int T = 30;

    private final Lstm1997Network net = Fixtures.network(Fixtures.smallConfig(OutputActivation.SIGMOID), 0.7, 21);

    private double[][] gradient(org.lstmrepro.core.learn.LearningRule rule, Sequence seq) {
        net.parameters().zeroGradients();
        rule.accumulate(seq, StepObserver.NONE, GradientListener.NONE);
        return Fixtures.gradients(net.parameters());
    }

    @Test
    void oneWindowOverTheWholeSequenceIsFullBptt() {
        Sequence seq = Fixtures.sequence(3, 2, T, 4, 3, 17, 29);
        double[][] full = gradient(new FullBptt(net), seq);
        assertThat(gradient(new TruncatedBptt(net, T, T), seq)).isDeepEqualTo(full);
        assertThat(gradient(new TruncatedBptt(net, 100, 100), seq)).isDeepEqualTo(full);
        assertThat(new TruncatedBptt(net, 5, 5).accumulate(seq, StepObserver.NONE, GradientListener.NONE))
                .isEqualTo(net.forward(seq, StepObserver.NONE));
    }

    @Test
    void shortWindowsGiveADifferentGradient() {
        Sequence seq = Fixtures.sequence(3, 2, T, 4, 3, 17, 29);
        double[][] full = gradient(new FullBptt(net), seq);
        double[][] windowed = gradient(new TruncatedBptt(net, 5, 8), seq);
        // index 0 is cell.weight: its error travels back through the recurrence
        assertThat(Fixtures.maxRelativeDifference(windowed[0], full[0], 1e-14)).isGreaterThan(1e-3);
        // the output layer sees only the current step: the same under any window
        int out = net.parameters().all().size() - 2;
        assertThat(Fixtures.maxRelativeDifference(windowed[out], full[out], 1e-14)).isLessThan(1e-12);
    }

    /**
     * Independent argument: with errors only inside the first window, that window starts from the zero
     * state like full BPTT does, so BPTT(k; k) equals full BPTT on the first k steps; and with k2 >= the
     * last error step the single backward pass that sees the error reaches step 0, which is full BPTT.
     */
    @Test
    void windowsAgreeWithFullBpttWhereTheCutIsHarmless() {
        int k = 10;
        Sequence seq = Fixtures.sequence(3, 2, T, 4, 2, 7, 9);
        Sequence prefix = new Sequence(Arrays.copyOf(seq.inputs(), k), Arrays.copyOf(seq.targets(), k));
        double[][] prefixFull = gradient(new FullBptt(net), prefix);
        assertThat(gradient(new TruncatedBptt(net, k, k), seq)).isDeepEqualTo(prefixFull);
        // errors at 7 and 9, k1 = 3: injected in the windows ending at 8 and 11; depth 12 reaches step 0
        double[][] full = gradient(new FullBptt(net), seq);
        double[][] deep = gradient(new TruncatedBptt(net, 3, 12), seq);
        for (int i = 0; i < full.length; i++) {
            assertThat(Fixtures.maxRelativeDifference(deep[i], full[i], 1e-14)).isLessThan(1e-12);
        }
    }

    @Test
    void tellsTheListenerAfterEachWindowWithAnError() {
        Sequence seq = Fixtures.sequence(3, 2, 23, 4, 2, 3, 9, 22);
        List<Integer> ready = new ArrayList<>();
        new TruncatedBptt(net, 5, 7).accumulate(seq, StepObserver.NONE, ready::add);
        // windows end at 4, 9, 14, 19, 22; the one ending at 14 and 19 have no error
        assertThat(ready).containsExactly(4, 9, 22);
    }
}
