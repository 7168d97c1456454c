package org.lstmrepro.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.lstmrepro.reports.render.MarkdownTables.number;
import static org.lstmrepro.reports.render.MarkdownTables.row;
import static org.lstmrepro.reports.render.MarkdownTables.section;
import static org.lstmrepro.reports.render.MarkdownTables.table;
import static org.lstmrepro.reports.render.SyntheticTrials.ADDING;
import static org.lstmrepro.reports.render.SyntheticTrials.CIFG;
import static org.lstmrepro.reports.render.SyntheticTrials.NIG;
import static org.lstmrepro.reports.render.SyntheticTrials.ORDER;
import static org.lstmrepro.reports.render.SyntheticTrials.ORIGINAL;
import static org.lstmrepro.reports.render.SyntheticTrials.VANILLA;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmrepro.core.train.RunStatus;
import org.lstmrepro.reports.store.ResultsStore;
import org.lstmrepro.reports.store.TrialRecord;

/**
 * Renders the report of a synthetic store once and checks its numbers against values worked out
 * independently here: by hand (the comments show the arithmetic), by a percentile written out below
 * from its definition, and by commons-math3's tests called directly.
 */
class ReportRendererTest {

    static final Instant WHEN = Instant.parse("2025-01-02T03:04:05Z");

    @TempDir
    static Path dir;
    static List<Path> written;
    static String md;
    static String html;

    @BeforeAll
    static void render() throws Exception {
        ResultsStore store = new ResultsStore(dir);
        SyntheticTrials.all().forEach(store::write);
        Files.createDirectories(dir.resolve("figures"));
        Files.write(dir.resolve("figures/stale-from-an-earlier-report.png"), new byte[] {1, 2, 3});
        written = ReportRenderer.render(dir, WHEN);
        md = Files.readString(dir.resolve("report.md"));
        html = Files.readString(dir.resolve("index.html"));
    }

    /** Hyndman & Fan's type 6 estimate: position p(n+1) in the sorted sample, linear between neighbours. */
    static double percentile(double[] values, double p) {
        double[] x = values.clone();
        Arrays.sort(x);
        double pos = p / 100 * (x.length + 1);
        if (pos <= 1) {
            return x[0];
        }
        if (pos >= x.length) {
            return x[x.length - 1];
        }
        int below = (int) Math.floor(pos);
        return x[below - 1] + (pos - below) * (x[below] - x[below - 1]);
    }

    static List<String> resultsRow(String task, String model) {
        return row(table(section(md, "## Task `" + task + "`"), "model", "trials"), model);
    }

    @Test
    void writesTheMarkdownTheHtmlAndOneFigureOfEachKindThatHasData() {
        assertThat(written).containsSequence(dir.resolve("report.md"), dir.resolve("index.html"));
        assertThat(written.subList(2, written.size())).extracting(p -> dir.relativize(p).toString()).containsExactly(
                "figures/20250102-030405/adding-length-100-curves.png",
                "figures/20250102-030405/adding-length-100-curves.svg",
                "figures/20250102-030405/adding-length-100-test-mse.png",
                "figures/20250102-030405/adding-length-100-test-mse.svg",
                "figures/20250102-030405/adding-length-100-learning-rate.png",
                "figures/20250102-030405/adding-length-100-learning-rate.svg",
                // every trial at the same test MSE: no box plot; one learning rate only: no learning-rate figure
                "figures/20250102-030405/temporal-order-6a-curves.png",
                "figures/20250102-030405/temporal-order-6a-curves.svg");
        assertThat(dir.resolve("figures/stale-from-an-earlier-report.png")).doesNotExist();
    }

    @Test
    void countsTrialsOutcomesAndSuccessRate() {
        List<String> r = resultsRow(ADDING, ORIGINAL);
        // 5 solved + 1 out of budget + 1 diverged; 5/7 = 71.43 %
        assertThat(r.subList(1, 4)).containsExactly("7", "5", "71.4 %");
        assertThat(r.get(6)).isEqualTo("1");
        assertThat(r.get(7)).isEqualTo("1");
        assertThat(resultsRow(ADDING, NIG).subList(1, 4)).containsExactly("6", "4", "66.7 %");
    }

