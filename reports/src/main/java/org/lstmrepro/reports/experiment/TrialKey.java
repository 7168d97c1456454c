package org.lstmrepro.reports.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.lang.reflect.RecordComponent;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.lstmrepro.reports.run.ModelOptions;
import org.lstmrepro.reports.run.TrialSpec;
import org.lstmrepro.tasks.Task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A trial's identity: its spec in canonical form (keys sorted, the task's settings resolved to their
 * values, unset fields left out) and the first {@value #HEX_DIGITS} hex digits of the SHA-256 of that
 * form's JSON. The same trial has the same key in every experiment, run and shard; the experiment's
 * name and anything about scheduling are not part of it.
 */
public final class TrialKey {

    /** 64 bits: a collision among a million trials has probability about 3e-8. */
    public static final int HEX_DIGITS = 16;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private TrialKey() {
    }

    /**
     * The canonical form of {@code spec}, whose task resolved to {@code task}: every component of
     * {@link TrialSpec} by its name, the unset (null) ones left out, the task's settings resolved, and
     * the model options that are set ({@link ModelOptions#canonical}). Derived from the record itself,
     * so a setting added to the spec or a model option added to a family is in the key without anyone
     * writing it here.
     */
    public static Map<String, Object> canonical(TrialSpec spec, Task task) {
        Map<String, Object> m = new TreeMap<>();
        for (RecordComponent c : TrialSpec.class.getRecordComponents()) {
            Object value = switch (c.getName()) {
                case "task" -> task.id();
                case "taskSettings" -> new TreeMap<>(task.settings());
                case "modelOptions" -> spec.modelOptions().isEmpty() ? null : spec.modelOptions().canonical();
                default -> value(c, spec);
            };
            if (value != null) {
                m.put(c.getName(), value);
            }
        }
        return m;
    }

    private static Object value(RecordComponent c, TrialSpec spec) {
        try {
            return c.getAccessor().invoke(spec);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of a trial spec", e);
        }
    }

    /** The key of a canonical spec. */
    public static String of(Map<String, Object> canonical) {
        try {
            byte[] json = JSON.writeValueAsBytes(canonical);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a trial spec as JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
