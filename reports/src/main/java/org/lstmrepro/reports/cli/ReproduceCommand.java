package org.lstmrepro.reports.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.lstmrepro.reports.experiment.Experiment;
import org.lstmrepro.reports.experiment.ExperimentRunner;
import org.lstmrepro.reports.experiment.ExperimentSource;
import org.lstmrepro.reports.experiment.PlannedTrial;
import org.lstmrepro.reports.experiment.ReportHook;
import org.lstmrepro.reports.flow.FlowMarkdown;
import org.lstmrepro.reports.flow.FlowPlots;
import org.lstmrepro.reports.flow.FlowReport;
import org.lstmrepro.reports.flow.FlowSettings;
import org.lstmrepro.reports.flow.GradientFlow;
import org.lstmrepro.reports.render.ResultsTable;
import org.lstmrepro.reports.render.ReportRenderer;
import org.lstmrepro.reports.experiment.RunOutcome;
import org.lstmrepro.reports.experiment.RunProgress;
import org.lstmrepro.reports.experiment.Shard;
import org.lstmrepro.reports.experiment.TrialCost;
import org.lstmrepro.reports.run.Trial;
import org.lstmrepro.reports.experiment.TrialPlanner;
import org.lstmrepro.reports.store.Provenance;
import org.lstmrepro.reports.store.ResultsStore;
import org.lstmrepro.reports.store.StoreLock;
import org.lstmrepro.reports.store.TrialRecord;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lstm-repro reproduce [PRESET|FILE]}: runs an experiment's trials in parallel into a results
 * store, resuming where an earlier run stopped, then prints a summary and renders the reports.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs every trial of an experiment, then prints a summary table and writes the report.",
            "",
            "The experiment is a preset or a file (docs/experiments.md). Each finished trial is written to "
                + "DIR/trials/KEY.json at once; running the same command again skips the trials already in DIR "
                + "(resume). Results depend only on each trial's spec and seed, never on --workers or --shard. "
                + "Progress on stderr, a summary on stdout.",
            "",
            "Presets: quick (the default; measured: " + ReproduceCommand.QUICK_DURATION + "), hochreiter1997, "
                + "longlag-ablation, greff-jsb (Greff et al. 2015 on JSB Chorales; --list prints its estimated time), "
                + "greff-jsb-small, gradient-flow."})
final class ReproduceCommand implements Callable<Integer> {

