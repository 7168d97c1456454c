package org.lstmrepro.original;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.truncated.TruncatedGradient1997;

/** Sanity: plain online updates (w -= g after every step with an error) under the 1997 rule make the loss fall. */
class OnlineTrainingTest {

    /** Remember the sign of the first input for 8 steps: target 0.8 or 0.2 at the last step. */
    private static Sequence rememberTheFirstInput(RandomStream r) {
        int steps = 8;
        double[][] x = new double[steps][2];
        double[][] d = new double[steps][];
        boolean positive = r.nextBoolean();
        x[0][0] = positive ? 1 : -1;
        x[0][1] = 1; // marks the start
        for (int t = 1; t < steps; t++) {
            x[t][0] = r.nextDouble(-0.2, 0.2);
        }
        d[steps - 1] = new double[] {positive ? 0.8 : 0.2};
        return new Sequence(x, d);
    }

    private static void sgd(ParameterSet p, double rate) {
        for (Parameter q : p.all()) {
            double[] w = q.value();
            double[] g = q.gradient();
            for (int i = 0; i < w.length; i++) {
                w[i] -= rate * g[i];
            }
            q.zeroGradient();
        }
    }

    @Test
    void lossFallsUnderOnlineUpdates() {
        // the adding network without its gate biases (which make it slow to start, by design)
        Lstm1997Network net = new Lstm1997Network(Lstm1997Config.of(2, 2, 2, 1));
        Lstm1997Initializer.initialize(net.config(), net.parameters(), RandomStream.root(1));
        TruncatedGradient1997 rule = new TruncatedGradient1997(net);
        RandomStream data = RandomStream.root(2);
        net.parameters().zeroGradients();
        double early = 0;
        double late = 0;
        int sequences = 3000;
        for (int i = 0; i < sequences; i++) {
            double loss = rule.accumulate(rememberTheFirstInput(data), StepObserver.NONE,
                    t -> sgd(net.parameters(), 1.0));
            if (i < 200) {
                early += loss;
            } else if (i >= sequences - 200) {
                late += loss;
            }
        }
        assertThat(net.parameters().allValuesFinite()).isTrue();
        assertThat(late).isLessThan(0.25 * early);
    }
}
