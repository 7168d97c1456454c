package org.lstmrepro.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void taskLabelsSplitIntoIdAndSettings() {
        TaskLabel t = TaskLabel.parse("adding(length=100, firstPair=zero)");
        assertThat(t.id()).isEqualTo("adding");
        assertThat(t.settings()).containsExactly(Map.entry("length", "100"), Map.entry("firstPair", "zero"));
        assertThat(t.matches("adding", Map.of("length", "100"))).isTrue();
        assertThat(t.matches("adding", Map.of("length", "1000"))).isFalse();
        assertThat(t.matches("adding-uniform", Map.of())).isFalse();
        assertThat(TaskLabel.parse("temporal-order-6a").matches("temporal-order-6a", Map.of())).isTrue();
        assertThat(TaskLabel.parse("odd(label").id()).isEqualTo("odd(label");
    }

    @Test
    void modelLabelsSplitIntoFamilyVariantAndRule() {
        ModelLabel v = ModelLabel.parse("vanilla:NIG/bptt");
        assertThat(v.family()).isEqualTo("vanilla");
        assertThat(v.variant()).isEqualTo("NIG");
        assertThat(v.rule()).isEqualTo("bptt");
        assertThat(v.isVanillaVariant()).isTrue();
        assertThat(v.vanillaBaseline()).isEqualTo("vanilla/bptt");
        ModelLabel o = ModelLabel.parse("original1997/truncated1997/lr=0.5");
        assertThat(o.variant()).isNull();
        assertThat(o.rule()).isEqualTo("truncated1997");
        assertThat(ModelLabel.parse("vanilla").isVanillaVariant()).isFalse();
        assertThat(ModelLabel.parse("vanilla:vanilla/bptt").variant()).isNull();
    }

    @Test
    void naturalOrderComparesDigitRunsAsNumbers() {
        List<String> sorted = Stream.of("adding(length=1000)", "adding(length=100)", "adding(length=500)", "vanilla:NIG/bptt",
                "vanilla/bptt").sorted(NaturalOrder.INSTANCE).toList();
        assertThat(sorted).containsExactly("adding(length=100)", "adding(length=500)", "adding(length=1000)",
                "vanilla/bptt", "vanilla:NIG/bptt");
    }

    @Test
    void figureFilesAreSafeAndUnique() {
        FigureFiles files = new FigureFiles();
        assertThat(files.name("adding(length=100)", "curves")).isEqualTo("figures/adding-length-100-curves.png");
        assertThat(files.name("adding[length=100]", "curves")).isEqualTo("figures/adding-length-100-curves-2.png");
        assertThat(files.name("((", "curves")).isEqualTo("figures/task-curves.png");
    }

    @Test
    void thePapersNumbersAreThoseOfTheSpec() {
        PaperResults papers = PaperResults.load();
        // Hochreiter & Schmidhuber 1997: Exp. 4 table, Exp. 5 table (n_seq = 140, 13), Exp. 6 text, Exp. 2c
        // Table 3 (means of 20 trials)
        assertThat(papers.all()).extracting(PaperResult::sequences).containsExactly(74_000.0, 209_000.0, 853_000.0,
                482_000.0, 1_273_000.0, 31_390.0, 571_100.0, 30_000.0, 31_000.0, 33_000.0, 38_000.0, 49_000.0, 49_000.0,
                75_000.0, 135_000.0, 203_000.0);
        assertThat(papers.all()).extracting(PaperResult::wrong).containsExactly(1, 0, 1, 139, 14, 1, 2, -1, -1, -1, -1,
                -1, -1, -1, -1, -1);
        assertThat(papers.all()).extracting(PaperResult::testMse).containsExactly(null, null, null, 0.0223, 0.0139,
                null, null, null, null, null, null, null, null, null, null, null);
        assertThat(papers.all()).allSatisfy(p -> assertThat(p.citation()).contains("Hochreiter", "1997"));
        assertThat(papers.all().subList(0, 7)).allSatisfy(p -> assertThat(p.testSize()).isEqualTo(2560));
        assertThat(papers.find(TaskLabel.parse("multiplication(length=100, nSeq=13)"), ModelLabel.parse("original1997/truncated1997")))
                .get().extracting(PaperResult::sequences).isEqualTo(1_273_000.0);
        assertThat(papers.find(TaskLabel.parse("long-lag-2c(q=1000, p=100)"), ModelLabel.parse("original1997/truncated1997")))
                .get().extracting(PaperResult::sequences).isEqualTo(135_000.0);
        ModelLabel original = ModelLabel.parse("original1997/truncated1997");
        assertThat(papers.find(TaskLabel.parse("adding(length=500)"), original)).get()
                .extracting(PaperResult::sequences).isEqualTo(209_000.0);
        assertThat(papers.find(TaskLabel.parse("adding(length=500)"), ModelLabel.parse("original1997/bptt"))).isEmpty();
        assertThat(papers.find(TaskLabel.parse("adding(length=200)"), original)).isEmpty();
    }
}
