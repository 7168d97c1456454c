package org.lstmrepro.reports.cli;

import java.io.PrintWriter;

import org.lstmrepro.tasks.TaskFactory;
import org.lstmrepro.tasks.TaskParameter;
import org.lstmrepro.tasks.TaskRegistry;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lstm-repro tasks}: the tasks, what they follow, and their settings with defaults. */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "Lists the tasks, the paper and section each follows, and their settings with defaults.")
final class TasksCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (TaskFactory task : TaskRegistry.all()) {
            out.println(task.id());
            out.println("    " + task.description());
            for (TaskParameter p : task.parameters()) {
                out.printf("    --set %s=%s  %s%n", p.name(), p.defaultValue(), p.description());
            }
            out.println();
        }
        out.println("Settings are given as --set NAME=VALUE (and --length T for a task's length).");
    }
}
