package org.lstmrepro.reports.cli;

import java.nio.file.Path;
import java.util.List;

import org.lstmrepro.reports.experiment.StoreMerger;

import org.lstmrepro.reports.store.ResultsStore;
import org.lstmrepro.reports.store.StoreLock;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lstm-repro merge OUT DIR...}: combines the results stores of an experiment's shards. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {
            "Copies the trial records of the results stores DIR... into the store OUT.",
            "",
            "OUT is created if needed. Records with the same key must agree except for their wall time and "
                + "commit; if two disagree, nothing is written and the conflict is reported. Then run 'lstm-repro "
                + "report OUT' for the report of the merged store."})
final class MergeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "The merged store.")
    Path out;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "DIR", description = "The stores to merge (e.g. of the shards).")
    List<Path> dirs;

    @Override
    public void run() {
        ResultsStore target = new ResultsStore(out);
        target.requireWritable();
        StoreMerger.Result r;
        try (StoreLock lock = target.lock()) {
            r = StoreMerger.merge(out, dirs);
        }
        spec.commandLine().getOut().printf("merged %d records from %d stores into %s: %d added, %d were there already%n",
                r.records(), dirs.size(), out, r.added(), r.alreadyPresent());
        spec.commandLine().getOut().flush();
    }
}
