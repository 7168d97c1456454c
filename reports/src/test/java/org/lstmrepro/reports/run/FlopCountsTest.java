package org.lstmrepro.reports.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.original.Lstm1997Network;
import org.lstmrepro.original.Presets1997;
import org.lstmrepro.vanilla.VanillaConfig;
import org.lstmrepro.vanilla.VanillaLstm;
import org.lstmrepro.vanilla.Variant;

class FlopCountsTest {

    private static FlopTerm term(List<FlopTerm> terms, String prefix) {
        return terms.stream().filter(t -> t.what().startsWith(prefix)).findFirst().orElseThrow();
    }

    private static long forwardMultiplyAdds(FlopCount f) {
        return f.perStep().stream().filter(t -> t.what().startsWith("forward")).mapToLong(FlopTerm::count).sum();
    }

    @Test
    void theAddingNetworksForwardPassUsesEachOfThePapers93WeightsOnce() {
        Lstm1997Network net = Presets1997.get("adding").newNetwork();
        FlopCount f = FlopCounts.truncated1997(net.layout(), net);
        // Hochreiter & Schmidhuber 1997, section 5.4: 93 weights.
        assertThat(forwardMultiplyAdds(f)).isEqualTo(93).isEqualTo(net.parameters().totalSize());
        assertThat(term(f.perTarget(), "SGD").count()).isEqualTo(93);
    }

    @Test
    void temporalOrder6aCountsThePapers156Weights() {
        Lstm1997Network net = Presets1997.get("temporal-order-6a").newNetwork();
        // Section 5.6, experiment 6a: 156 weights.
        assertThat(forwardMultiplyAdds(FlopCounts.truncated1997(net.layout(), net))).isEqualTo(156);
    }

    @Test
    void theAddingNetworksTracesFollowFromItsLayout() {
        Lstm1997Network net = Presets1997.get("adding").newNetwork();
        FlopCount f = FlopCounts.truncated1997(net.layout(), net);
        // Adding network by hand: I = 2 inputs, B = 2 blocks of S = 2 cells, so C = 4; the hidden layer
        // reads the inputs and a(t-1) = [4 cells, 2 input gates, 2 output gates]: N = 2 + 8 = 10.
        // Traces: cells and input gates (G = 2), one per cell and source plus bias: 2 * 4 * 11 = 88
        // entries, each phi * trace + q * z = 2 multiply-adds = 4 FLOPs.
        FlopTerm traces = term(f.perStep(), "traces");
        assertThat(traces.count()).isEqualTo(2 * 88);
        assertThat(traces.flops()).isEqualTo(4 * 88);
        assertThat(f.flopsPerStep()).isEqualTo(2 * 93 + 4 * 88);
        // Traced rows: 4 cell rows + 2 input-gate rows, 11 values each, added once per target.
        assertThat(term(f.perTarget(), "traced gradients into").flops()).isEqualTo(6 * 11);
    }

    @Test
    void theVanillaForwardPassUsesEachLstmLayerWeightOnce() {
        int inputs = 2;
        int hidden = 8;
        VanillaLstm net = new VanillaLstm(VanillaConfig.of(inputs, hidden, 1, Variant.VANILLA), RandomStream.root(1));
        long layerWeights = net.parameters().totalSize() - net.parameters().get(VanillaLstm.OUTPUT_WEIGHT).size()
                - net.parameters().get(VanillaLstm.OUTPUT_BIAS).size();
        FlopCount f = FlopCounts.vanillaLstmLayer(inputs, hidden, true);
        assertThat(forwardMultiplyAdds(f)).isEqualTo(layerWeights);
        // Greff et al. 2015 layer, H = 8, I = 2: forward 4H(I + H + 1) + 3H = 352 + 24 = 376 multiply-adds;
        // backward the same for the weight gradients, plus R^T delta (4H^2 = 256) and the peephole
        // errors to c (3H = 24): 1032 multiply-adds, 2064 FLOPs.
        assertThat(layerWeights).isEqualTo(376);
        assertThat(f.flopsPerStep()).isEqualTo(2064);
        assertThat(f.perTarget()).isEmpty();
    }

    @Test
    void theOutputLayerAddsThreeTermsOfItsWeights() {
        // JSB Chorales shape: I = K = 88, H = 20; the output layer has K(H + 1) = 1848 weights
        FlopCount layer = FlopCounts.vanillaLstmLayer(88, 20, true);
        FlopCount whole = FlopCounts.vanillaLstm(88, 20, true, 88);
        assertThat(whole.flopsPerStep() - layer.flopsPerStep()).isEqualTo(2 * (1848 + 1848 + 88 * 20));
        assertThat(term(whole.perStep(), "forward: output layer").count()).isEqualTo(1848);
    }

    @Test
    void withoutPeepholesThePeepholeTermsVanish() {
        FlopCount np = FlopCounts.vanillaLstmLayer(2, 8, false);
        FlopCount vanilla = FlopCounts.vanillaLstmLayer(2, 8, true);
        assertThat(vanilla.flopsPerStep() - np.flopsPerStep()).isEqualTo(2 * 3 * 3 * 8);
    }

    @Test
    void totalFlopsAddTheTargetTermsOnlyAtTargetSteps() {
        FlopCount f = new FlopCount(List.of(new FlopTerm("a", "", 10, FlopTerm.MULTIPLY_ADD)),
                List.of(new FlopTerm("b", "", 7, FlopTerm.ADD)), "");
        assertThat(f.flops(100, 3)).isEqualTo(100 * 20 + 3 * 7);
    }

    @Test
    void theFamiliesThatCountTheirWorkGiveTheirNetworksCount() {
        Lstm1997Network original = Presets1997.get("adding").newNetwork();
        assertThat(ModelRegistry.find(Original1997Family.ID).flopCount(original))
                .contains(FlopCounts.truncated1997(original.layout(), original));
        VanillaLstm vanilla = new VanillaLstm(VanillaConfig.of(3, 5, 2, Variant.NP), RandomStream.root(1));
        assertThat(ModelRegistry.find(VanillaFamily.ID).flopCount(vanilla))
                .contains(FlopCounts.vanillaLstm(3, 5, false, 2));
        // nobody has counted the GRU's work: the bench has no workload for it
        ModelFamily gru = ModelRegistry.find("gru");
        assertThat(gru.flopCount(gru.build(null, org.lstmrepro.tasks.TaskRegistry.create("adding", java.util.Map.of()),
                ModelOptions.DEFAULTS, RandomStream.root(1)).network())).isEmpty();
    }
}
