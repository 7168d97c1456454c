package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The default job's duration is quoted once, with its machine, and the same everywhere a new user looks. */
class ReproduceDurationTest {

    private static String doc(String relative) throws Exception {
        // tests run in the module's folder; the documents are in the repository's root
        return Files.readString(Path.of("..").resolve(relative)).replaceAll("\\s+", " ");
    }

    @Test
    void readmeDocsAndHelpQuoteTheSameMeasuredDuration() throws Exception {
        String d = ReproduceCommand.QUICK_DURATION;
        assertThat(doc("README.md")).contains(d);
        assertThat(doc("docs/experiments.md")).contains(d);
        assertThat(CliRun.of("reproduce", "--help").out().replaceAll("\\s+", " ")).contains(d);
    }
}
