package org.lstmrepro.reports.render;

import java.awt.Color;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.knowm.xchart.internal.chartpart.Chart;
import org.lstmrepro.reports.store.TrialRecord;

/**
 * Turns an experiment's trial records into a report's content: the blocks both writers share, and the
 * figures (written as PNG files under the report's directory as they are made). Every number comes
 * from the records given.
 */
final class ReportBuilder {

    /** A report's content and the figure files written for it. */
    record Report(String title, List<Block> blocks, List<Path> figures) {
    }

    private final Path dir;
    private final Path out;
    private final PaperResults papers;
    private final Instant generated;
    private final List<Block> blocks = new ArrayList<>();
    private final List<Path> figures = new ArrayList<>();
    private final FigureFiles names;

    ReportBuilder(Path dir, PaperResults papers, Instant generated) {
        this(dir, dir, FigureFiles.FOLDER, papers, generated);
    }

    /**
     * @param dir          the results store's directory (named in the report)
     * @param out          where the figures are written (the report's directory, or a folder staged to replace it)
     * @param figureFolder the figures' folder relative to {@code out}, as the report's links name it
     */
    ReportBuilder(Path dir, Path out, String figureFolder, PaperResults papers, Instant generated) {
        this.dir = dir;
        this.out = out;
        this.names = new FigureFiles(figureFolder);
        this.papers = papers;
        this.generated = generated.truncatedTo(ChronoUnit.SECONDS);
    }

    Report build(List<TrialRecord> trials) {
        String experiments = distinct(trials, TrialRecord::experiment).keySet().stream().collect(Collectors.joining(", "));
        String title = "lstm-repro report: " + experiments;
        blocks.add(new Block.Heading(1, title));
        blocks.add(new Block.Paragraph("Generated " + generated + " from " + trials.size() + " trials in `"
                + dir.normalize() + "`, by code at commit(s) " + commits(trials) + "."));
        howToRead();
        List<TaskGroup> tasks = TaskGroup.of(trials);
        Map<String, Color> colours = Charts.colours(trials.stream().map(TrialRecord::modelLabel).distinct()
                .sorted(NaturalOrder.INSTANCE).toList());
        for (TaskGroup task : tasks) {
            taskSection(task, colours);
        }
        scaling(trials, colours);
        provenance(trials);
        return new Report(title, List.copyOf(blocks), List.copyOf(figures));
    }

    private void howToRead() {
        blocks.add(new Block.Heading(2, "How to read this"));
        blocks.add(new Block.Paragraph("Each task has a table with one row per model (its learning rule after the slash). "
                + "A trial is solved when it met the task's stopping criterion within its sequence budget; the success rate is "
                + "solved trials over all trials. Sequences to criterion are over the solved trials only: the median, and the "
                + "inter-quartile range (IQR, third minus first quartile; quartiles estimated at position p(n+1), as "
                + "commons-math3's Percentile does). Failures are trials that ran out of budget or diverged. The test error rate "
                + "is wrongly processed test sequences over the test-set size (median over tested trials); the test MSE is "
                + "averaged over the trials that have one (diverged trials have none)."));
        blocks.add(new Block.Paragraph("Where a paper reports the same setting, its number stands beside ours with the ratio "
                + "of our median to the paper's figure (a mean over its runs, so the ratio compares a median with a mean: "
                + "near 1 means we match it, above 1 means we needed more sequences). Variants of the vanilla LSTM are tested "
                + "against vanilla with the same rule, as Greff et al. (2015) do: Welch's t-test and the Mann-Whitney U test, "
                + "both two-sided, on the per-trial test MSE and on sequences to criterion; a small p-value says the two "
                + "differ, not which is better (see the tables for the direction). Learning curves show the median recent "
                + "training error over seeds (solid) and its quartiles (dashed), the stopping threshold (dotted) and a circle "
                + "where each trial stopped; a trial that stopped early keeps its last value, so the median goes flat once "
                + "most trials have stopped."));
    }

