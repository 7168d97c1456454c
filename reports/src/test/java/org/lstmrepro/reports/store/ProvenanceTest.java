package org.lstmrepro.reports.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmrepro.core.train.RunStatus;

class ProvenanceTest {

    /** The version a dependency's own jar declares (its Maven pom.properties), independent of our build's file. */
    private static String declaredVersion(String group, String artifact) throws IOException {
        try (InputStream in = ProvenanceTest.class.getResourceAsStream(
                "/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            assertThat(in).as(artifact + " pom.properties on the class path").isNotNull();
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }

    @Test
    void theBuildWritesTheCommitAndTheLibrariesWeRunWith() throws IOException {
        Provenance p = Provenance.current();
        assertThat(p.commit()).matches("[0-9a-f]{40}|unknown");
        assertThat(p.version()).isNotEqualTo(Provenance.UNKNOWN);
        assertThat(p.built()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(p.libraries().get("jackson")).isEqualTo(declaredVersion("com.fasterxml.jackson.core", "jackson-databind"));
        assertThat(p.libraries().get("commons-math3")).isEqualTo(declaredVersion("org.apache.commons", "commons-math3"));
        assertThat(p.libraries()).containsKeys("ejml", "picocli", "xchart");
        assertThat(p.java()).startsWith(System.getProperty("java.version"));
        assertThat(p.os()).contains(System.getProperty("os.arch"));
    }

    @Test
    void aBuildWithoutGitIsUnknownAndADirtyBuildSaysSo() {
        Properties noGit = new Properties();
        noGit.setProperty("commit", "${lstm.commit}");
        noGit.setProperty("dirty", "true");
        assertThat(Provenance.of(noGit).commit()).isEqualTo(Provenance.UNKNOWN);
        Properties dirty = new Properties();
        dirty.setProperty("commit", "0123456789abcdef0123456789abcdef01234567");
        dirty.setProperty("dirty", "true");
        dirty.setProperty("library.ejml", "0.1");
        Provenance p = Provenance.of(dirty);
        assertThat(p.code()).isEqualTo("0123456789abcdef0123456789abcdef01234567-dirty");
        assertThat(p.libraries()).containsExactly(Map.entry("ejml", "0.1"));
        dirty.setProperty("dirty", "false");
        assertThat(Provenance.of(dirty).code()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
    }

    @Test
    void aRecordKeepsItsProvenanceThroughTheStore(@TempDir Path dir) {
        Provenance p = new Provenance("0123456789abcdef0123456789abcdef01234567", false, "1.2", "2026-01-01T00:00:00Z",
                "17.0.1 (X, Y)", "Linux 6 amd64", Map.of("ejml", "0.46.1", "jackson", "2.23.0"));
        TrialRecord r = new TrialRecord("k", "e", "t", "m", Map.of(), Map.of(), RunStatus.SOLVED, 1, 0, 1, 0.1, 0.1, 1, 0,
                List.of(), null, p.code(), p, null, null, false);
        ResultsStore store = new ResultsStore(dir);
        store.write(r);
        assertThat(store.readAll()).singleElement().satisfies(back -> {
            assertThat(back.provenance()).isEqualTo(p);
            assertThat(back.commit()).isEqualTo(p.code());
        });
        assertThat(store.codes()).containsExactly(Map.entry(p.code(), 1));
    }
}
