package org.lstmrepro.reports.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What code and machine produced a result, carried by every trial record (after Tribuo's provenance
 * objects, which travel with every model and evaluation): the commit and whether the working tree had
 * uncommitted changes, both written into the jar when it was built (so they are right wherever the
 * launcher runs from), the version, the JVM, the OS and architecture, and the libraries' versions.
 *
 * <p>Two records came from the same code when their {@link #code()} strings are equal; a results store
 * refuses to mix codes unless told to ({@code reproduce --allow-mixed-code}).
 *
 * @param commit    the git commit the jar was built from, or {@value #UNKNOWN} (built outside a checkout)
 * @param dirty     whether tracked files differed from that commit when the jar was built
 * @param version   the project's version
 * @param built     when the jar was built (UTC, ISO 8601), or {@value #UNKNOWN}
 * @param java      JVM version, vendor and VM name
 * @param os        OS name, version and architecture
 * @param libraries library name to version, as built against
 */
public record Provenance(String commit, boolean dirty, String version, String built, String java, String os,
                         Map<String, String> libraries) {

    public static final String UNKNOWN = "unknown";
    /** The suffix {@link #code()} adds to the commit of a dirty build. */
    public static final String DIRTY = "-dirty";
    /** The resource the build writes (see {@code reports/pom.xml}). */
    static final String RESOURCE = "/org/lstmrepro/reports/build.properties";

    private static final String LIBRARY_PREFIX = "library.";
    private static final Provenance CURRENT = load();

    public Provenance {
        libraries = libraries == null ? Map.of() : Map.copyOf(new TreeMap<>(libraries));
    }

    /** The provenance of the running code. */
    public static Provenance current() {
        return CURRENT;
    }

    /** The code's identity: the commit, with {@value #DIRTY} when the build had uncommitted changes. */
    public String code() {
        return dirty ? commit + DIRTY : commit;
    }

    /** The libraries sorted by name, e.g. {@code ejml 0.44.0, jackson 2.18.2}. */
    public String librariesText() {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(libraries).forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return s.toString();
    }

    private static Provenance load() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build's provenance " + RESOURCE + ": " + e.getMessage(), e);
        }
        return of(p);
    }

    /** The provenance described by the build's properties (missing or unset values read {@value #UNKNOWN}). */
    static Provenance of(Properties p) {
        String commit = p.getProperty("commit", "").trim();
        if (!commit.matches("[0-9a-f]{40}")) {
            commit = UNKNOWN; // no git at build time: the build leaves the property unexpanded or empty
        }
        Map<String, String> libraries = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith(LIBRARY_PREFIX)) {
                libraries.put(name.substring(LIBRARY_PREFIX.length()), p.getProperty(name).trim());
            }
        }
        return new Provenance(commit, Boolean.parseBoolean(p.getProperty("dirty", "false").trim()),
                value(p, "version"), value(p, "built"),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                        + System.getProperty("java.vm.name") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                libraries);
    }

    private static String value(Properties p, String name) {
        String v = p.getProperty(name, "").trim();
        return v.isEmpty() || v.startsWith("${") ? UNKNOWN : v;
    }
}