    private void taskSection(TaskGroup task, Map<String, Color> colours) {
        blocks.add(new Block.Heading(2, "Task `" + task.text() + "`"));
        if (GreffSection.applies(task)) {
            GreffSection.write(task, colours, blocks::add, (kind, chart, caption) -> figure(task, kind, chart, caption));
            settings(task);
            return;
        }
        blocks.add(ResultsTable.of(task));
        saturation(task);
        List<String> notes = notes(task);
        if (!notes.isEmpty()) {
            blocks.add(new Block.Bullets(notes));
        }
        PaperComparison.of(task, papers).ifPresent(table -> {
            blocks.add(new Block.Heading(3, "Compared with the paper"));
            blocks.add(table);
            blocks.add(new Block.Paragraph("Source: " + papers.all().stream().filter(p -> p.task().equals(task.label().id()))
                    .map(PaperResult::citation).distinct().collect(Collectors.joining("; ")) + "."));
        });
        VariantComparison.of(task).ifPresent(table -> {
            blocks.add(new Block.Heading(3, "Variants against vanilla"));
            blocks.add(new Block.Paragraph("Measures: test MSE per trial (trials with a test MSE), and sequences to criterion "
                    + "(solved trials only). Two-sided p-values; a test needs at least " + VariantTest.MIN_TRIALS
                    + " trials with the measure on each side. The Mann-Whitney p-value is exact when neither sample has "
                    + "ties and each has at most " + VariantTest.EXACT_LIMIT + " values, else the normal approximation "
                    + "(column \"U p-value\"). This task makes many comparisons, so the two Holm columns correct each "
                    + "test's p-values for their number (Holm's step-down procedure over all of the task's p-values of "
                    + "that test, which bounds the chance of any false difference at the level read off); read those "
                    + "before calling a variant different."));
            blocks.add(table);
        });
        ReadingComparison.of(task.byModel()).ifPresent(table -> {
            blocks.add(new Block.Heading(3, "Readings of the 1997 network against the paper's"));
            blocks.add(new Block.Paragraph("Arms of the 1997 LSTM that change options of the paper's network (a reading "
                    + "of the paper, or an ablation: weight groups, gate biases, block shape, initial range) against their "
                    + "plain counterpart (the arm with the same learning rate whose options are the largest strict subset of "
                    + "theirs: the paper as read). Mann-Whitney U, "
                    + "two-sided, on sequences to criterion: over the solved trials (exact without ties), and over all "
                    + "trials with the unsolved ranked after every solved one (normal approximation when the unsolved tie); "
                    + "Holm's correction over this task's comparisons."));
            blocks.add(table);
        });
        PlateauTable.of(task.byModel()).ifPresent(table -> {
            blocks.add(new Block.Heading(3, "Where the trials left their plateau"));
            blocks.add(new Block.Paragraph("A trial's plateau end is the first training sequence after which its stopping "
                    + "window was full and at least half of it processed correctly. On the long-lag tasks the 1997 LSTM "
                    + "predicts the target's mean until one input gate learns to open on the marker; the plateau end "
                    + "dates that, the sequences to criterion add the time to get every answer within tolerance."));
            blocks.add(table);
        });
        blocks.add(new Block.Heading(3, "Figures"));
        int before = blocks.size();
        figure(task, "curves", LearningCurveChart.of(task.text(), task.byModel(), colours),
                "Learning curves on `" + task.text() + "`: median recent training error over seeds (solid), quartiles "
                        + "(dashed); dotted: the stopping threshold on the error; circles: where each trial stopped, after "
                        + "which it counts at its last value (a flat tail is stopped trials, not stalled training).");
        figure(task, "test-mse", TestMseBoxChart.of(task.text(), task.byModel(), colours),
                "Test MSE per model on `" + task.text() + "` (box: quartiles, line: median, whiskers: 1.5 IQR).");
        figure(task, "gate-weights", GateWeightChart.of(task.text(), task.byModel(), colours),
                "Per trial, the input-gate weight that grew largest (on adding: from the marker input) against training "
                        + "sequences on `" + task.text() + "`; the dot marks where the trial left its plateau.");
        figure(task, "learning-rate", LearningRateChart.of(task.text(), task.byModel(), colours),
                "Test MSE against learning rate on `" + task.text() + "`, one point per trial.");
        if (blocks.size() == before) {
            blocks.add(new Block.Paragraph("No figure: these trials have no learning curve and no test MSE."));
        }
        settings(task);
    }

