package org.lstmrepro.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

class MomentumSgdTest {

    /** Two steps with a constant gradient of 1 from w = 0, lr = 0.1, mu = 0.9. */
    private static double twoStepsWithUnitGradient(boolean nesterov) {
        ParameterSet ps = new ParameterSet();
        Parameter w = ps.add(Parameter.vector("w", 1));
        w.gradient()[0] = 1.0;
        MomentumSgd opt = new MomentumSgd(0.1, 0.9, nesterov);
        opt.step(ps);
        opt.step(ps);
        return w.value()[0];
    }

    @Test
    void classicalMomentumAccumulatesVelocity() {
        // v1 = -0.1, w1 = -0.1; v2 = 0.9 * -0.1 - 0.1 = -0.19, w2 = -0.29
        assertThat(twoStepsWithUnitGradient(false)).isCloseTo(-0.29, within(1e-15));
    }

    @Test
    void nesterovMomentumAddsTheLookAheadStep() {
        // v1 = -0.1, w1 = 0.9 * -0.1 - 0.1 = -0.19; v2 = -0.19, w2 = -0.19 + 0.9 * -0.19 - 0.1 = -0.461
        assertThat(twoStepsWithUnitGradient(true)).isCloseTo(-0.461, within(1e-15));
    }

    /**
     * Sutskever et al. (2013) eq. 3-4 written out directly: v <- mu v - lr grad(theta + mu v);
     * theta <- theta + v. Our stored weights must be the look-ahead point theta + mu v at every step.
     */
    @Test
    void nesterovMatchesSutskeversFormulationOnAQuadratic() {
        double[] c = {1.0, 30.0};
        double lr = 0.02;
        double mu = 0.8;
        double[] theta = {2.0, -1.0};
        double[] v = {0.0, 0.0};
        Quadratic q = new Quadratic(c, theta);
        MomentumSgd opt = new MomentumSgd(lr, mu, true);
        for (int step = 0; step < 25; step++) {
            for (int i = 0; i < 2; i++) {
                double lookAhead = theta[i] + mu * v[i];
                v[i] = mu * v[i] - lr * c[i] * lookAhead;
                theta[i] += v[i];
            }
            q.computeGradient();
            opt.step(q.parameters);
            for (int i = 0; i < 2; i++) {
                assertThat(q.w.value()[i]).as("step %d, weight %d", step, i)
                        .isCloseTo(theta[i] + mu * v[i], within(1e-12));
            }
        }
    }

    @Test
    void momentumConvergesFasterThanPlainSgdOnAnIllConditionedQuadratic() {
        double[] curvature = {1.0, 100.0}; // condition number 100
        double[] start = {1.0, 1.0};
        double lr = 0.01; // stable for the stiff direction (lr * 100 = 1 < 2)
        double sgd = new Quadratic(curvature, start).minimise(new Sgd(lr), 200);
        double classical = new Quadratic(curvature, start).minimise(new MomentumSgd(lr, 0.9, false), 200);
        double nesterov = new Quadratic(curvature, start).minimise(new MomentumSgd(lr, 0.9, true), 200);

        // Plain SGD shrinks the flat direction by (1 - lr) per step: 0.99^200 ~ 0.134 -> E ~ 0.009.
        assertThat(sgd).isCloseTo(0.5 * Math.pow(0.99, 400), within(1e-12));
        assertThat(classical).isLessThan(sgd * 1e-3);
        assertThat(nesterov).isLessThan(sgd * 1e-3);
    }

    @Test
    void keepsSeparateVelocitiesPerParameter() {
        ParameterSet ps = new ParameterSet();
        Parameter a = ps.add(Parameter.vector("a", 1));
        Parameter b = ps.add(Parameter.vector("b", 1));
        a.gradient()[0] = 1.0;
        b.gradient()[0] = -2.0;
        MomentumSgd opt = new MomentumSgd(0.5, 0.5, false);
        opt.step(ps);
        opt.step(ps);
        // a: v1 = -0.5, v2 = -0.75 -> -1.25; b: v1 = 1, v2 = 1.5 -> 2.5
        assertThat(a.value()[0]).isEqualTo(-1.25);
        assertThat(b.value()[0]).isEqualTo(2.5);
    }

    @Test
    void describesItsSettings() {
        assertThat(new MomentumSgd(0.1, 0.9, false).describe()).isEqualTo("momentum(lr=0.1, mu=0.9)");
        assertThat(new MomentumSgd(0.1, 0.9, true).describe()).isEqualTo("nesterov(lr=0.1, mu=0.9)");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.0, 1.5, Double.NaN})
    void rejectsAMomentumOutsideTheUnitInterval(double mu) {
        assertThatThrownBy(() -> new MomentumSgd(0.1, mu, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("momentum must be in [0, 1), was " + mu);
    }
}