    @Test
    void sequencesToCriterionAreTheMedianAndIqrOfTheSolvedTrials() {
        double[] solved = Arrays.stream(SyntheticTrials.ORIGINAL_SOLVED).asDoubleStream().toArray();
        // sorted 60k 70k 80k 90k 150k: median 80k; q1 at position 1.5 -> 65k; q3 at 4.5 -> 120k; IQR 55k
        assertThat(percentile(solved, 50)).isEqualTo(80_000);
        assertThat(percentile(solved, 25)).isEqualTo(65_000);
        assertThat(percentile(solved, 75)).isEqualTo(120_000);
        List<String> r = resultsRow(ADDING, ORIGINAL);
        assertThat(number(r.get(4))).isEqualTo(80_000);
        assertThat(r.get(5)).isEqualTo("55,000 (65,000 to 120,000)");

        double[] nig = Arrays.stream(SyntheticTrials.NIG_SEQUENCES).asDoubleStream().toArray();
        List<String> n = resultsRow(ADDING, NIG);
        assertThat(number(n.get(4))).isEqualTo(percentile(nig, 50));
        double q1 = percentile(nig, 25);
        double q3 = percentile(nig, 75);
        assertThat(n.get(5)).isEqualTo(String.format(java.util.Locale.ROOT, "%,.0f (%,.0f to %,.0f)", q3 - q1, q1, q3));
    }

    @Test
    void testErrorsAreTheMedianRateAndTheMeanMse() {
        List<String> r = resultsRow(ADDING, ORIGINAL);
        // test errors of the six tested trials 3 1 2 0 1 40 -> median (1 + 2) / 2 = 1.5 of 2560 = 0.0586 %
        assertThat(number(r.get(8))).isCloseTo(100 * 1.5 / 2560, within(0.0005));
        // test MSE: five trials at 0.002 and one at 0.02 (the diverged one has none): 0.03 / 6 = 0.005
        assertThat(number(r.get(9))).isCloseTo(0.005, within(1e-9));
        double meanVanilla = Arrays.stream(SyntheticTrials.VANILLA_MSE).average().orElseThrow();
        assertThat(number(resultsRow(ADDING, VANILLA).get(9))).isCloseTo(meanVanilla, within(meanVanilla * 1e-3));
    }

    @Test
    void setsThePapersNumbersBesideOursWithTheirRatio() {
        List<String> adding = row(table(section(md, "## Task `" + ADDING + "`"), "model", "paper"), ORIGINAL);
        assertThat(number(adding.get(2))).isEqualTo(74_000);        // Hochreiter & Schmidhuber 1997, T = 100
        assertThat(number(adding.get(3))).isEqualTo(80_000);
        assertThat(number(adding.get(4))).isCloseTo(80_000 / 74_000.0, within(0.005));
        assertThat(adding.get(5)).startsWith("1/2560");
        List<String> order = row(table(section(md, "## Task `" + ORDER + "`"), "model", "paper"), ORIGINAL);
        // sorted 28k 30k 36k: median 30k against 6a's 31,390
        assertThat(number(order.get(2))).isEqualTo(31_390);
        assertThat(number(order.get(4))).isCloseTo(30_000 / 31_390.0, within(0.005));
        // vanilla is not the 1997 setting: no paper row
        assertThat(table(section(md, "## Task `" + ADDING + "`"), "model", "paper")).hasSize(1);
    }

    @Test
    void testsEachVariantAgainstVanillaWithWelchAndAnExactMannWhitneyThenHolm() {
        List<List<String>> tests = table(section(md, "## Task `" + ADDING + "`"), "variant", "against");
        List<String> mse = row(tests, NIG, VANILLA, "test MSE");
        double[] nig = SyntheticTrials.NIG_MSE;
        double[] van = SyntheticTrials.VANILLA_MSE;
        assertThat(mse.subList(3, 5)).containsExactly("6", "6");
        assertPValue(mse.get(5), new TTest().tTest(nig, van));
        // the six NIG values all lie above the six vanilla ones: 2 of the C(12,6) = 924 splits are as extreme
        assertPValue(mse.get(6), 2 / 924.0);
        assertThat(mse.get(6)).isEqualTo(Format.pValue(ExactU.pValue(nig, van)));
        assertThat(mse.get(7)).isEqualTo("exact");

        List<String> seq = row(tests, NIG, VANILLA, "sequences to criterion (solved trials)");
        double[] nigSeq = Arrays.stream(SyntheticTrials.NIG_SEQUENCES).asDoubleStream().toArray();
        double[] vanSeq = Arrays.stream(SyntheticTrials.VANILLA_SEQUENCES).asDoubleStream().toArray();
        assertThat(seq.subList(3, 5)).containsExactly("4", "6");
        assertPValue(seq.get(5), new TTest().tTest(nigSeq, vanSeq));
        // four NIG values above all six vanilla ones: 2 of C(10,4) = 210 splits
        assertPValue(seq.get(6), 2 / 210.0);

        // Holm over the task's two computed U p-values: the smaller doubled, the larger as it is
        assertPValue(mse.get(9), 2 * (2 / 924.0));
        assertPValue(seq.get(9), 2 / 210.0);
        double welchMse = new TTest().tTest(nig, van);
        double welchSeq = new TTest().tTest(nigSeq, vanSeq);
        assertPValue(mse.get(8), Math.max(Math.min(welchMse, welchSeq) * 2, welchMse));

        List<String> cifg = row(tests, CIFG, VANILLA, "test MSE");
        assertThat(cifg.subList(5, 7)).containsExactly("n/a", "n/a");
        assertThat(cifg.subList(8, 10)).containsExactly("n/a", "n/a");
        assertThat(cifg.get(10)).contains("fewer than 2 trials");
        assertThat(section(md, "## Task `" + ADDING + "`")).contains("Holm");
    }