    /** The experiment's one-line notes on this task's rows, e.g. why a model misses the strict criterion. */
    static List<String> notes(TaskGroup task) {
        List<String> out = new ArrayList<>();
        task.byModel().forEach((model, trials) -> trials.stream().map(TrialRecord::note)
                .filter(n -> n != null && !n.isBlank()).distinct()
                .forEach(n -> out.add("Note on `" + model + "`: " + n)));
        return out;
    }

    /** The scaling law over a task's lengths, where the trials cover at least three lengths ({@link ScalingLaw}). */
    private void scaling(List<TrialRecord> trials, Map<String, Color> colours) {
        List<ScalingLaw> fits = ScalingLaw.of(trials);
        if (fits.isEmpty()) {
            return;
        }
        blocks.add(new Block.Heading(2, "Scaling with the lag"));
        blocks.add(new Block.Paragraph("Per model and task, a least-squares line through (ln L, ln y), one point per trial: "
                + "L is the task's length setting (adding: T; Experiment 2c: q), y the trial's sequences to criterion (solved "
                + "trials) or its plateau end (trials that left the plateau). The exponent b says y grows like L^b; the "
                + "interval is the 95 % t interval of the slope. Trials without the measure are left out (column 'left out'), "
                + "which biases b down when the longest lags lose trials."));
        List<List<String>> rows = new ArrayList<>();
        for (ScalingLaw f : fits) {
            rows.add(List.of(f.model(), f.taskLabel(), f.measure(),
                    f.setting() + " = " + f.lengths().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    Integer.toString(f.points()), Integer.toString(f.missing()), String.format(java.util.Locale.ROOT, "%.2f", f.exponent()),
                    Double.isNaN(f.halfWidth()) ? Format.NONE : String.format(java.util.Locale.ROOT, "%.2f – %.2f",
                            f.exponent() - f.halfWidth(), f.exponent() + f.halfWidth())));
        }
        blocks.add(new Block.Table(List.of("model", "task", "measure", "lengths", "trials", "left out", "exponent b",
                "95 % interval"), rows));
        Map<String, List<ScalingLaw>> byTask = fits.stream().collect(Collectors.groupingBy(
                f -> f.taskLabel() + "|" + f.setting(), java.util.TreeMap::new, Collectors.toList()));
        Map<TrialRecord, String> labels = ScalingLaw.taskLabels(trials);
        byTask.forEach((key, taskFits) -> {
            String task = taskFits.get(0).task();
            String taskLabel = taskFits.get(0).taskLabel();
            String setting = taskFits.get(0).setting();
            List<TrialRecord> variant = trials.stream().filter(t -> labels.get(t).equals(taskLabel)).toList();
            List<double[]> paper = papers.all().stream()
                    .filter(r -> r.task().equals(task) && r.taskSettings().containsKey(setting)
                            && r.model().equals("original1997"))
                    .filter(r -> !setting.equals("q") || r.taskSettings().get("q").equals(r.taskSettings().get("p")))
                    .map(r -> new double[] {Double.parseDouble(r.taskSettings().get(setting)), r.sequences()}).toList();
            ScalingChart.of(task, taskLabel, setting, taskFits, variant, colours, paper).ifPresent(c -> {
                String name = names.name(taskLabel + "-" + setting, "scaling");
                Path file = out.resolve(name);
                figures.addAll(ChartFiles.write(c, file));
                blocks.add(new Block.Figure(name, "Training sequences against " + setting + " on `" + taskLabel + "`, log-log: "
                        + "circles sequences to criterion, diamonds plateau ends, one per trial; lines the fitted power laws "
                        + "(solid: criterion, dashed: plateau end); black crosses the paper's means."));
            });
        });
    }

    private void figure(TaskGroup task, String kind, Optional<? extends Chart<?, ?>> chart, String caption) {
        chart.ifPresent(c -> {
            String name = names.name(task.text(), kind);
            Path file = out.resolve(name);
            figures.addAll(ChartFiles.write(c, file));
            blocks.add(new Block.Figure(name, caption));
        });
    }

