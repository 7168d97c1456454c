package org.lstmrepro.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SequenceTest {

    @Test
    void knowsItsShapeAndTargets() {
        Sequence s = new Sequence(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[][] {null, {1}, null});
        assertThat(s.length()).isEqualTo(3);
        assertThat(s.inputSize()).isEqualTo(2);
        assertThat(s.targetSize()).isEqualTo(1);
        assertThat(s.hasTarget(1)).isTrue();
        assertThat(s.hasTarget(2)).isFalse();
        assertThat(s.lastTargetStep()).isEqualTo(1);
    }

    @Test
    void badSequencesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new Sequence(new double[0][], new double[0][])).hasMessageContaining("at least one step");
        assertThatThrownBy(() -> new Sequence(new double[][] {{1}, {2}}, new double[][] {null}))
                .hasMessageContaining("2 inputs but 1 target");
        assertThatThrownBy(() -> new Sequence(new double[][] {{1, 2}, {3}}, new double[][] {null, null}))
                .hasMessageContaining("step 1");
        assertThatThrownBy(() -> new Sequence(new double[][] {{1}, {Double.NaN}}, new double[][] {null, null}))
                .hasMessageContaining("non-finite").hasMessageContaining("step 1");
        assertThatThrownBy(() -> new Sequence(new double[][] {{1}, {2}}, new double[][] {{1, 2}, {1}}))
                .hasMessageContaining("target at step 1");
    }

    @Test
    void equalityIsByContent() {
        Sequence a = new Sequence(new double[][] {{1}}, new double[][] {{0.5}});
        Sequence b = new Sequence(new double[][] {{1}}, new double[][] {{0.5}});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new Sequence(new double[][] {{1}}, new double[][] {null}));
    }
}
