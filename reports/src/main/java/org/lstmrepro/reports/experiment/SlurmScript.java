package org.lstmrepro.reports.experiment;

import java.util.Locale;

/**
 * A Slurm batch script that runs an experiment's shards as a job array: task {@code i} of
 * {@code --array=1-N} runs {@code reproduce ... --shard i/N} into its own store
 * {@code OUT/shards/i}; once all are done, {@code merge} combines them into {@code OUT}.
 *
 * @param experiment the preset name or file, as {@code reproduce} takes it
 * @param name       the experiment's name (the job's name)
 * @param shards     how many array tasks
 * @param out        the merged store's directory
 * @param time       the time limit of each task, {@code HH:MM:SS} (or {@code D-HH:MM:SS})
 * @param cpus       CPUs per task (also the number of workers)
 * @param seeds      the {@code --seeds} override, or null
 */
public record SlurmScript(String experiment, String name, int shards, String out, String time, int cpus,
                          Integer seeds) {

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
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/bash\n");
        s.append("#SBATCH --job-name=lstm-repro-").append(name).append('\n');
        s.append("#SBATCH --array=1-").append(shards).append('\n');
        s.append("#SBATCH --cpus-per-task=").append(cpus).append('\n');
        s.append("#SBATCH --ntasks=1\n");
        s.append("#SBATCH --time=").append(time).append('\n');
        s.append("#SBATCH --output=lstm-repro-").append(name).append("-%A_%a.log\n");
        s.append("#\n");
        s.append("# Runs experiment ").append(name).append(" as ").append(shards).append(" shards; submit from the\n");
        s.append("# lstm-repro checkout (sbatch this-script.sh). Each array task writes its own store\n");
        s.append("# ").append(out).append("/shards/<task id>; a rerun of a task skips the trials it already finished.\n");
        s.append("# Build the jar before submitting (./lstm-repro --version), so the tasks do not all build it.\n");
        s.append("#\n");
        s.append("# When every task is done, merge the shards into ").append(out).append(":\n");
        s.append("#   ./lstm-repro merge ").append(out).append(' ').append(out).append("/shards/*/\n");
        s.append('\n');
        s.append("set -euo pipefail\n");
        s.append("cd \"${SLURM_SUBMIT_DIR:-.}\"\n");
        s.append("mkdir -p ").append(out).append("/shards\n");
        s.append(String.format(Locale.ROOT,
                "./lstm-repro reproduce %s%s --out %s/shards/$SLURM_ARRAY_TASK_ID --workers $SLURM_CPUS_PER_TASK"
                        + " --shard $SLURM_ARRAY_TASK_ID/%d%n", experiment, seedOption, out, shards));
        return s.toString();
    }
}
