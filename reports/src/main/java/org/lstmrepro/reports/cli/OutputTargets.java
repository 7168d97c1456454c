package org.lstmrepro.reports.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.lstmrepro.core.io.AtomicFiles;

/**
 * Checks, before any work starts, that a command's outputs can be written, so that a long run never
 * ends by losing its result to a missing folder, a typo or a read-only disk. Each failure is a
 * {@link UserInputException} naming the option, the path and what is wrong (exit status 2).
 */
final class OutputTargets {

    private OutputTargets() {
    }

    /**
     * An output file (written atomically via a sibling temporary file): its folder must exist and take a
     * new file, and the path must not be a directory.
     */
    static void requireWritableFile(String option, Path file) {
        if (file == null) {
            return;
        }
        if (file.toString().isBlank()) {
            throw new UserInputException(option + ": the file name is empty");
        }
        if (Files.isDirectory(file)) {
            throw new UserInputException(option + " " + file + ": is a directory; give a file name");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UserInputException(option + " " + file + ": the folder " + parent + " does not exist"
                    + (parent != null && Files.exists(parent) ? " (it is a file)" : ""));
        }
        probe(option + " " + file, parent);
    }

    /** An output directory: created if missing; it must take new files. */
    static void requireWritableDirectory(String option, Path dir) {
        if (dir == null) {
            return;
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserInputException(option + " " + dir + ": is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new UserInputException(option + " " + dir + ": cannot create this directory ("
                    + (e instanceof IOException io ? AtomicFiles.describe(io) : e.getMessage()) + ")");
        }
        probe(option + " " + dir, dir);
    }

    private static void probe(String what, Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, ".writable.", AtomicFiles.TMP_SUFFIX));
        } catch (IOException | SecurityException e) {
            throw new UserInputException(what + ": cannot write into " + folder + " ("
                    + (e instanceof IOException io ? AtomicFiles.describe(io) : e.getMessage()) + ")");
        }
    }
}
