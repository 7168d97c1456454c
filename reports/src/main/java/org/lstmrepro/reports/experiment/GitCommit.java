package org.lstmrepro.reports.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The commit of the code that runs, for trial records: resolved once per run, never an error. A
 * working tree with uncommitted changes to tracked files gets the suffix {@code -dirty}, so a report
 * never attributes numbers to a commit whose code differs from what ran.
 */
public final class GitCommit {

    public static final String UNKNOWN = "unknown";
    public static final String DIRTY = "-dirty";

    private GitCommit() {
    }

    /** {@code git rev-parse HEAD} (plus {@value #DIRTY} if tracked files changed), or {@value #UNKNOWN}. */
    public static String resolve() {
        return resolve(null);
    }

    /** As {@link #resolve()}, for the checkout at {@code dir} (null: the working directory). */
    public static String resolve(java.nio.file.Path dir) {
        String head = git(dir, "rev-parse", "HEAD");
        if (head == null || !head.matches("[0-9a-f]{40}")) {
            return UNKNOWN;
        }
        String status = git(dir, "status", "--porcelain", "--untracked-files=no");
        return status == null || status.isEmpty() ? head : head + DIRTY;
    }

    /** The command's trimmed output, or null if it failed in any way. */
    private static String git(java.nio.file.Path dir, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            Process p = builder.start();
            try (InputStream in = p.getInputStream()) {
                byte[] out = in.readAllBytes();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return null;
                }
                return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).trim() : null;
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
