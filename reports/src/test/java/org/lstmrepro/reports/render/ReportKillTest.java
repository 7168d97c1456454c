package org.lstmrepro.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lstmrepro.reports.store.ResultsStore;

/**
 * {@code kill -9} of a process writing the report, at random moments, always leaves a whole report:
 * {@code report.md} and {@code index.html} each complete (old or new) and every figure they link to present
 * and a complete PNG. The child JVM runs {@code lstm-repro report DIR} over and over ({@link ReportLoop}), so
 * one JVM start covers many render and swap phases; it is killed after a random delay, the report checked,
 * and this repeated.
 */
class ReportKillTest {

    private static final Pattern MD_FIGURE = Pattern.compile("\\]\\((figures/[^)]+\\.png)\\)");
    /** The page embeds its PNGs and links each figure's SVG, which lies beside the PNG of the same name. */
    private static final Pattern HTML_FIGURE = Pattern.compile("<a href=\"(figures/[^\"]+)\\.svg\">");
    private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82};

    @Test
    @Timeout(120)
    void aKilledReportAlwaysLeavesAWholeOldOrNewReport(@TempDir Path dir) throws Exception {
        ResultsStore store = new ResultsStore(dir);
        SyntheticTrials.all().forEach(store::write);
        ReportRenderer.render(dir);
        int figures = checkWhole(dir);
        assertThat(figures).isGreaterThanOrEqualTo(4);

        Random random = new Random(20261201);
        int rounds = 3;
        int newReportsSeen = 0;
        String previous = Files.readString(dir.resolve(ReportRenderer.MARKDOWN));
        for (int round = 0; round < rounds; round++) {
            Path log = dir.resolve("child-" + round + ".log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ReportLoop.class.getName(), dir.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // once the child has rendered one report (warm), kill it somewhere in one of the next two renders
            long started = System.nanoTime();
            while (!Files.readString(log).contains(ReportLoop.DONE) && child.isAlive()
                    && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(60)) {
                Thread.sleep(5);
            }
            assertThat(Files.readString(log)).as("the child rendered a report").contains(ReportLoop.DONE + "0");
            long renderMillis = Math.max(50, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) / 3);
            Thread.sleep(random.nextInt((int) (2 * renderMillis)));
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(checkWhole(dir)).as("figures linked after kill %d", round).isEqualTo(figures);
            String now = Files.readString(dir.resolve(ReportRenderer.MARKDOWN));
            if (!now.equals(previous)) {
                newReportsSeen++;
            }
            previous = now;
        }
        // a later report tidies up what the kills left: one figures folder, no staging folder or temporary file
        ReportRenderer.render(dir);
        assertThat(checkWhole(dir)).isEqualTo(figures);
        try (Stream<Path> gens = Files.list(dir.resolve(FigureFiles.FOLDER))) {
            assertThat(gens).hasSize(1);
        }
        try (Stream<Path> top = Files.list(dir)) {
            assertThat(top.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        // the kills hit at different phases: at least one child swapped a new report in before it died
        assertThat(newReportsSeen).isPositive();
    }

    /** Checks both documents are whole and link only to whole PNGs; returns how many figures each links. */
    private static int checkWhole(Path dir) throws IOException {
        String md = Files.readString(dir.resolve(ReportRenderer.MARKDOWN));
        String html = Files.readString(dir.resolve(ReportRenderer.HTML));
        assertThat(md).startsWith("# lstm-repro report").contains("## Provenance").endsWith("\n");
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        List<String> mdFigures = links(MD_FIGURE, md);
        List<String> htmlFigures = links(HTML_FIGURE, html).stream().map(base -> base + ".png").toList();
        for (String f : htmlFigures) {
            assertThat(Files.readString(dir.resolve(f.replace(".png", ".svg")))).as(f).contains("</svg>");
        }
        assertThat(mdFigures).hasSameSizeAs(htmlFigures);
        for (String f : mdFigures.isEmpty() ? List.<String>of() : concat(mdFigures, htmlFigures)) {
            Path png = dir.resolve(f);
            assertThat(png).as(f).isRegularFile();
            byte[] bytes = Files.readAllBytes(png);
            assertThat(bytes.length).as(f).isGreaterThan(PNG_START.length + PNG_END.length);
            assertThat(Arrays.copyOf(bytes, PNG_START.length)).as(f + " starts as a PNG").isEqualTo(PNG_START);
            assertThat(Arrays.copyOfRange(bytes, bytes.length - PNG_END.length, bytes.length)).as(f + " ends as a PNG")
                    .isEqualTo(PNG_END);
        }
        return mdFigures.size();
    }

    private static List<String> links(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
