package org.lstmrepro.reports.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The key tables of {@code docs/experiments.md} (top level, task entries, model entries) are the keys
 * the parser binds: every component of the bound records ({@link ExperimentParser.FileKeys},
 * {@link ExperimentParser.TaskKeys}, {@link ExperimentParser.ModelKeys}, and the nested
 * {@link ExperimentParser.StoppingKeys} and {@link ExperimentParser.EpochKeys}, written
 * {@code stopping.error} and so on) has a row, every row is a component, in the records' order, and a
 * key's default column says "required" exactly when the component is a required key.
 */
class ExperimentKeyDocsTest {

    private static final Path DOC = Path.of("..").toAbsolutePath().normalize().resolve("docs/experiments.md");

    /** Top-level keys whose value is bound to a record of its own; the table has a row per nested key. */
    private static final Map<String, Class<? extends Record>> NESTED = Map.of(
            "stopping", ExperimentParser.StoppingKeys.class,
            "epochs", ExperimentParser.EpochKeys.class);

    @Test
    void theTopLevelTableIsFileKeys() throws IOException {
        assertThat(NESTED.keySet()).as("nested keys are FileKeys components")
                .allMatch(k -> keys(ExperimentParser.FileKeys.class, Map.of()).containsKey(k));
        assertTableIs("### Top level", keys(ExperimentParser.FileKeys.class, NESTED));
    }

    @Test
    void theTaskEntryTableIsTaskKeys() throws IOException {
        assertTableIs("### Task entries", keys(ExperimentParser.TaskKeys.class, Map.of()));
    }

    @Test
    void theModelEntryTableIsModelKeys() throws IOException {
        assertTableIs("### Model entries", keys(ExperimentParser.ModelKeys.class, Map.of()));
    }

    @Test
    void aTableRowThatIsNotAKeyIsFound() {
        List<String> rows = List.of("| key | type | default | meaning |", "| --- | --- | --- | --- |",
                "| `id` | string | required | |", "| `extra` | string | none | |");
        assertThat(tableKeys(rows, 0)).containsExactly(Map.entry("id", true), Map.entry("extra", false));
        assertThat(tableKeys(rows, 0)).isNotEqualTo(keys(ExperimentParser.TaskKeys.class, Map.of()));
    }

    private static void assertTableIs(String heading, Map<String, Boolean> expected) throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(heading)) {
                at = i;
                break;
            }
        }
        assertThat(at).as("docs/experiments.md has a section '%s'", heading).isNotNegative();
        Map<String, Boolean> documented = tableKeys(lines, at);
        assertThat(new ArrayList<>(documented.keySet())).as("the keys of the table under '%s'", heading)
                .containsExactlyElementsOf(expected.keySet());
        assertThat(documented).as("keys whose default column says 'required' under '%s'", heading)
                .containsExactlyEntriesOf(expected);
    }

    /** The first table after line {@code from}: key (first column, in backticks) → default column says "required". */
    private static Map<String, Boolean> tableKeys(List<String> lines, int from) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        int i = from;
        while (i < lines.size() && !lines.get(i).startsWith("|")) {
            i++;
        }
        i += 2; // header and separator
        for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = Arrays.stream(lines.get(i).split("(?<!\\\\)\\|")).map(String::trim).toArray(String[]::new);
            String key = cells[1].replace("`", "");
            out.put(key, cells[3].equals("required"));
        }
        return out;
    }

    /** A record's keys in declaration order → required; a nested record's keys as {@code outer.inner}. */
    private static Map<String, Boolean> keys(Class<? extends Record> type, Map<String, Class<? extends Record>> nested) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (nested.containsKey(c.getName())) {
                keys(nested.get(c.getName()), Map.of()).forEach((k, required) -> out.put(c.getName() + "." + k, required));
            } else {
                out.put(c.getName(), required(type, c));
            }
        }
        return out;
    }

    private static boolean required(Class<?> type, RecordComponent c) {
        try {
            JsonProperty p = type.getDeclaredField(c.getName()).getAnnotation(JsonProperty.class);
            return p != null && p.required();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
