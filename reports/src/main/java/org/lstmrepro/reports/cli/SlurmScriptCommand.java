package org.lstmrepro.reports.cli;

import java.nio.file.Path;

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
            "Task i of the array runs 'reproduce ... --shard i/N' into OUT/shards/i, with the merge and report "
                + "steps as comments. The experiment is checked first, so a bad file fails here, not on the cluster."})
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

    @Option(names = "--cpus", paramLabel = "C", defaultValue = "4",
            description = "CPUs per task, also its --workers (default: ${DEFAULT-VALUE}).")
    int cpus;

    @Option(names = "--seeds", paramLabel = "N", description = "Run seeds 1..N instead of the experiment's seeds.")
    Integer seeds;

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
        String dir = out != null ? out.toString() : "runs/" + e.name();
        spec.commandLine().getOut().print(new SlurmScript(experiment, e.name(), shards, dir, time, cpus, seeds).text());
        spec.commandLine().getOut().flush();
    }
}
