package org.lstmrepro.reports.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.lstmrepro.reports.experiment.Experiment;
import org.lstmrepro.reports.experiment.ExperimentSource;
import org.lstmrepro.reports.experiment.SlurmScript;
import org.lstmrepro.reports.experiment.TrialPlanner;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lstm-repro slurm-script PRESET|FILE --shards N}: prints a Slurm job-array script for an experiment. */
@Command(name = "slurm-script", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Prints a Slurm batch script that runs an experiment as a job array.",
            "",
            "Task i of the array runs 'reproduce ... --shard i/N' into OUT/shards/i, with the completeness check, "
                + "merge and report steps as comments. The experiment is checked first, so a bad file fails here, not "
                + "on the cluster. Writing the script copies the jar it runs from into OUT/lstm-repro.jar, which every "
                + "task runs (a later change in the checkout does not reach them), creates OUT/logs for Slurm's logs, "
                + "and makes every path absolute, so the script can be submitted from anywhere."})
final class SlurmScriptCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRESET|FILE", description = "A preset name or an experiment file.")
    String experiment;

    @Option(names = "--shards", required = true, paramLabel = "N", description = "Array tasks (shards).")
    int shards;

    @Option(names = "--out", paramLabel = "DIR", description = "The merged store (default: runs/<experiment name>).")
    Path out;

    @Option(names = "--time", paramLabel = "HH:MM:SS", defaultValue = "12:00:00",
            description = "Time limit of each task (default: ${DEFAULT-VALUE}).")
    String time;

    @Option(names = "--cpus", paramLabel = "C",
            description = "CPUs per task, also its --workers (default: the CPUs of the smallest node 'sinfo' lists, or "
                    + DEFAULT_CPUS + " without sinfo). More than any node has is refused: such tasks would pend forever.")
    Integer cpus;

    @Option(names = "--seeds", paramLabel = "N", description = "Run seeds 1..N instead of the experiment's seeds.")
    Integer seeds;

    /** CPUs per task when neither --cpus nor sinfo says. */
    static final int DEFAULT_CPUS = 4;
    /** Names the jar to copy when this does not run from one (tests). */
    static final String JAR_PROPERTY = "lstmrepro.jar";

    @Override
    public void run() {
        Experiment e = ExperimentSource.load(experiment);
        if (seeds != null) {
            e = e.withSeedCount(seeds);
        }
        int trials = TrialPlanner.plan(e).size();
        if (shards > trials) {
            throw new IllegalArgumentException("--shards " + shards + " is more than the " + trials + " trials of " + e.name());
        }
        int[] nodeCpus = sinfoCpus();
        int perTask = cpus != null ? cpus : nodeCpus != null ? nodeCpus[0] : DEFAULT_CPUS;
        if (nodeCpus != null && perTask > nodeCpus[1]) {
            throw new IllegalArgumentException("--cpus " + perTask + " is more than any node has (" + nodeCpus[1]
                    + ", from sinfo): the tasks would pend forever");
        }
        Path dir = (out != null ? out : Path.of("runs", e.name())).toAbsolutePath().normalize();
        Path file = Path.of(experiment);
        String exp = Files.isRegularFile(file) ? file.toAbsolutePath().normalize().toString() : experiment;
        Path jar = dir.resolve(SlurmScript.JAR);
        SlurmScript script = new SlurmScript(exp, e.name(), shards, dir.toString(), jar.toString(), time, perTask, seeds);
        copyJar(jar);
        try {
            Files.createDirectories(dir.resolve(SlurmScript.LOGS));
        } catch (IOException problem) {
            throw new UncheckedIOException("cannot create " + dir.resolve(SlurmScript.LOGS) + ": " + problem.getMessage(), problem);
        }
        spec.commandLine().getOut().print(script.text());
        spec.commandLine().getOut().flush();
    }

    /** Copies the jar this runs from (the one just built) into the run folder, so every task runs that build. */
    private static void copyJar(Path target) {
        Path source = ownJar();
        try {
            Files.createDirectories(target.getParent());
            if (!source.toAbsolutePath().normalize().equals(target)) {
                Path tmp = Files.createTempFile(target.getParent(), SlurmScript.JAR, ".tmp");
                Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException problem) {
            throw new UncheckedIOException("cannot copy " + source + " to " + target + ": " + problem.getMessage(), problem);
        }
    }

    private static Path ownJar() {
        String named = System.getProperty(JAR_PROPERTY);
        if (named != null) {
            return Path.of(named);
        }
        try {
            Path p = Path.of(SlurmScriptCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
                return p;
            }
        } catch (URISyntaxException | SecurityException | NullPointerException ignored) {
            // not from a jar: said below
        }
        throw new IllegalArgumentException("slurm-script copies the jar it runs from into the run folder: run it as "
                + "./lstm-repro slurm-script (or java -jar lstm-repro.jar slurm-script)");
    }

    /** The smallest and largest CPU count of the nodes sinfo lists, or null without sinfo. */
    static int[] sinfoCpus() {
        try {
            Process p = new ProcessBuilder("sinfo", "-h", "-o", "%c").redirectErrorStream(true).start();
            // its output is a few lines, far below a pipe's buffer: wait first, so a controller that does not
            // answer costs at most the timeout
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            if (p.exitValue() != 0) {
                return null;
            }
            String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int[] counts = text.lines().map(l -> l.replaceAll("[^0-9]", "")).filter(l -> !l.isEmpty())
                    .mapToInt(Integer::parseInt).toArray();
            return counts.length == 0 ? null : new int[] {java.util.Arrays.stream(counts).min().getAsInt(),
                java.util.Arrays.stream(counts).max().getAsInt()};
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
