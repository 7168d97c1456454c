package org.lstmrepro.reports.bench.jmh;

import java.util.ArrayList;
import java.util.List;

import org.lstmrepro.core.math.Kernels;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks of this package with the allocation profiler ({@code -prof gc}). Takes JMH's
 * own command-line options (e.g. {@code -p hidden=8,32} or a benchmark regex); without a regex it
 * runs {@link TrainingBenchmark}. The forked JVMs get {@link Kernels#JAVA_OPTION} (the SIMD kernels, as the
 * launcher runs them) after any {@code -jvmArgsAppend} given. See docs/benchmarks.md for the classpath.
 */
public final class JmhMain {

    private JmhMain() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        if (cli.shouldHelp()) {
            cli.showHelp();
            return;
        }
        List<String> jvmArgs = new ArrayList<>(cli.getJvmArgsAppend().orElse(List.of()));
        jvmArgs.addAll(List.of(Kernels.JAVA_OPTION.split(" ")));
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli).addProfiler(GCProfiler.class)
                .jvmArgsAppend(jvmArgs.toArray(new String[0]));
        if (cli.getIncludes().isEmpty()) {
            options.include(TrainingBenchmark.class.getName());
        }
        try {
            new Runner(options.build()).run();
        } catch (RunnerException e) {
            System.err.println("jmh: " + e.getMessage());
            System.exit(1);
        }
    }
}
