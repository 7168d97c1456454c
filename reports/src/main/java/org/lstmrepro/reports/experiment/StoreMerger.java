package org.lstmrepro.reports.experiment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.lstmrepro.reports.store.ResultsStore;
import org.lstmrepro.reports.store.TrialRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Combines the results stores of an experiment's shards into one. Records are copied; two records
 * with the same key must agree on everything but where and when they ran ({@code seconds},
 * {@code commit}), else nothing is written and the conflict is a one-line error. Everything is read
 * and checked before the first record is written.
 */
public final class StoreMerger {

    /** Fields that may differ between two runs of the same trial. */
    static final Set<String> RUN_FIELDS = Set.of("seconds", "commit", "provenance");

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreMerger() {
    }

    /** What a merge did. */
    public record Result(int records, int added, int alreadyPresent) {
    }

    public static Result merge(Path out, List<Path> dirs) {
        ResultsStore target = new ResultsStore(out);
        Map<String, Origin> chosen = new LinkedHashMap<>();
        for (TrialRecord r : target.readAll()) {
            chosen.put(r.key(), new Origin(out, r));
        }
        int existing = chosen.size();
        int records = 0;
        for (Path dir : dirs) {
            if (!dir.resolve("trials").toFile().isDirectory()) {
                throw new IllegalArgumentException(dir + ": not a results store (no trials/ directory)");
            }
            for (TrialRecord r : new ResultsStore(dir).readAll()) {
                records++;
                Origin earlier = chosen.putIfAbsent(r.key(), new Origin(dir, r));
                if (earlier != null) {
                    Set<String> differ = differingFields(earlier.record, r);
                    if (!differ.isEmpty()) {
                        throw new IllegalArgumentException("trial " + r.key() + " differs between " + earlier.dir
                                + " and " + dir + " (" + String.join(", ", differ) + "): refusing to merge");
                    }
                }
            }
        }
        int added = 0;
        for (Origin o : chosen.values()) {
            if (!o.dir.equals(out) && !target.has(o.record.key())) {
                target.write(o.record);
                added++;
            }
        }
        return new Result(records, added, existing);
    }

    private record Origin(Path dir, TrialRecord record) {
    }

    /** The top-level fields in which two records differ, ignoring {@link #RUN_FIELDS}. */
    static Set<String> differingFields(TrialRecord a, TrialRecord b) {
        ObjectNode x = JSON.valueToTree(a);
        ObjectNode y = JSON.valueToTree(b);
        Set<String> names = new TreeSet<>();
        x.fieldNames().forEachRemaining(names::add);
        y.fieldNames().forEachRemaining(names::add);
        names.removeAll(RUN_FIELDS);
        names.removeIf(n -> equal(x.get(n), y.get(n)));
        return names;
    }

    private static boolean equal(JsonNode a, JsonNode b) {
        return a == null ? b == null : a.equals(b);
    }
}