    /** Says which models had trials that saturated: their test error is a constant output's, not a model's. */
    private void saturation(TaskGroup task) {
        List<String> items = new ArrayList<>();
        task.byModel().forEach((model, trials) -> {
            long n = trials.stream().filter(TrialRecord::saturatedRun).count();
            if (n > 0) {
                items.add("`" + model + "`: " + n + " of " + trials.size() + (trials.size() == 1 ? " trial" : " trials"));
            }
        });
        if (!items.isEmpty()) {
            blocks.add(new Block.Paragraph("Saturated (every output pinned at 0 or 1 for the whole stopping window, so no"
                    + " error signal reached the network: their test error is that of a constant output, typically a"
                    + " learning rate far too large for logistic outputs):"));
            blocks.add(new Block.Bullets(items));
        }
    }

    private void settings(TaskGroup task) {
        blocks.add(new Block.Heading(3, "Settings and code"));
        task.byModel().forEach((model, trials) -> {
            SettingsSummary s = SettingsSummary.of(trials);
            List<String> items = new ArrayList<>();
            items.add(trials.size() + (trials.size() == 1 ? " trial" : " trials") + ", seeds "
                    + trials.stream().map(t -> Long.toString(t.seed())).distinct().sorted(NaturalOrder.INSTANCE)
                    .collect(Collectors.joining(", ")) + "; commit(s) " + commits(trials));
            if (!s.common().isEmpty()) {
                items.add("shared by all: " + code(s.common()));
            }
            s.combinations().forEach(c -> items.add("`" + c.settings() + "`: " + c.trials()
                    + (c.trials() == 1 ? " trial" : " trials")));
            s.varying().forEach(v -> items.add("varies: " + v));
            blocks.add(new Block.Paragraph("`" + model + "`"));
            blocks.add(new Block.Bullets(items));
        });
    }

    private void provenance(List<TrialRecord> trials) {
        blocks.add(new Block.Heading(2, "Provenance"));
        List<String> items = new ArrayList<>();
        items.add("commit(s): " + commits(trials));
        List<TrialRecord> known = trials.stream().filter(t -> t.provenance() != null).toList();
        if (!known.isEmpty()) {
            items.add("JVM(s): " + counts(known, t -> t.provenance().java()));
            items.add("OS and architecture: " + counts(known, t -> t.provenance().os()));
            items.add("libraries: " + counts(known, t -> t.provenance().librariesText()));
        }
        if (known.size() < trials.size()) {
            items.add((trials.size() - known.size()) + " trials written before records carried their JVM and OS");
        }
        items.add("generated: " + generated);
        items.add("trials: " + trials.size());
        items.add("results store: `" + dir.normalize().resolve("trials") + "`");
        items.add("experiment(s): " + distinct(trials, TrialRecord::experiment).keySet().stream()
                .map(e -> "`" + e + "`").collect(Collectors.joining(", ")));
        papers.all().stream().map(PaperResult::citation).distinct().forEach(c -> items.add("published numbers: " + c));
        blocks.add(new Block.Bullets(items));
    }

    /** The distinct commits with their trial counts, e.g. {@code `abc123` (12 trials)}. */
    private static String commits(List<TrialRecord> trials) {
        return counts(trials, TrialRecord::commit);
    }

    /** The distinct values with their trial counts, e.g. {@code `17.0.15 (...)` (12 trials)}. */
    private static String counts(List<TrialRecord> trials, Function<TrialRecord, String> what) {
        return distinct(trials, what).entrySet().stream()
                .map(e -> "`" + e.getKey() + "` (" + e.getValue() + (e.getValue() == 1 ? " trial)" : " trials)"))
                .collect(Collectors.joining(", "));
    }

    private static Map<String, Integer> distinct(List<TrialRecord> trials, Function<TrialRecord, String> what) {
        Map<String, Integer> counts = new TreeMap<>(NaturalOrder.INSTANCE);
        trials.forEach(t -> counts.merge(String.valueOf(what.apply(t)), 1, Integer::sum));
        return counts;
    }

    private static String code(List<String> items) {
        return items.stream().map(i -> "`" + i + "`").collect(Collectors.joining(", "));
    }
}
