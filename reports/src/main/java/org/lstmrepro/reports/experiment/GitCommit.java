package org.lstmrepro.reports.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The commit of the code that runs, for trial records: resolved once per run, never an error. */
public final class GitCommit {

    public static final String UNKNOWN = "unknown";

    private GitCommit() {
    }

    /** {@code git rev-parse HEAD} in the working directory, or {@value #UNKNOWN} if that fails in any way. */
    public static String resolve() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (InputStream in = p.getInputStream()) {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return UNKNOWN;
                }
                String out = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
                return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : UNKNOWN;
            }
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }
}
