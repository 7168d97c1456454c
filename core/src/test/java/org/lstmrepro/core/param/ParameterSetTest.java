package org.lstmrepro.core.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParameterSetTest {

    @Test
    void matrixIsRowMajorAndSharedWithItsEjmlView() {
        Parameter p = Parameter.matrix("w", 2, 3);
        p.set(1, 2, 7.0);
        assertThat(p.value()[5]).isEqualTo(7.0);
        assertThat(p.valueMatrix().get(1, 2)).isEqualTo(7.0);
        p.gradientMatrix().set(0, 1, 3.0);
        assertThat(p.gradient()[1]).isEqualTo(3.0);
        assertThat(p.shape()).containsExactly(2, 3);
    }

    @Test
    void setKeepsOrderCountsWeightsAndRefusesDuplicates() {
        ParameterSet s = new ParameterSet();
        s.add(Parameter.matrix("a", 2, 2));
        s.add(Parameter.outputVector("output.bias", 3));
        assertThat(s.all()).extracting(Parameter::name).containsExactly("a", "output.bias");
        assertThat(s.totalSize()).isEqualTo(7);
        assertThat(s.get("output.bias").isOutputLayer()).isTrue();
        assertThat(s.get("a").isOutputLayer()).isFalse();
        assertThatThrownBy(() -> s.add(Parameter.vector("a", 1))).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> s.get("nope")).hasMessageContaining("nope").hasMessageContaining("output.bias");
    }

    @Test
    void finitenessChecksSeeNaNAndInfinity() {
        ParameterSet s = new ParameterSet();
        Parameter a = s.add(Parameter.vector("a", 2));
        assertThat(s.allValuesFinite()).isTrue();
        a.value()[1] = Double.POSITIVE_INFINITY;
        assertThat(s.allValuesFinite()).isFalse();
        a.gradient()[0] = Double.NaN;
        assertThat(s.allGradientsFinite()).isFalse();
        s.zeroGradients();
        assertThat(s.allGradientsFinite()).isTrue();
    }

    @Test
    void copyValuesChecksShapes() {
        ParameterSet a = new ParameterSet();
        a.add(Parameter.matrix("w", 2, 2)).value()[3] = 5;
        ParameterSet b = new ParameterSet();
        b.add(Parameter.matrix("w", 2, 2));
        b.copyValuesFrom(a);
        assertThat(b.get("w").value()[3]).isEqualTo(5);
        ParameterSet c = new ParameterSet();
        c.add(Parameter.matrix("w", 1, 4));
        assertThatThrownBy(() -> c.copyValuesFrom(a)).hasMessageContaining("w");
    }
}
