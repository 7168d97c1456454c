package org.lstmrepro.reports.render;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names a report's figure files: {@code figures/SLUG-KIND.png}, the slug made from the task label with
 * everything but letters, digits, dots and dashes replaced, and made unique when two labels give the same.
 */
final class FigureFiles {

    /** The figures' folder, relative to the report's directory. */
    static final String FOLDER = "figures";

    private final String folder;
    private final Set<String> used = new HashSet<>();

    /** Names under {@value #FOLDER}. */
    FigureFiles() {
        this(FOLDER);
    }

    /** Names under {@code folder} (relative to the report's directory, e.g. {@code figures/20250102-030405}). */
    FigureFiles(String folder) {
        this.folder = folder;
    }

    /** A fresh relative path for one figure of one task, e.g. {@code figures/adding-length-100-curves.png}. */
    String name(String taskLabel, String kind) {
        String slug = taskLabel.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", "");
        String base = folder + "/" + (slug.isEmpty() ? "task" : slug) + "-" + kind;
        String name = base + ".png";
        for (int i = 2; !used.add(name); i++) {
            name = base + "-" + i + ".png";
        }
        return name;
    }
}
