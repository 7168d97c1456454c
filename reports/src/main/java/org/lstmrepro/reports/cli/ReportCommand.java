package org.lstmrepro.reports.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.lstmrepro.reports.render.ReportRenderer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lstm-repro report DIR}: renders an experiment's report from its results store. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {
            "Writes the report (report.md, index.html, figures) of a results store.",
            "",
            "Reads DIR/trials/*.json and writes DIR/report.md, DIR/index.html and DIR/figures/GEN/ (PNG and SVG), "
                + "built in a staging folder and swapped in, so DIR always holds a whole report, old or new: per "
                + "task and model the success rate, sequences to the criterion (median, IQR), failures and test "
                + "errors; the 1997 paper's numbers beside ours; each vanilla variant against vanilla (Welch t-test, "
                + "Mann-Whitney U, Holm-corrected); learning curves, test-MSE box plots and, for random searches, test "
                + "MSE against learning rate. Prints the files written, one a line."})
final class ReportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "An experiment's directory (with its trials/ folder).")
    Path dir;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        ReportRenderer.render(dir).forEach(out::println);
    }
}
