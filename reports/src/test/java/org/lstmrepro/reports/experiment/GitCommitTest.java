package org.lstmrepro.reports.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCommitTest {

    private static void git(Path dir, String... args) throws Exception {
        String[] command = new String[args.length + 5];
        command[0] = "git";
        command[1] = "-c";
        command[2] = "user.name=test";
        command[3] = "-c";
        command[4] = "user.email=test@example.org";
        System.arraycopy(args, 0, command, 5, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
    }

    @Test
    void aCleanCheckoutIsItsCommitAndAChangedOneIsMarkedDirty(@TempDir Path dir) throws Exception {
        git(dir, "init", "-q");
        Files.writeString(dir.resolve("a.txt"), "1");
        git(dir, "add", "a.txt");
        git(dir, "commit", "-q", "-m", "first");
        String clean = GitCommit.resolve(dir);
        assertThat(clean).matches("[0-9a-f]{40}");
        Files.writeString(dir.resolve("untracked.txt"), "new files do not change what ran");
        assertThat(GitCommit.resolve(dir)).isEqualTo(clean);
        Files.writeString(dir.resolve("a.txt"), "2");
        assertThat(GitCommit.resolve(dir)).isEqualTo(clean + GitCommit.DIRTY);
    }

    @Test
    void outsideACheckoutItIsUnknown(@TempDir Path dir) {
        assertThat(GitCommit.resolve(dir)).isEqualTo(GitCommit.UNKNOWN);
    }
}
