package org.lstmrepro.reports.cli;

import java.io.PrintWriter;

import org.lstmrepro.core.io.SequenceFile;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.tasks.Task;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lstm-repro sample TASK}: prints sequences of a task as JSON lines in the interchange
 * sequence format, so anyone can inspect exactly what a model is trained on.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {
            "Prints sequences of TASK as JSON lines, one sequence per line.",
            "",
            "The format is the interchange spec's sequence format (lstm-repro/sequence/v1): inputs, and targets "
                + "(null where no error is given)."})
final class SampleCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "A task id, see 'lstm-repro tasks'.")
    String taskId;

    @Mixin
    TaskOptions taskOptions;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the sequences (default: ${DEFAULT-VALUE}). The same seed gives the same sequences.")
    long seed;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1",
            description = "How many sequences (default: ${DEFAULT-VALUE}).")
    int count;

    @Override
    public void run() {
        if (count < 0) {
            throw new IllegalArgumentException("--count must not be negative, was " + count);
        }
        Task task = taskOptions.create(taskId);
        RandomStream rng = RandomStream.root(seed).derive("sample");
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < count; i++) {
            out.println(SequenceFile.toJsonLine(task.generate(rng)));
        }
        out.flush();
    }
}
