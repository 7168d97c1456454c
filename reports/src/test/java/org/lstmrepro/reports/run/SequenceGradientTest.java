package org.lstmrepro.reports.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.gradcheck.GradientCheck;
import org.lstmrepro.core.learn.LearningRule;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.original.Lstm1997Config;
import org.lstmrepro.original.DetachedGraph;
import org.lstmrepro.original.DetachedGraph;
import org.lstmrepro.original.Lstm1997Network;
import org.lstmrepro.original.Lstm1997Initializer;

class SequenceGradientTest {

    private static Lstm1997Network network() {
        Lstm1997Config c = Lstm1997Config.of(2, 2, 1, 1).withInitRange(0.8);
        Lstm1997Network net = new Lstm1997Network(c);
        Lstm1997Initializer.initialize(c, net.parameters(), RandomStream.root(4));
        return net;
    }

    private static Sequence sequence() {
        double[][] x = {{0.3, -0.5}, {1, 0.2}, {-0.7, 0.9}, {0.1, 0.4}, {0.6, -0.2}};
        double[][] d = {null, {0.8}, null, {0.2}, {0.6}};
        return new Sequence(x, d);
    }

    @Test
    void summedOnlineContributionsLeaveTheWeightsAloneAndIgnoreStaleGradients() {
        Lstm1997Network net = network();
        double[][] before = net.parameters().all().stream().map(p -> p.value().clone()).toArray(double[][]::new);
        for (Parameter p : net.parameters().all()) {
            Arrays.fill(p.gradient(), 123.0); // stale: must be replaced, not added to
        }
        LearningRule rule = LearningRules.create("truncated1997", net);
        SequenceGradient.Result r = SequenceGradient.compute(rule, sequence());

        for (int i = 0; i < before.length; i++) {
            assertThat(net.parameters().all().get(i).value()).isEqualTo(before[i]);
        }
        assertThat(r.loss()).isEqualTo(net.forward(sequence(), StepObserver.NONE));
        assertThat(r.outputs()).hasNumberOfRows(5);
        // The 1997 rule with fixed weights is the exact gradient of the graph whose recurrent sources are constants.
        double[][] recorded = DetachedGraph.record(net, sequence());
        GradientCheck.Result check = GradientCheck.withSteps(1e-5, 1e-7).check(net.parameters(),
                p -> DetachedGraph.loss(net, sequence(), recorded));
        assertThat(check.maxRelativeError()).as(check.toString()).isLessThan(1e-6);
    }

    @Test
    void outputsAreCopiesOfEveryStep() {
        Lstm1997Network net = network();
        SequenceGradient.Result r = SequenceGradient.compute(LearningRules.create("bptt", net), sequence());
        double[][] expected = new double[5][];
        net.forward(sequence(), (t, y) -> expected[t] = y.clone());
        assertThat(r.outputs()).isDeepEqualTo(expected);
        assertThat(r.outputs()[0]).isNotSameAs(r.outputs()[1]);
    }
}
