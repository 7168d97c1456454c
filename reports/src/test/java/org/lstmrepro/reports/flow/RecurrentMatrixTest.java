package org.lstmrepro.reports.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.original.Lstm1997Config;
import org.lstmrepro.original.Lstm1997Network;
import org.lstmrepro.vanilla.BaselineConfig;
import org.lstmrepro.vanilla.SimpleRnn;
import org.lstmrepro.vanilla.VanillaConfig;
import org.lstmrepro.vanilla.VanillaLstm;
import org.lstmrepro.vanilla.Variant;

class RecurrentMatrixTest {

    /** [[0, -2], [2, 0]] has eigenvalues +-2i: radius 2, although no eigenvalue is real. */
    @Test
    void spectralRadiusCountsComplexEigenvalues() {
        SimpleRnn rnn = new SimpleRnn(BaselineConfig.of(1, 2, 1), RandomStream.root(1));
        Parameter w = rnn.parameters().get(SimpleRnn.WEIGHT_HH);
        System.arraycopy(new double[] {0, -2, 2, 0}, 0, w.value(), 0, 4);
        RecurrentMatrix m = RecurrentMatrix.of(rnn).get(0);
        assertThat(m.spectralRadius()).isCloseTo(2.0, within(1e-12));

        m.scaleToRadius(0.5);
        assertThat(w.value()).containsExactly(0, -0.5, 0.5, 0);
        assertThat(m.spectralRadius()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void vanillaBlocksAreTheGatesTheVariantHasAndScaleIndependently() {
        VanillaLstm lstm = new VanillaLstm(VanillaConfig.of(2, 3, 1, Variant.VANILLA), RandomStream.root(2));
        assertThat(RecurrentMatrix.of(lstm)).extracting(RecurrentMatrix::name).containsExactly("R_i", "R_f", "R_z", "R_o");
        VanillaLstm nfg = new VanillaLstm(VanillaConfig.of(2, 3, 1, Variant.NFG), RandomStream.root(2));
        assertThat(RecurrentMatrix.of(nfg)).extracting(RecurrentMatrix::name).containsExactly("R_i", "R_z", "R_o");

        List<RecurrentMatrix> blocks = RecurrentMatrix.of(lstm);
        double zBefore = blocks.get(2).spectralRadius();
        blocks.get(0).scaleToRadius(3.0);
        assertThat(blocks.get(0).spectralRadius()).isCloseTo(3.0, within(1e-9));
        assertThat(blocks.get(2).spectralRadius()).isEqualTo(zBefore);
    }

    @Test
    void the1997BlockIsTheCellsInputsFromTheCellOutputs() {
        Lstm1997Config config = Lstm1997Config.of(2, 2, 2, 1);
        Lstm1997Network lstm = new Lstm1997Network(config);
        Parameter cell = lstm.parameters().get("cell.weight");
        java.util.Arrays.fill(cell.value(), 0.0);
        int n = cell.cols();
        cell.value()[0 * n + 2 + 1] = 0.7;          // cell 0 reads y^c_1 (column I + 1)
        cell.value()[1 * n + 2 + 0] = 0.7;          // cell 1 reads y^c_0: a 2-cycle, eigenvalues +-0.7
        cell.value()[0 * n + 0] = 5.0;              // an input weight: not part of the recurrent block
        RecurrentMatrix m = RecurrentMatrix.of(lstm).get(0);
        assertThat(m.block().n()).isEqualTo(4);
        assertThat(m.spectralRadius()).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void refusesANonPositiveRadius() {
        SimpleRnn rnn = new SimpleRnn(BaselineConfig.of(1, 2, 1), RandomStream.root(1));
        assertThatThrownBy(() -> RecurrentMatrix.of(rnn).get(0).scaleToRadius(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spectral radius");
    }
}