    /**
     * How long the default job took, once, with the machine: the README, docs/experiments.md and this help
     * quote it word for word (a test checks).
     */
    static final String QUICK_DURATION = "4 min 19 s from a fresh build on a 2-core machine running three other "
            + "jobs (load average 5 to 7)";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PRESET|FILE", defaultValue = ExperimentSource.DEFAULT_PRESET,
            description = "A preset (quick, hochreiter1997, longlag-ablation, greff-jsb, greff-jsb-small, gradient-flow)"
                    + " or an experiment file"
                    + " (YAML or JSON); default: ${DEFAULT-VALUE}.")
    String experiment;

    @Option(names = "--seeds", paramLabel = "N", description = "Run seeds 1..N instead of the experiment's seeds.")
    Integer seeds;

    @Option(names = "--out", paramLabel = "DIR", description = "The results store (default: runs/<experiment name>).")
    Path out;

    @Option(names = "--workers", paramLabel = "N",
            description = "Trials run at the same time (default: the available processors).")
    Integer workers;

    @Option(names = "--shard", paramLabel = "i/n", defaultValue = "1/1",
            description = "Run only the i-th of n disjoint shares of the trials (default: all); see 'merge'.")
    String shard;

    @Option(names = "--allow-mixed-code",
            description = "Resume a store that holds trials of other code (another commit, or a build with uncommitted"
                    + " changes): without it such a run is refused, as its table would mix results of different code.")
    boolean allowMixedCode;

    @Option(names = "--list", description = "Print the trials (key, model, task, seed, done or not; on a task with a"
            + " fixed data set the estimated CPU time at the epoch cap, and the total) and exit without running.")
    boolean list;

    /** Runs after every run with the store's directory: renders the report (tests may replace it). */
    ReportHook reportHook = this::renderReport;

    /** The preset that is not a set of trials: the side-by-side gradient-flow diagnostics. */
    static final String GRADIENT_FLOW = "gradient-flow";

    /**
     * {@code reproduce gradient-flow}: the standard comparison of {@code gradient-flow --compare} on
     * the adding problem (T = 100), written to {@code --out} (default {@code runs/gradient-flow}).
     */
    private int gradientFlow() {
        if (seeds != null || !Shard.parse(shard).equals(Shard.ALL) || list) {
            throw new IllegalArgumentException("the gradient-flow preset takes only --out (it is diagnostics, not trials;"
                    + " see 'lstm-repro gradient-flow --help' for its settings)");
        }
        Path dir = out != null ? out : Path.of("runs", GRADIENT_FLOW);
        OutputTargets.requireWritableDirectory("--out", dir);
        PrintWriter err = spec.commandLine().getErr();
        err.println("lstm-repro reproduce: gradient-flow diagnostics (rnn, original1997, vanilla, vanilla:NFG on adding"
                + " T = 100) -> " + dir);
        err.flush();
        FlowReport report = GradientFlow.compare(FlowSettings.defaults("adding", java.util.Map.of("length", "100")));
        List<Path> files = new java.util.ArrayList<>(FlowPlots.write(report, dir));
        files.add(FlowMarkdown.write(report, dir));
        PrintWriter stdout = spec.commandLine().getOut();
        files.forEach(stdout::println);
        stdout.flush();
        return 0;
    }

    private void renderReport(Path dir) {
        if (new ResultsStore(dir).keys().isEmpty()) {
            return;
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Path> written = ReportRenderer.render(dir);
        err.println("lstm-repro reproduce: report written: " + written.get(0) + " and " + written.get(1)
                + " (" + (written.size() - 2) + " figures)");
        err.flush();
    }

    @Override
    public Integer call() {
        if (experiment.equals(GRADIENT_FLOW) && !java.nio.file.Files.isRegularFile(Path.of(experiment))) {
            return gradientFlow();
        }
        Shard share = Shard.parse(shard);
        Experiment e = ExperimentSource.load(experiment);
        if (seeds != null) {
            e = e.withSeedCount(seeds);
        }
        int threads = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, was " + threads);
        }
        List<PlannedTrial> all = TrialPlanner.plan(e);
        List<PlannedTrial> trials = share.select(all);
        Path dir = out != null ? out : Path.of("runs", e.name());
        ResultsStore store = new ResultsStore(dir);
        if (list) {
            list(trials, store);
            return 0;
        }
        store.requireWritable();
        PrintWriter err = spec.commandLine().getErr();
        try (StoreLock lock = store.lock()) {
            for (Path[] moved : store.prepare()) {
                err.println("lstm-repro reproduce: warning: " + moved[0] + " does not parse as a trial record; moved to "
                        + moved[1] + " and its trial runs again");
            }
            Provenance code = Provenance.current();
            checkCode(store, code, err);
            err.println("lstm-repro reproduce: experiment " + e.name() + " (" + e.source() + ")"
                    + (share.equals(Shard.ALL) ? "" : ", shard " + share + ": " + trials.size() + " of " + all.size() + " trials")
                    + " -> " + dir + " (code " + code.code() + ")");
            RunOutcome outcome = new ExperimentRunner(store, threads, code,
                    new RunProgress(err, System.console() != null, System::nanoTime)).run(e.name(), trials);
            printSummary(trials, store);
            reportHook.afterRun(dir);
            if (!outcome.succeeded()) {
                err.println("lstm-repro reproduce: " + outcome.failures().size() + " of " + trials.size()
                        + " trials failed (see above: " + outcome.failures().stream().map(f -> f.trial().key())
                        .collect(Collectors.joining(", ")) + "); rerunning the same command retries only those");
                err.flush();
                return Main.EXIT_FAILURE;
            }
            return 0;
        }
    }

    /**
     * Refuses to add to a store written by other code unless {@code --allow-mixed-code}: its records would
     * sit in one table beside ours, and a resumed run would skip trials whose result this code might change.
     */
    private void checkCode(ResultsStore store, Provenance code, PrintWriter err) {
        Map<String, Integer> others = new java.util.TreeMap<>(store.codes());
        others.remove(code.code());
        if (others.isEmpty()) {
            return;
        }
        String which = others.entrySet().stream().map(x -> x.getKey() + " (" + x.getValue()
                + (x.getValue() == 1 ? " trial)" : " trials)")).collect(Collectors.joining(", "));
        if (!allowMixedCode) {
            throw new IllegalArgumentException(store.directory() + " holds trials of other code: " + which
                    + "; this is " + code.code() + ". Use another --out, or --allow-mixed-code to add to it anyway"
                    + " (the report lists the commits it covers)");
        }
        err.println("lstm-repro reproduce: warning: " + store.directory() + " holds trials of other code: " + which
                + "; adding trials of " + code.code() + " (--allow-mixed-code)");
    }

    private void list(List<PlannedTrial> trials, ResultsStore store) {
        PrintWriter stdout = spec.commandLine().getOut();
        double total = 0;
        int estimated = 0;
        for (PlannedTrial t : trials) {
            java.util.Optional<Double> cost = TrialCost.upperSeconds(new Trial(t.spec(), Double.POSITIVE_INFINITY));
            stdout.printf("%s  %-5s  %s  %s  seed %d%s%n", t.key(), store.has(t.key()) ? "done" : "to do",
                    t.modelLabel(), t.taskLabel(), t.spec().seed(),
                    cost.map(c -> String.format(java.util.Locale.ROOT, "  at most %.0f s", c)).orElse(""));
            if (cost.isPresent()) {
                total += cost.get();
                estimated++;
            }
        }
        if (estimated > 0) {
            stdout.printf(java.util.Locale.ROOT, "estimated CPU time of %d trials at their epoch caps: %.1f hours in total,"
                    + " %.0f s per trial on average (early stopping ends most sooner; %s)%n", estimated, total / 3600,
                    total / estimated, "see TrialCost");
        }
        stdout.flush();
    }

    /** The summary table of this run's trials, in the order they were planned. */
    private void printSummary(List<PlannedTrial> trials, ResultsStore store) {
        Map<String, Integer> order = new HashMap<>();
        trials.forEach(t -> order.put(t.key(), order.size()));
        List<TrialRecord> records = store.readAll().stream().filter(r -> order.containsKey(r.key()))
                .sorted(Comparator.comparing(r -> order.get(r.key()))).toList();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(ResultsTable.plainText(records));
        stdout.flush();
    }
}
