package org.lstmrepro.reports.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An experiment's results store: a directory with one JSON file per finished trial,
 * {@code DIR/trials/KEY.json}. Each file is written to a temporary file in the same directory and
 * then atomically renamed into place, so a process killed at any moment leaves every finished trial
 * whole and no half-written one; running again skips the keys already present (resume). Shards of
 * one experiment write disjoint keys, so their stores merge by copying files.
 */
public final class ResultsStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;
    private final Path trials;

    public ResultsStore(Path dir) {
        this.dir = dir;
        this.trials = dir.resolve("trials");
    }

    public Path directory() {
        return dir;
    }

    /** Writes a finished trial atomically; an existing record with the same key is replaced. */
    public void write(TrialRecord record) {
        try {
            Files.createDirectories(trials);
            Path target = trials.resolve(record.key() + ".json");
            Path tmp = Files.createTempFile(trials, record.key() + ".", ".tmp");
            try {
                JSON.writeValue(tmp.toFile(), record);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trial " + record.key() + " to " + trials + ": " + e.getMessage(), e);
        }
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
            try {
                out.add(JSON.readValue(p.toFile(), TrialRecord.class));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(p + ": not a trial record: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private List<Path> files() {
        try (Stream<Path> s = Files.list(trials)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + trials + ": " + e.getMessage(), e);
        }
    }
}
