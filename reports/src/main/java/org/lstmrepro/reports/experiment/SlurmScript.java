package org.lstmrepro.reports.experiment;

import java.util.Locale;

import org.lstmrepro.core.math.Kernels;

/**
 * A Slurm batch script that runs an experiment's shards as a job array: task {@code i} of
 * {@code --array=1-N} runs {@code reproduce ... --shard i/N} into its own store
 * {@code OUT/shards/i}; once all are done, {@code merge} combines them into {@code OUT} and
 * {@code report} renders it. Every task runs the same jar, copied into {@code OUT} when the script was
 * written (a later source change or rebuild in the checkout does not reach a running array), and every
 * path is absolute, so the script can be submitted from any directory. Slurm's logs go to
 * {@code OUT/logs}.
 *
 * @param experiment the preset name or the experiment file's absolute path, as {@code reproduce} takes it
 * @param name       the experiment's name (the job's name)
 * @param shards     how many array tasks
 * @param out        the merged store's absolute directory
 * @param jar        the absolute path of the copied jar the tasks run
 * @param time       the time limit of each task, {@code HH:MM:SS} (or {@code D-HH:MM:SS})
 * @param cpus       CPUs per task (also the number of workers)
 * @param seeds      the {@code --seeds} override, or null
 */
public record SlurmScript(String experiment, String name, int shards, String out, String jar, String time, int cpus,
                          Integer seeds) {

    /** Where the array's Slurm logs go, under the run folder. */
    public static final String LOGS = "logs";
    /** The name of the jar copied into the run folder. */
    public static final String JAR = "lstm-repro.jar";

    public SlurmScript {
        if (shards < 1) {
            throw new IllegalArgumentException("--shards must be at least 1, was " + shards);
        }
        if (cpus < 1) {
            throw new IllegalArgumentException("--cpus must be at least 1, was " + cpus);
        }
        if (!time.matches("(\\d+-)?\\d{1,3}:\\d{2}:\\d{2}")) {
            throw new IllegalArgumentException("--time must be HH:MM:SS (or D-HH:MM:SS), was '" + time + "'");
        }
    }

    /** The script's text. */
    public String text() {
        String seedOption = seeds == null ? "" : " --seeds " + seeds;
        String run = "java " + Kernels.JAVA_OPTION + " -jar " + quote(jar);      // the SIMD kernels: same results, faster
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/bash\n");
        s.append("#SBATCH --job-name=lstm-repro-").append(name).append('\n');
        s.append("#SBATCH --array=1-").append(shards).append('\n');
        s.append("#SBATCH --cpus-per-task=").append(cpus).append('\n');
        s.append("#SBATCH --ntasks=1\n");
        s.append("#SBATCH --time=").append(time).append('\n');
        s.append("#SBATCH --output=").append(out).append('/').append(LOGS).append('/').append(name).append("-%A_%a.log\n");
        s.append("#\n");
        s.append("# Runs experiment ").append(name).append(" as ").append(shards).append(" shards (sbatch this-script.sh,\n");
        s.append("# from any directory). Every task runs the jar copied into the run folder when this script was\n");
        s.append("# written, and writes its own store ").append(out).append("/shards/<task id>;\n");
        s.append("# a rerun of a task (sbatch --array=i) skips the trials it already finished.\n");
        s.append("#\n");
        s.append("# When every task is done: check that no trial is missing, merge the shards, render the report:\n");
        s.append("#   ").append(run).append(" reproduce ").append(quote(experiment)).append(seedOption).append(" --out ")
                .append(quote(out)).append(" --list   (after the merge: every trial 'done')\n");
        s.append("#   ").append(run).append(" merge ").append(quote(out)).append(' ').append(quote(out)).append("/shards/*/\n");
        s.append("#   ").append(run).append(" report ").append(quote(out)).append('\n');
        s.append('\n');
        s.append("set -euo pipefail\n");
        s.append(String.format(Locale.ROOT,
                "%s reproduce %s%s --out %s/shards/$SLURM_ARRAY_TASK_ID --workers $SLURM_CPUS_PER_TASK"
                        + " --shard $SLURM_ARRAY_TASK_ID/%d%n", run, quote(experiment), seedOption, quote(out), shards));
        return s.toString();
    }

    /** A path or name for the shell: single-quoted when it holds anything but safe characters. */
    static String quote(String word) {
        return word.matches("[A-Za-z0-9_./:@%+=,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
