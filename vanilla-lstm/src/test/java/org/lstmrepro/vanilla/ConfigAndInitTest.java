package org.lstmrepro.vanilla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.math.Activation;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.random.RandomStream;

/** Configuration checks, variant ids, and the initial weights. */
class ConfigAndInitTest {

    @ParameterizedTest
    @EnumSource(Variant.class)
    void variantIdsRoundTrip(Variant v) {
        assertThat(Variant.fromId(v.id())).isSameAs(v);
        assertThat(Variant.fromId(v.id().toLowerCase())).isSameAs(v);
    }

    @Test
    void variantIdsAreThoseOfTheInterchangeSpec() {
        assertThat(Arrays.stream(Variant.values()).map(Variant::id))
                .containsExactly("vanilla", "NIG", "NFG", "NOG", "NIAF", "NOAF", "NP", "CIFG", "FGR");
        assertThatThrownBy(() -> Variant.fromId("GRU"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown LSTM variant 'GRU'");
    }

    @Test
    void eachVariantChangesOneThingOfTheVanillaCell() {
        CellStructure v = CellStructure.VANILLA;
        assertThat(Variant.NIG.structure().inputGate()).isFalse();
        assertThat(Variant.NFG.structure().hasAnyForgetGate()).isFalse();
        assertThat(Variant.NOG.structure().outputGate()).isFalse();
        assertThat(Variant.NIAF.structure().inputActivation()).isEqualTo(Activation.IDENTITY);
        assertThat(Variant.NOAF.structure().outputActivation()).isEqualTo(Activation.IDENTITY);
        assertThat(Variant.NP.structure().peepholes()).isFalse();
        assertThat(Variant.CIFG.structure().coupledInputForget()).isTrue();
        assertThat(Variant.CIFG.structure().forgetGate()).isFalse();
        assertThat(Variant.FGR.structure().fullGateRecurrence()).isTrue();
        assertThat(Variant.VANILLA.structure()).isEqualTo(v);
        assertThat(v.inputGate() && v.forgetGate() && v.outputGate() && v.peepholes()).isTrue();
        assertThat(v.coupledInputForget() || v.fullGateRecurrence()).isFalse();
    }

    @Test
    void aCoupledGateNeedsAnInputGateAndNoForgetGate() {
        assertThatThrownBy(() -> new CellStructure(false, false, true, Activation.TANH, Activation.TANH, true, true, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coupled input-forget gate");
    }

    @Test
    void badConfigurationsAreRefusedByName() {
        assertThatThrownBy(() -> VanillaConfig.of(3, 0, 2, Variant.VANILLA))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("hiddenSize must be at least 1, was 0");
        assertThatThrownBy(() -> VanillaConfig.of(0, 4, 2, Variant.VANILLA))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("inputSize must be at least 1, was 0");
        assertThatThrownBy(() -> BaselineConfig.of(3, 4, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("outputSize must be at least 1, was -1");
        assertThatThrownBy(() -> VanillaConfig.of(3, 4, 2, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a variant");
        assertThatThrownBy(() -> VanillaConfig.of(3, 4, 2, Variant.VANILLA).withGateBiases(0, Double.NaN, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("forgetGateBias must be finite, was NaN");
        assertThatThrownBy(() -> WeightDistribution.gaussian(-0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("standard deviation must be positive");
        assertThatThrownBy(() -> WeightDistribution.uniform(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("half-range must be positive");
        assertThatThrownBy(() -> RecurrentInit.fromId("xavier"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'xavier'");
    }

    @Test
    void gateBiasesStartAtTheConfiguredConstants() {
        VanillaConfig config = VanillaConfig.of(3, 5, 2, Variant.VANILLA).withGateBiases(-0.5, 1.0, 0.25);
        VanillaLstm net = new VanillaLstm(config, RandomStream.root(9));
        double[] b = net.parameters().get("bias").value();
        int h = 5;
        assertThat(Arrays.copyOfRange(b, 0, h)).containsOnly(-0.5);       // b_i
        assertThat(Arrays.copyOfRange(b, h, 2 * h)).containsOnly(1.0);    // b_f
        assertThat(Arrays.copyOfRange(b, 2 * h, 3 * h)).containsOnly(0.0); // b_z
        assertThat(Arrays.copyOfRange(b, 3 * h, 4 * h)).containsOnly(0.25); // b_o
        assertThat(net.parameters().get("output.bias").value()).containsOnly(0.0);
    }

    @Test
    void uniformWeightsLieInTheirRangeAndDependOnlyOnTheSeed() {
        VanillaConfig config = VanillaConfig.of(3, 6, 2, Variant.FGR)
                .withInitialisation(new Initialisation(WeightDistribution.uniform(0.2), RecurrentInit.SAME));
        VanillaLstm a = new VanillaLstm(config, RandomStream.root(10));
        VanillaLstm b = new VanillaLstm(config, RandomStream.root(10));
        VanillaLstm c = new VanillaLstm(config, RandomStream.root(11));
        for (Parameter p : a.parameters().all()) {
            if (p.name().equals("bias") || p.name().equals("output.bias")) {
                continue;
            }
            assertThat(Arrays.stream(p.value()).allMatch(w -> w >= -0.2 && w < 0.2)).as(p.name()).isTrue();
            assertThat(Arrays.stream(p.value()).distinct().count()).as(p.name()).isGreaterThan(p.size() / 2);
            assertThat(b.parameters().get(p.name()).value()).containsExactly(p.value());
            assertThat(c.parameters().get(p.name()).value()).isNotEqualTo(p.value());
        }
    }

    @Test
    void gaussianWeightsHaveTheConfiguredSpread() {
        VanillaConfig config = VanillaConfig.of(50, 50, 2, Variant.NP)
                .withInitialisation(new Initialisation(WeightDistribution.gaussian(0.3), RecurrentInit.SAME));
        double[] w = new VanillaLstm(config, RandomStream.root(12)).parameters().get("weight_ih").value();
        double mean = Arrays.stream(w).average().orElseThrow();
        double var = Arrays.stream(w).map(v -> (v - mean) * (v - mean)).sum() / (w.length - 1);
        // 10,000 draws: the sample mean has sd 0.003, the sample sd is within about 1% of 0.3
        assertThat(mean).isCloseTo(0.0, within(0.015));
        assertThat(Math.sqrt(var)).isCloseTo(0.3, within(0.015));
    }

    @Test
    void orthogonalRecurrentBlocksAreOrthogonal() {
        Initialisation ortho = new Initialisation(WeightDistribution.uniform(0.1), RecurrentInit.ORTHOGONAL);
        int h = 7;
        BpttNetwork[] nets = {
            new VanillaLstm(VanillaConfig.of(3, h, 2, Variant.VANILLA).withInitialisation(ortho), RandomStream.root(13)),
            new Gru(BaselineConfig.of(3, h, 2).withInitialisation(ortho), RandomStream.root(14)),
            new SimpleRnn(BaselineConfig.of(3, h, 2).withInitialisation(ortho), RandomStream.root(15)),
        };
        int[] blocks = {4, 3, 1};
        for (int n = 0; n < nets.length; n++) {
            double[] w = nets[n].parameters().get("weight_hh").value();
            assertThat(w.length).isEqualTo(blocks[n] * h * h);
            for (int block = 0; block < blocks[n]; block++) {
                DMatrixRMaj q = new DMatrixRMaj(h, h);
                System.arraycopy(w, block * h * h, q.data, 0, h * h);
                DMatrixRMaj qtq = new DMatrixRMaj(h, h);
                CommonOps_DDRM.multTransA(q, q, qtq);
                assertThat(MatrixFeatures_DDRM.isIdentity(qtq, 1e-12))
                        .as("%s block %d", nets[n].modelId(), block).isTrue();
            }
        }
    }

    @Test
    void crossEntropyNeedsSoftmaxOutputs() {
        assertThatThrownBy(() -> new OutputUnits(OutputActivation.SIGMOID, Loss.CROSS_ENTROPY))
                .isInstanceOf(IllegalArgumentException.class);
        VanillaConfig config = VanillaConfig.of(3, 4, 2, Variant.VANILLA).withOutputUnits(Fixtures.SOFTMAX);
        assertThat(new VanillaLstm(config, RandomStream.root(1)).outputUnits()).isEqualTo(Fixtures.SOFTMAX);
    }
}