    static void assertPValue(String cell, double expected) {
        assertThat(expected).isBetween(0.0, 1.0);
        assertThat(number(cell)).isCloseTo(expected, within(Math.max(5e-5, expected * 1e-2)));
    }

    @Test
    void saysWhichCommitsAndSettingsProducedIt() {
        String prov = section(md, "## Provenance");
        assertThat(prov).contains("`aaa111` (22 trials)", "`bbb222` (1 trial)", "trials: 23", WHEN.toString(),
                dir.toAbsolutePath().normalize().resolve("trials").toString());
        String settings = section(section(md, "## Task `" + ADDING + "`"), "### Settings and code");
        assertThat(settings).contains("`" + ORIGINAL + "`", "7 trials", "`aaa111` (6 trials), `bbb222` (1 trial)",
                "`learningRate=0.5`", "`optimizer=sgd`", "`weights={init=uniform, range=0.1}`");
        // vanilla ran at six learning rates, one trial each, listed in value order
        assertThat(settings).containsSubsequence("`learningRate=0.0001`: 1 trial", "`learningRate=0.0003`: 1 trial",
                "`learningRate=0.03`: 1 trial");
        assertThat(md).contains("## How to read this");
    }

    @Test
    void figuresAreReadablePngsEmbeddedInTheHtmlWithAnSvgBesideEach() throws Exception {
        for (Path png : written.subList(2, written.size()).stream().filter(p -> p.toString().endsWith(".png")).toList()) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(png.toString()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
            assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
            String relative = dir.relativize(png).toString().replace('\\', '/');
            assertThat(md).contains("](" + relative + ")");
            // the page carries the PNG itself, byte for byte, so it stands alone
            assertThat(html).contains("src=\"data:image/png;base64,"
                    + java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(png)) + "\"");
            Path svg = ChartFiles.svgOf(png);
            String svgText = Files.readString(svg);
            assertThat(svgText).contains("<svg", "width=\"" + Charts.WIDTH, "</svg>");
            String svgRelative = relative.replace(".png", ".svg");
            assertThat(md).contains("](" + svgRelative + ")");
            assertThat(html).contains("href=\"" + svgRelative + "\"");
        }
    }

    @Test
    void theHtmlPageIsSelfContainedAndCarriesTheSameNumbers() {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").doesNotContain("<script", "<link", "http://",
                "https://", "@import");
        assertThat(html).contains("<td class=\"num\">80,000</td>", "<code>" + ORIGINAL + "</code>", "71.4 %");
    }

    @Test
    void aFigureWithoutDataIsLeftOutWithANote(@TempDir Path empty) throws Exception {
        TrialRecord diverged = new TrialRecord("k", "e", ADDING, ORIGINAL, Map.of(), Map.of(), RunStatus.DIVERGED, 10, null, null,
                null, 0.5, 1, 0.1, List.of(), null, "c");
        new ResultsStore(empty).write(diverged);
        List<Path> files = ReportRenderer.render(empty, WHEN);
        assertThat(files).containsExactly(empty.resolve("report.md"), empty.resolve("index.html"));
        String report = Files.readString(empty.resolve("report.md"));
        assertThat(report).contains("No figure").doesNotContain(".png");
        assertThat(row(table(report, "model", "trials"), ORIGINAL).subList(1, 4)).containsExactly("1", "0", "0.0 %");
    }

    @Test
    void aMissingDirectoryOrAnEmptyStoreIsAOneLineError(@TempDir Path parent) throws Exception {
        Path missing = parent.resolve("runs/x");
        assertThatThrownBy(() -> ReportRenderer.render(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(missing + ": no results store here (expected " + missing.resolve("trials").resolve("*.json") + ")");
        Files.createDirectories(parent.resolve("runs/y/trials"));
        assertThatThrownBy(() -> ReportRenderer.render(parent.resolve("runs/y")))
                .hasMessageContaining("no results store here").hasMessageNotContaining("\n");
    }
}
