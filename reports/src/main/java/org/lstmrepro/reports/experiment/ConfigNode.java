package org.lstmrepro.reports.experiment;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lstmrepro.reports.run.OptionType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A value of an experiment file together with its key path ({@code models[2].options.hiddenSize}),
 * so that every problem is reported in one line naming the file, the path and what is wrong:
 * {@code quick.yaml: models[2].model: unknown model 'lstm' (known: ...)}.
 *
 * <p>Typed reads are strict (a string where a number belongs is an error), except that a number may
 * be written as a quoted string ({@code "1e-3"}), since YAML readers differ on such literals.
 */
final class ConfigNode {

    private final String source;
    private final String path;
    private final JsonNode node;

    ConfigNode(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node == null ? MissingNode.getInstance() : node;
    }

    /** The root of a parsed file called {@code source} in messages. */
    static ConfigNode root(String source, JsonNode node) {
        return new ConfigNode(source, "", node);
    }

    String path() {
        return path;
    }

    String source() {
        return source;
    }

    /** An error about this node: {@code SOURCE: PATH: problem}. */
    IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(source + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    /** The parsed value itself, for readers that check it by a declared type. */
    JsonNode json() {
        return node;
    }

    boolean isMissing() {
        return node.isMissingNode() || node.isNull();
    }

    boolean isArray() {
        return node.isArray();
    }

    boolean isObject() {
        return node.isObject();
    }

    /** The child {@code key} (missing if absent). */
    ConfigNode get(String key) {
        return new ConfigNode(source, path.isEmpty() ? key : path + "." + key, node.get(key));
    }

    /** Refuses keys other than {@code known}; requires this node to be a mapping. */
    ConfigNode requireKeys(Set<String> known) {
        requireObject();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw get(name).error("unknown key (known: " + String.join(", ", known) + ")");
            }
        }
        return this;
    }

    /** The entries of a mapping, in file order. */
    Map<String, ConfigNode> fields() {
        requireObject();
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        node.fieldNames().forEachRemaining(name -> out.put(name, get(name)));
        return out;
    }

    /** The elements of a list. */
    List<ConfigNode> elements() {
        if (!node.isArray()) {
            throw error("expected a list, got " + describe());
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(new ConfigNode(source, path + "[" + i + "]", node.get(i)));
        }
        return out;
    }

    /** This node as a list: its elements, or itself alone when it is a single value. */
    List<ConfigNode> oneOrMany() {
        return node.isArray() ? elements() : List.of(this);
    }

    String text() {
        if (!node.isTextual()) {
            throw error("expected a string, got " + describe());
        }
        String s = node.textValue().trim();
        if (s.isEmpty()) {
            throw error("must not be empty");
        }
        return s;
    }

    /** A scalar (string, number or boolean) as text, e.g. a task setting. */
    String scalarText() {
        if (!node.isValueNode() || node.isNull()) {
            throw error("expected a single value, got " + describe());
        }
        return node.isTextual() ? text() : node.asText();
    }

    double number() {
        try {
            return OptionType.readNumber(node);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    double positiveNumber() {
        double v = number();
        if (!(v > 0)) {
            throw error("must be positive, was " + v);
        }
        return v;
    }

    long integer(long min) {
        Long v = OptionType.readLong(node);
        if (v == null) {
            throw error("expected an integer, got " + describe());
        }
        if (v < min) {
            throw error("must be at least " + min + ", was " + v);
        }
        return v;
    }

    int intValue(int min) {
        return intValue(min, Integer.MAX_VALUE);
    }

    int intValue(int min, int max) {
        long v = integer(min);
        if (v > max) {
            throw error("must be at most " + max + ", was " + v);
        }
        return (int) v;
    }

    boolean bool() {
        if (!node.isBoolean()) {
            throw error("expected true or false, got " + describe());
        }
        return node.booleanValue();
    }

    private void requireObject() {
        if (!node.isObject()) {
            throw error("expected a mapping of keys to values, got " + describe());
        }
    }

    private String describe() {
        return OptionType.describe(node);
    }
}
