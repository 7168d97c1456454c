package org.lstmrepro.reports.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lstm-repro} command line. Every subcommand has {@code --help}; bad input (an unknown
 * task, a negative length, a malformed file) is a one-line error naming the problem and exit status
 * 2, never a stack trace.
 */
@Command(name = "lstm-repro",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Reproduces the LSTM of Hochreiter & Schmidhuber (1997) against the vanilla LSTM of Greff et al. (2015) on the 1997 long-time-lag tasks."},
        subcommands = {
            TasksCommand.class,
            SampleCommand.class,
            TrainCommand.class,
            GradientCommand.class,
            ReportCommand.class,
            BenchCommand.class,
            GradientFlowCommand.class,
            ReproduceCommand.class,
            MergeCommand.class,
            SlurmScriptCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit status for bad input: unknown names, bad values, malformed or missing files. */
    public static final int EXIT_USAGE = 2;
    /** Exit status for a failure that is not the user's input (a bug, an I/O failure). */
    public static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit status (for tests, too). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        ModelOptionFlags.addTo(cli.getSubcommands().get("train").getCommandSpec());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(Main::onBadArguments);
        cli.setExecutionExceptionHandler(Main::onFailure);
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    private static int onBadArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("lstm-repro: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        return EXIT_USAGE;
    }

    private static int onFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof IllegalArgumentException || e instanceof UserInputException) {
            err.println("lstm-repro " + cmd.getCommandName() + ": " + e.getMessage());
            return EXIT_USAGE;
        }
        if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
            err.println("lstm-repro " + cmd.getCommandName() + ": " + e.getMessage());
            return EXIT_FAILURE;
        }
        // Not the user's fault: say what happened in one line, and where, without a wall of frames.
        err.println("lstm-repro " + cmd.getCommandName() + ": internal error: " + e);
        StackTraceElement[] frames = e.getStackTrace();
        if (frames.length > 0) {
            err.println("  at " + frames[0] + " (set LSTM_REPRO_DEBUG=1 for the full trace)");
        }
        if (System.getenv("LSTM_REPRO_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return EXIT_FAILURE;
    }
}
