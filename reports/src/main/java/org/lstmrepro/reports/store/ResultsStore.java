package org.lstmrepro.reports.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.lstmrepro.core.io.AtomicFiles;
import org.lstmrepro.core.io.StrictBinding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An experiment's results store: a directory with one JSON file per finished trial,
 * {@code DIR/trials/KEY.json}. Each file is written to a temporary file in the same directory and
 * then atomically renamed into place ({@link AtomicFiles}), so a process killed at any moment leaves
 * every finished trial whole and no half-written one; running again skips the keys already present
 * (resume). Shards of one experiment write disjoint keys, so their stores merge by copying files.
 *
 * <p>A run that writes into a store first holds its {@link StoreLock}, then {@link #prepare}s it:
 * temporary files that killed writers left are removed, and a record that does not parse (truncated by
 * hand, say) is moved aside to {@code DIR/unreadable/} so its trial runs again.
 */
public final class ResultsStore {

    /** Where {@link #prepare} moves records that do not parse. */
    public static final String UNREADABLE = "unreadable";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads a record's tree: a key given twice is an error. */
    private static final ObjectMapper READER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Path dir;
    private final Path trials;

    public ResultsStore(Path dir) {
        this.dir = dir;
        this.trials = dir.resolve("trials");
    }

    public Path directory() {
        return dir;
    }

    /**
     * Makes sure finished trials can be written here, before any trial runs: the directory exists
     * (created if needed) and takes new files, and so does its {@code trials/} folder if it exists.
     *
     * @throws IllegalArgumentException naming the directory and the reason, when they cannot
     */
    public void requireWritable() {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": is a file, not a results store directory");
        }
        if (Files.exists(trials) && !Files.isDirectory(trials)) {
            throw new IllegalArgumentException(trials + ": is a file, not the folder of trial records");
        }
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".writable.", AtomicFiles.TMP_SUFFIX));
            if (Files.isDirectory(trials)) {
                Files.delete(Files.createTempFile(trials, ".writable.", AtomicFiles.TMP_SUFFIX));
            }
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(dir + ": cannot write results here ("
                    + (e instanceof IOException io ? AtomicFiles.describe(io) : e.getMessage()) + ")");
        }
    }

    /** Takes the store's lock, or fails naming the run that holds it (see {@link StoreLock}). */
    public StoreLock lock() {
        return StoreLock.take(dir);
    }

    /**
     * Readies the store for a run that holds its lock: removes stale temporary files and moves records
     * that do not parse to {@code DIR/unreadable/}, so their trials run again.
     *
     * @return the records moved aside, as (from, to) pairs
     */
    public List<Path[]> prepare() {
        AtomicFiles.removeStaleTemporaries(trials);
        List<Path[]> moved = new ArrayList<>();
        for (Path p : files()) {
            try {
                read(p);
            } catch (IllegalArgumentException e) {
                moved.add(new Path[] {p, moveAside(p)});
            }
        }
        return moved;
    }

    private Path moveAside(Path record) {
        try {
            Path folder = Files.createDirectories(dir.resolve(UNREADABLE));
            Path target = folder.resolve(record.getFileName());
            for (int i = 2; Files.exists(target); i++) {
                target = folder.resolve(record.getFileName() + "." + i);
            }
            Files.move(record, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the unreadable record " + record + " aside: "
                    + AtomicFiles.describe(e), e);
        }
    }

    /** Writes a finished trial atomically; an existing record with the same key is replaced. */
    public void write(TrialRecord record) {
        try {
            Files.createDirectories(trials);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trial " + record.key() + " to " + trials + ": "
                    + AtomicFiles.describe(e), e);
        }
        AtomicFiles.write(trials.resolve(record.key() + ".json"), out -> JSON.writeValue(nonClosing(out), record));
    }

    /** The keys of the finished trials. */
    public Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        for (Path p : files()) {
            String name = p.getFileName().toString();
            keys.add(name.substring(0, name.length() - ".json".length()));
        }
        return keys;
    }

    public boolean has(String key) {
        return Files.exists(trials.resolve(key + ".json"));
    }

    /** Every finished trial, in key order. A corrupt file is an error naming it. */
    public List<TrialRecord> readAll() {
        List<TrialRecord> out = new ArrayList<>();
        for (Path p : files()) {
            out.add(read(p));
        }
        return out;
    }

    /** The codes ({@link Provenance#code()}) that wrote the records here, with their record counts. */
    public Map<String, Integer> codes() {
        Map<String, Integer> codes = new TreeMap<>();
        readAll().forEach(r -> codes.merge(String.valueOf(r.commit()), 1, Integer::sum));
        return codes;
    }

    private static TrialRecord read(Path p) {
        try {
            TrialRecord r = StrictBinding.stored("", (path, problem) -> new IllegalArgumentException(p
                    + ": not a trial record: " + (path.isEmpty() ? "" : path + ": ") + problem))
                    .bind(READER.readTree(p.toFile()), TrialRecord.class);
            if (r.key() == null || r.status() == null || r.modelLabel() == null || r.taskLabel() == null
                    || !p.getFileName().toString().equals(r.key() + ".json")) {
                throw new IllegalArgumentException(p + ": not a trial record: its key, status, model or task is null"
                        + " or the key is not the file's name");
            }
            return r;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(p + ": not a trial record: " + e.getOriginalMessage().lines().findFirst()
                    .orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + AtomicFiles.describe(e), e);
        }
    }

    private List<Path> files() {
        try (Stream<Path> s = Files.list(trials)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (java.nio.file.NotDirectoryException e) {
            throw new IllegalArgumentException(trials + ": is a file, not the folder of trial records");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + trials + ": " + AtomicFiles.describe(e), e);
        }
    }

    private static java.io.OutputStream nonClosing(java.io.OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
