package org.lstmrepro.reports.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.lstmrepro.reports.bench.ThreadCounters;
import org.lstmrepro.reports.bench.BenchJson;
import org.lstmrepro.reports.bench.BenchReport;
import org.lstmrepro.reports.bench.BenchRunner;
import org.lstmrepro.reports.bench.BenchSettings;
import org.lstmrepro.reports.bench.BenchTable;
import org.lstmrepro.reports.bench.CaseResult;
import org.lstmrepro.reports.bench.Machine;
import org.lstmrepro.reports.bench.Suite;
import org.lstmrepro.reports.bench.Workload;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lstm-repro bench}: the project's speed figures, measured on this machine; a table (or JSON)
 * on stdout, progress on stderr.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Measures training speed on pre-generated sequences (adding problem, JSB Chorales).",
            "",
            "Data generation is not timed: untimed warm-up, then timed repetitions of equal work on this thread. "
                + "Per case: median and [min, max] over the repetitions of ns per time step, steps and sequences per "
                + "second, the GFLOP/s implied by a FLOP count derived from the network's layout (printed with its "
                + "terms), and heap bytes allocated per time step (the thread's allocation counter). The thread's CPU "
                + "time per step and CPU share (CPU over wall time) show how much other processes on a shared machine "
                + "took.",
            "",
            "Suites:",
            "  truncated1997  the 1997 adding network (93 weights), 1997 truncated",
            "                 gradient, online SGD at the paper's rate, through the",
            "                 same trainer as 'train' (target: at most "
                    + BenchReport.TRUNCATED1997_TARGET_NANOS_PER_STEP + " ns/step on an idle core).",
            "  vanilla        the vanilla LSTM (Greff et al. 2015), full BPTT, one",
            "                 Nesterov update per minibatch of --batch sequences",
            "                 (LearningRule.accumulateBatch); one case per --hidden size.",
            "  jsb            the same on the JSB Chorales shape of Greff et al.: 88",
            "                 inputs, 88 logistic outputs, the published training",
            "                 chorales (--length does not apply)."})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--suite", defaultValue = "truncated1997", paramLabel = "SUITE",
            converter = SuiteConverter.class,
            description = "truncated1997, vanilla or jsb (default: ${DEFAULT-VALUE}).")
    Suite suite;

    @Option(names = "--length", defaultValue = "100", paramLabel = "T",
            description = "Minimal length T of the adding sequences; lengths are uniform in [T, T + T/10] (default: ${DEFAULT-VALUE}; not for jsb).")
    int length;

    @Option(names = "--hidden", split = ",", paramLabel = "H",
            description = "vanilla, jsb: hidden sizes, one case each (default: 8,32,128; jsb: 20,64,200).")
    List<Integer> hidden;

    @Option(names = "--batch", paramLabel = "B",
            description = "vanilla, jsb: sequences per update; B > 1 goes through LearningRule.accumulateBatch (default: 1).")
    Integer batch;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "S",
            description = "Seconds of untimed warm-up per case (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--repetitions", defaultValue = "7", paramLabel = "N",
            description = "Timed repetitions per case (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--repetition-seconds", defaultValue = "1", paramLabel = "S",
            description = "Approximate length of one repetition, calibrated during warm-up (default: ${DEFAULT-VALUE}).")
    double repetitionSeconds;

    @Option(names = "--pool", defaultValue = "256", paramLabel = "N",
            description = "Pre-generated sequences per case, used in a cycle (default: ${DEFAULT-VALUE}).")
    int poolSize;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the initial weights and the sequences (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the results as one line of JSON (with every repetition) instead of the table.")
    boolean json;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Override
    public void run() {
        if (!suite.hasHiddenSizes() && (hidden != null || batch != null)) {
            throw new IllegalArgumentException("--hidden and --batch are for --suite vanilla or jsb");
        }
        BenchSettings settings = new BenchSettings(warmupSeconds, repetitions, repetitionSeconds);
        List<Workload> workloads = suite.workloads(length, hidden != null ? hidden : suite.defaultHidden(),
                batch != null ? batch : 1, poolSize, seed);
        PrintWriter err = spec.commandLine().getErr();
        BenchRunner runner = new BenchRunner(settings, new ThreadCounters(), line -> {
            if (!quiet) {
                err.println(line);
                err.flush();
            }
        });
        List<CaseResult> results = new ArrayList<>();
        for (Workload w : workloads) {
            results.add(runner.measure(w));
        }
        BenchReport report = new BenchReport(suite, Machine.describe(), settings, results);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? BenchJson.render(report) + System.lineSeparator() : BenchTable.render(report));
        out.flush();
    }

    /** Suite ids as the user types them ({@code truncated1997}, {@code vanilla}, {@code jsb}). */
    static final class SuiteConverter implements CommandLine.ITypeConverter<Suite> {
        @Override
        public Suite convert(String value) {
            for (Suite s : Suite.values()) {
                if (s.id().equalsIgnoreCase(value.trim())) {
                    return s;
                }
            }
            throw new CommandLine.TypeConversionException("unknown suite '" + value + "' (known: truncated1997, vanilla, jsb)");
        }
    }
}
