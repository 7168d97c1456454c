package org.lstmrepro.core.gradcheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

class GradientCheckTest {

    /** E(a, b) = sum_i a_i^2 b_0 + sin(b_1) * a_0: gradient known in closed form. */
    private static double loss(ParameterSet p) {
        double[] a = p.get("a").value();
        double[] b = p.get("b").value();
        double e = 0;
        for (double v : a) {
            e += v * v * b[0];
        }
        return e + Math.sin(b[1]) * a[0];
    }

    private static ParameterSet params() {
        ParameterSet p = new ParameterSet();
        Parameter a = p.add(Parameter.matrix("a", 2, 2));
        Parameter b = p.add(Parameter.vector("b", 2));
        System.arraycopy(new double[] {0.3, -1.2, 0.7, 2.0}, 0, a.value(), 0, 4);
        System.arraycopy(new double[] {1.5, 0.4}, 0, b.value(), 0, 2);
        return p;
    }

    private static void writeTrueGradient(ParameterSet p) {
        double[] a = p.get("a").value();
        double[] b = p.get("b").value();
        double[] ga = p.get("a").gradient();
        double[] gb = p.get("b").gradient();
        double sumSq = 0;
        for (int i = 0; i < a.length; i++) {
            ga[i] = 2 * a[i] * b[0];
            sumSq += a[i] * a[i];
        }
        ga[0] += Math.sin(b[1]);
        gb[0] = sumSq;
        gb[1] = Math.cos(b[1]) * a[0];
    }

    @Test
    void passesOnTheTrueGradient() {
        ParameterSet p = params();
        writeTrueGradient(p);
        GradientCheck.Result r = GradientCheck.against(p, GradientCheckTest::loss);
        assertThat(r.weightsChecked()).isEqualTo(6);
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(1e-8);
    }

    @Test
    void failsOnAWrongGradientAndNamesTheWeight() {
        ParameterSet p = params();
        writeTrueGradient(p);
        p.get("b").gradient()[1] *= 1.01; // a 1% slip in one entry
        GradientCheck.Result r = GradientCheck.against(p, GradientCheckTest::loss);
        assertThat(r.maxRelativeError()).isGreaterThan(5e-3);
        assertThat(r.worstParameter()).isEqualTo("b");
        assertThat(r.worstIndex()).isEqualTo(1);
    }

    @Test
    void aMissingTermIsCaught() {
        ParameterSet p = params();
        writeTrueGradient(p);
        p.get("a").gradient()[0] -= Math.sin(p.get("b").value()[1]); // forgot the sin(b1) a0 term
        assertThat(GradientCheck.against(p, GradientCheckTest::loss).worstParameter()).isEqualTo("a");
    }

    @Test
    void restoresTheWeightsExactly() {
        ParameterSet p = params();
        double[] before = p.get("a").value().clone();
        GradientCheck.against(p, GradientCheckTest::loss);
        assertThat(p.get("a").value()).containsExactly(before);
    }

    @Test
    void aNaNGradientIsTheWorstPossible() {
        ParameterSet p = params();
        writeTrueGradient(p);
        p.get("a").gradient()[2] = Double.NaN;
        GradientCheck.Result r = GradientCheck.against(p, GradientCheckTest::loss);
        assertThat(r.maxRelativeError()).isInfinite();
        assertThat(r.worstIndex()).isEqualTo(2);
    }
}
