package org.lstmrepro.reports.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.lstmrepro.core.io.InterchangeFormatException;

/**
 * Reads the {@code config} object of a parameter or model description file strictly: every key a
 * reader asks for is known; a required key that is missing, a value of the wrong type and (in
 * {@link #requireNoOtherKeys}) a key nobody asked for are errors naming the file and the key, e.g.
 * {@code params.json: config.blocks: expected an integer, found the string "2"}.
 *
 * <p>Values are the plain Java values of {@link org.lstmrepro.core.io.ParameterFile#read}: Integer or
 * Long for integral JSON numbers, Double otherwise, String, Boolean, List, Map, null.
 */
final class ConfigReader {

    private final String source;
    private final Map<String, ?> config;
    private final Set<String> known = new LinkedHashSet<>();

    /** @param source the file the config came from, for messages */
    ConfigReader(Map<String, ?> config, String source) {
        this.source = source;
        this.config = config;
    }

    int requiredInt(String key) {
        return toInt(key, required(key));
    }

    /** A required integer in [min, max]; outside it, an error naming the key and its limits. */
    int requiredInt(String key, int min, int max) {
        int v = requiredInt(key);
        if (v < min || v > max) {
            throw error(key, "must be an integer in [" + min + ", " + max + "], was " + v);
        }
        return v;
    }

    int integer(String key, int defaultValue) {
        Object v = optional(key);
        return v == null ? defaultValue : toInt(key, v);
    }

    double number(String key, double defaultValue) {
        Object v = optional(key);
        return v == null ? defaultValue : toDouble(key, v);
    }

    boolean bool(String key, boolean defaultValue) {
        Object v = optional(key);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof Boolean b)) {
            throw error(key, "expected true or false, found " + describe(v));
        }
        return b;
    }

    /** A list of numbers; {@code defaultValue} when absent. */
    double[] numbers(String key, double[] defaultValue) {
        Object v = optional(key);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof List<?> list)) {
            throw error(key, "expected a list of numbers, found " + describe(v));
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toDouble(key + "[" + i + "]", list.get(i));
        }
        return out;
    }

    /**
     * A name parsed by {@code parser} (e.g. {@code Variant::fromId}); its IllegalArgumentException
     * becomes an error naming the key. {@code defaultName} is parsed when the key is absent; null makes
     * the key required.
     */
    <T> T named(String key, String defaultName, Function<String, T> parser) {
        Object v = defaultName == null ? required(key) : optional(key);
        if (v == null) {
            return parser.apply(defaultName);
        }
        if (!(v instanceof String name)) {
            throw error(key, "expected a string, found " + describe(v));
        }
        try {
            return parser.apply(name);
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
    }

    /** Whether the key is present (and marks it known). */
    boolean has(String key) {
        known.add(key);
        return config.containsKey(key);
    }

    /** Fails if the config holds a key no reader method asked for, listing the known keys. */
    void requireNoOtherKeys() {
        List<String> unknown = new ArrayList<>();
        for (String key : config.keySet()) {
            if (!known.contains(key)) {
                unknown.add("'" + key + "'");
            }
        }
        if (!unknown.isEmpty()) {
            throw new InterchangeFormatException(source, "config", "unknown key" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + " (known: " + String.join(", ", known) + ")");
        }
    }

    /** An error about the config as a whole, e.g. sizes that do not fit together. */
    InterchangeFormatException error(String problem) {
        return new InterchangeFormatException(source, "config", problem);
    }

    private InterchangeFormatException error(String key, String problem) {
        return new InterchangeFormatException(source, "config." + key, problem);
    }

    private Object required(String key) {
        if (!has(key)) {
            throw new InterchangeFormatException(source, "config", "missing key '" + key + "'");
        }
        Object v = config.get(key);
        if (v == null) {
            throw error(key, "must not be null");
        }
        return v;
    }

    /** The value, or null if absent; an explicit null is an error (absent the key instead). */
    private Object optional(String key) {
        if (!has(key)) {
            return null;
        }
        Object v = config.get(key);
        if (v == null) {
            throw error(key, "must not be null (leave the key out for the default)");
        }
        return v;
    }

    private int toInt(String key, Object v) {
        if (v instanceof Integer i) {
            return i;
        }
        throw error(key, "expected an integer" + (v instanceof Long ? " that fits in 32 bits" : "") + ", found " + describe(v));
    }

    private double toDouble(String key, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw error(key, "expected a number, found " + describe(v));
    }

    private static String describe(Object v) {
        if (v instanceof String s) {
            return "the string \"" + s + "\"";
        }
        if (v instanceof Number n) {
            return "the number " + n;
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        return String.valueOf(v);
    }
}
