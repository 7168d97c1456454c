package org.lstmrepro.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lstmrepro.reports.cli.Main;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Tiny runs of {@code lstm-repro bench}: that it completes and reports; no timing is checked. */
class BenchCommandTest {

    private static final String[] TINY = {"--warmup", "0", "--repetitions", "2", "--repetition-seconds", "0.01",
            "--pool", "3", "--length", "22"};

    private record Run(int status, String out, String err) {
    }

    private static Run bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        int status = Main.execute(all, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    private static String[] tiny(String... more) {
        String[] all = new String[TINY.length + more.length];
        System.arraycopy(TINY, 0, all, 0, TINY.length);
        System.arraycopy(more, 0, all, TINY.length, more.length);
        return all;
    }

    @Test
    void theDefaultSuitePrintsATableWithTheFlopDerivation() {
        Run run = bench(tiny());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("ns/step", "bytes/step", "GFLOP/s", "truncated1997 adding T=22",
                "target: at most 130 ns per step on an idle core", "every step: 538 FLOPs", "SGD step w -= lr g");
        assertThat(run.err()).contains("warm-up", "1/2:", "2/2:");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theVanillaSuiteGivesOneJsonCasePerHiddenSize() throws Exception {
        Run run = bench(tiny("--suite", "vanilla", "--hidden", "2,3", "--batch", "2", "--json", "--quiet"));
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        Map<String, Object> json = new ObjectMapper().readValue(run.out(), Map.class);
        assertThat(json).containsEntry("suite", "vanilla").containsKeys("machine", "timing");
        List<Map<String, Object>> cases = (List<Map<String, Object>>) json.get("cases");
        assertThat(cases).extracting(c -> c.get("name")).containsExactly("vanilla H=2 B=2", "vanilla H=3 B=2");
        for (Map<String, Object> c : cases) {
            assertThat(c).containsKeys("nanosPerStep", "stepsPerSecond", "sequencesPerSecond", "gigaflopsPerSecond",
                    "bytesPerStep", "flops", "settings");
            List<Map<String, Object>> reps = (List<Map<String, Object>>) c.get("repetitions");
            assertThat(reps).hasSize(2);
            for (Map<String, Object> r : reps) {
                long sequences = ((Number) r.get("sequences")).longValue();
                assertThat(sequences % 2).isZero();
                assertThat(((Number) r.get("steps")).longValue()).isBetween(22 * sequences, 24 * sequences);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsbSuiteRunsTheChoralesShape() throws Exception {
        Run run = bench(tiny("--suite", "jsb", "--hidden", "3", "--batch", "2", "--json", "--quiet"));
        assertThat(run.status()).as(run.err()).isZero();
        Map<String, Object> json = new ObjectMapper().readValue(run.out(), Map.class);
        assertThat(json).containsEntry("suite", "jsb");
        List<Map<String, Object>> cases = (List<Map<String, Object>>) json.get("cases");
        assertThat(cases).extracting(c -> c.get("name")).containsExactly("jsb-chorales H=3 B=2");
        Map<String, Object> settings = (Map<String, Object>) cases.get(0).get("settings");
        assertThat(settings).containsEntry("task", "jsb-chorales").containsEntry("hidden", 3);
    }

    @Test
    void badOptionsAreOneLineErrors() {
        Run hiddenWithoutVanilla = bench(tiny("--hidden", "8"));
        assertThat(hiddenWithoutVanilla.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(hiddenWithoutVanilla.err()).contains("--hidden and --batch are for --suite vanilla or jsb");
        Run unknownSuite = bench("--suite", "fast");
        assertThat(unknownSuite.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(unknownSuite.err()).contains("unknown suite 'fast'");
        Run noRepetitions = bench("--repetitions", "0");
        assertThat(noRepetitions.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(noRepetitions.err()).contains("--repetitions must be at least 1");
    }

    @Test
    void helpDocumentsEveryOption() {
        Run help = bench("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("--suite", "--length", "--hidden", "--batch", "--warmup", "--repetitions",
                "--repetition-seconds", "--pool", "--seed", "--json", "--quiet");
    }
}
