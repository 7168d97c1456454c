package org.lstmrepro.reports.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.lstmrepro.reports.run.ModelOption;
import org.lstmrepro.reports.run.ModelRegistry;

/**
 * The documentation's tables of model options and task settings come from the declarations
 * ({@link ModelOption}, the task registry): the tables in {@code docs/experiments.md} are the generated
 * ones, and the README's {@code train} table names every flag.
 */
class OptionDocsTest {

    /**
     * Paths a user's clone does not have: the material folder beside the checkout, this machine's work
     * folder, and the spec notes kept there. Assembled from parts so that this file does not name them itself.
     */
    private static final java.util.List<String> FORBIDDEN = java.util.List.of(".." + "/" + "shared", "/" + "work" + "/",
            "shared" + "/" + "spec", "greff2015" + ".md", "hochreiter1997" + ".md", "interchange" + ".md");

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theExperimentFilesOptionsTableIsTheGeneratedOne() throws IOException {
        String table = ModelRegistry.optionsTable(ModelRegistry.builtIn());
        String doc = Files.readString(ROOT.resolve("docs/experiments.md"));
        assertThat(doc).as("docs/experiments.md holds this table (regenerate it from ModelRegistry.optionsTable):\n"
                + table).contains(table);
    }

    @Test
    void theExperimentFilesTasksTableIsTheGeneratedOne() throws IOException {
        String table = org.lstmrepro.tasks.TaskRegistry.settingsTable();
        String doc = Files.readString(ROOT.resolve("docs/experiments.md"));
        assertThat(doc).as("docs/experiments.md holds this table (regenerate it from TaskRegistry.settingsTable):\n"
                + table).contains(table);
    }

    @Test
    void theReadmeNamesEveryTrainFlag() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (var family : ModelRegistry.builtIn()) {
            for (ModelOption<?> o : family.options()) {
                assertThat(readme).as(o.flag()).contains("`" + o.flag() + " ");
            }
        }
    }

    /**
     * Docs, javadoc and tests cite papers and the repository's own files only. Generated reports
     * ({@code docs/results/}) are output, not prose: they name the store they were made from.
     */
    @Test
    void noDocumentOrSourceCitesAPathOutsideTheRepository() throws IOException {
        try (var files = Files.walk(ROOT)) {
            var offenders = files.filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .filter(p -> !p.startsWith(ROOT.resolve("docs/results")))
                    .filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".java"))
                    .filter(p -> {
                        try {
                            String s = Files.readString(p);
                            return FORBIDDEN.stream().anyMatch(s::contains);
                        } catch (IOException e) {
                            return true;
                        }
                    })
                    .filter(p -> !p.endsWith("OptionDocsTest.java"))
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }
}
