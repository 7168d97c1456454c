package org.lstmrepro.reports.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where an experiment comes from: an experiment file, or a built-in preset by name (a resource
 * {@code experiments/NAME.yaml}). An existing file wins over a preset of the same name.
 */
public final class ExperimentSource {

    /** The built-in presets, runnable by name. (The lead adds {@code gradient-flow}.) */
    public static final List<String> PRESETS = List.of("quick", "hochreiter1997", "longlag-ablation", "greff-jsb",
            "greff-jsb-small");
    /** What {@code reproduce} runs when no experiment is named. */
    public static final String DEFAULT_PRESET = "quick";

    private ExperimentSource() {
    }

    /** Reads and checks the experiment {@code nameOrFile} names; errors are one line naming the problem. */
    public static Experiment load(String nameOrFile) {
        Path file = Path.of(nameOrFile);
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(nameOrFile + ": is a directory, not an experiment file");
        }
        if (Files.isRegularFile(file)) {
            try {
                return ExperimentParser.parse(nameOrFile, Files.readString(file, StandardCharsets.UTF_8));
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException(nameOrFile + ": not a text file (not UTF-8): an experiment is YAML or JSON");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + nameOrFile + ": " + e.getMessage(), e);
            }
        }
        if (PRESETS.contains(nameOrFile)) {
            return ExperimentParser.parse("preset " + nameOrFile, presetText(nameOrFile));
        }
        if (nameOrFile.contains("/") || nameOrFile.matches(".*\\.(ya?ml|json)$")) {
            throw new IllegalArgumentException(nameOrFile + ": no such file");
        }
        throw new IllegalArgumentException("'" + nameOrFile + "' is neither an experiment file nor a preset (presets: "
                + String.join(", ", PRESETS) + ")");
    }

    /** The text of a built-in preset. */
    public static String presetText(String name) {
        String resource = "/experiments/" + name + ".yaml";
        try (InputStream in = ExperimentSource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("preset " + name + " is missing from the build (" + resource + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read preset " + name + ": " + e.getMessage(), e);
        }
    }
}
