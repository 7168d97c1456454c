package org.lstmrepro.core.io;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Binds parsed configuration to typed values with Jackson, strictly, at a key path: a key the record
 * does not declare, a missing required key, a value of the wrong type (a string where a number
 * belongs, a number where a string or a boolean belongs, a fraction where an integer belongs, an
 * integer beyond 32 bits) and an explicit {@code null} are errors naming the key path, e.g.
 * {@code config.blocks: expected an integer, found the string "2"}. A key left out binds to null (the
 * reader fills in its default). Duplicate keys are refused by the parser that built the tree.
 *
 * <p>A record's components are its keys, in declaration order (the message for unknown keys lists
 * them: the known keys are spelled once, by the record); a component annotated
 * {@code @JsonProperty(required = true)} is a required key.
 *
 * <p>Four readings: {@link #strict} (configuration written by code, e.g. a parameter file's
 * {@code config}: a null is an error), {@link #stored} (a record a program wrote, where null is a value:
 * "none"), {@link #yaml} (experiment files, written by hand: a number may be quoted, {@code "1e-3"},
 * since YAML readers differ on such literals, and a key with an empty value, {@code null}, counts as
 * left out) and {@link #interchange} (the interchange files of {@code docs/formats.md}: as strict, but
 * keys the format does not define are ignored, so a later version of the format can add keys).
 *
 * <p>In the interchange reading, where a tensor's name may hold a dot, a key that is not a plain
 * identifier is quoted in key paths: {@code tensors["output.bias"].values[1]}; experiment files keep
 * the path as written, {@code models[0].notes.temporal-order-6a}.
 */
public final class StrictBinding {

    private static final ObjectMapper STRICT = mapper(false);
    private static final ObjectMapper QUOTED_NUMBERS = mapper(true);
    private static final java.util.regex.Pattern PLAIN_KEY = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String path;
    private final BiFunction<String, String, RuntimeException> error;
    private final boolean yaml;
    private final boolean nullIsValue;
    private final boolean ignoreUnknown;

    private StrictBinding(String path, BiFunction<String, String, RuntimeException> error, boolean yaml,
                          boolean nullIsValue, boolean ignoreUnknown) {
        this.path = path;
        this.error = error;
        this.yaml = yaml;
        this.nullIsValue = nullIsValue;
        this.ignoreUnknown = ignoreUnknown;
    }

    /**
     * Strict binding of a document written by code (a parameter file's {@code config}).
     *
     * @param path  the key path of the bound value in messages, e.g. {@code config}; empty for a root
     * @param error makes the exception for a (key path, problem) pair, e.g. one that names the file
     */
    public static StrictBinding strict(String path, BiFunction<String, String, RuntimeException> error) {
        return new StrictBinding(path, error, false, false, false);
    }

    /** Binding of a record a program stored: as {@link #strict}, but a null is a value ("none"). */
    public static StrictBinding stored(String path, BiFunction<String, String, RuntimeException> error) {
        return new StrictBinding(path, error, false, true, false);
    }

    /** Binding of a file written by hand: as {@link #strict}, but numbers may be quoted and null is absent. */
    public static StrictBinding yaml(String path, BiFunction<String, String, RuntimeException> error) {
        return new StrictBinding(path, error, true, false, false);
    }

    /** Binding of an interchange file: as {@link #strict}, but keys no record declares are ignored, at every level. */
    public static StrictBinding interchange(String path, BiFunction<String, String, RuntimeException> error) {
        return new StrictBinding(path, error, false, false, true);
    }

    private static ObjectMapper mapper(boolean quotedNumbers) {
        JsonMapper m = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        // no scalar becomes text, and no number becomes a boolean: "expected a string", not a silent "1"
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            m.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        CoercionAction fromText = quotedNumbers ? CoercionAction.TryConvert : CoercionAction.Fail;
        m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, fromText);
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, fromText);
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return m;
    }

    /** A tree of plain Java values (maps, lists, numbers, strings, booleans, null), as a Jackson tree. */
    public static JsonNode tree(Object plain) {
        return STRICT.valueToTree(plain);
    }

    /** The key path this binding reports, e.g. {@code models[2]}. */
    public String path() {
        return path;
    }

    /** The binding of the value under {@code key} of this one. */
    public StrictBinding at(String key) {
        return new StrictBinding(child(path, key, ignoreUnknown), error, yaml, nullIsValue, ignoreUnknown);
    }

    /** The binding of element {@code index} of this list. */
    public StrictBinding at(int index) {
        return new StrictBinding(path + "[" + index + "]", error, yaml, nullIsValue, ignoreUnknown);
    }

    /** An error about the value at this path: {@code problem} after the path. */
    public RuntimeException error(String problem) {
        return error.apply(path, problem);
    }

    /** Whether a parsed value counts as given: present, and (in a file written by hand) not null. */
    public boolean given(JsonNode node) {
        return node != null && !node.isMissingNode() && !(yaml && node.isNull());
    }

    /**
     * The record {@code type} bound from {@code node}.
     *
     * @throws RuntimeException from the error factory: the first problem, naming its key path
     */
    public <T extends Record> T bind(JsonNode node, Class<T> type) {
        if (node == null || !node.isObject()) {
            throw error("expected " + (yaml ? "a mapping of keys to values" : "an object") + ", found " + describe(node));
        }
        ObjectNode object = ((ObjectNode) node).deepCopy();
        List<String> known = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        List<String> unknown = new ArrayList<>();
        List<String> nulls = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!known.contains(field.getKey())) {
                unknown.add(field.getKey());
            } else if (field.getValue().isNull()) {
                nulls.add(field.getKey());
            }
        }
        if (ignoreUnknown) {
            object.remove(unknown);
        } else if (!unknown.isEmpty()) {
            unknown.replaceAll(k -> "'" + k + "'");
            throw error("unknown key" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + " (known: " + String.join(", ", known) + ")");
        }
        List<String> required = required(type);
        if (yaml) {
            object.remove(nulls);
        } else if (!nulls.isEmpty() && !nullIsValue) {
            throw at(nulls.get(0)).error("must not be null"
                    + (required.contains(nulls.get(0)) ? "" : " (leave the key out for the default)"));
        }
        for (String key : required) {
            if (!object.has(key)) {
                throw error("missing key '" + key + "'");
            }
        }
        return value(object, STRICT.constructType(type));
    }

    /** {@code node} bound to {@code type}, e.g. {@code new TypeReference<List<Long>>() {}}. */
    public <T> T value(JsonNode node, TypeReference<T> type) {
        return value(node, STRICT.getTypeFactory().constructType(type));
    }

    /** {@code node} bound to {@code type}. */
    public <T> T value(JsonNode node, Class<T> type) {
        return value(node, STRICT.constructType(type));
    }

    private <T> T value(JsonNode node, JavaType type) {
        if (!given(node)) {
            throw error("expected " + expected(type.getRawClass(), node) + ", found nothing");
        }
        ObjectMapper mapper = yaml ? QUOTED_NUMBERS : STRICT;
        try {
            var reader = mapper.readerFor(type);
            if (ignoreUnknown) {
                reader = reader.without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            }
            return reader.readValue(mapper.treeAsTokens(node));
        } catch (JsonMappingException e) {
            throw translate(node, pointer(e.getPath()), e);
        } catch (JsonProcessingException e) { // e.g. an integer beyond 32 bits, found by the tree's parser
            JsonPointer at = e.getProcessor() instanceof JsonParser p ? p.getParsingContext().pathAsPointer()
                    : JsonPointer.empty();
            throw translate(node, at, e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a tree in memory does not fail to read
        }
    }

    /** The keys whose component is annotated {@code @JsonProperty(required = true)}. */
    private static List<String> required(Class<? extends Record> type) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            try {
                JsonProperty p = type.getDeclaredField(c.getName()).getAnnotation(JsonProperty.class);
                if (p != null && p.required()) {
                    out.add(c.getName());
                }
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e); // a record has a field per component
            }
        }
        return out;
    }

    private RuntimeException translate(JsonNode root, JsonPointer at, JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) { // inside a nested record; the top level is checked first
            JsonPointer parent = at.head() == null ? JsonPointer.empty() : at.head();
            return error.apply(join(path, parent, ignoreUnknown), "unknown key '" + u.getPropertyName() + "' (known: "
                    + String.join(", ", u.getKnownPropertyIds().stream().map(String::valueOf).toList()) + ")");
        }
        JsonNode found = root.at(at);
        String where = join(path, at, ignoreUnknown);
        if (found.isNull()) {
            return error.apply(where, "must not be null");
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : Integer.class;
        if (target != null && target.isArray() && at.last() != null && at.last().getMatchingIndex() >= 0) {
            target = target.getComponentType(); // the element, not the list, has the wrong type
        }
        return error.apply(where, "expected " + expected(target, found) + ", found " + describe(found));
    }

    private String expected(Class<?> target, JsonNode found) {
        if (target == null) {
            return "another type";
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            return found != null && found.isIntegralNumber() ? "an integer that fits in "
                    + (target == long.class || target == Long.class ? 64 : 32) + " bits" : "an integer";
        }
        if (target == double.class || target == Double.class) {
            return "a number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "true or false";
        }
        if (target.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(target.getEnumConstants()).map(String::valueOf).toList());
        }
        if (target == String.class) {
            return "a string";
        }
        if (target.isArray() || List.class.isAssignableFrom(target)) {
            return target == double[].class ? "a list of numbers" : "a list";
        }
        return yaml ? "a mapping of keys to values" : "an object";
    }

    /** A value as messages show it: {@code the string "2"}, {@code the number 2.5}, {@code a list}. */
    public String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isTextual()) {
            return "the string \"" + n.textValue() + "\"";
        }
        if (n.isNumber()) {
            return "the number " + n.numberValue();
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isObject()) {
            return yaml ? "a mapping" : "an object";
        }
        return n.asText();
    }

    private static JsonPointer pointer(List<JsonMappingException.Reference> refs) {
        JsonPointer p = JsonPointer.empty();
        for (JsonMappingException.Reference r : refs) {
            p = r.getFieldName() != null ? p.appendProperty(r.getFieldName()) : p.appendIndex(Math.max(r.getIndex(), 0));
        }
        return p;
    }

    /** {@code config} + {@code /inputGateBiases/1} is {@code config.inputGateBiases[1]}. */
    private static String join(String base, JsonPointer at, boolean quote) {
        StringBuilder s = new StringBuilder(base);
        for (JsonPointer p = at; p != null && !p.matches(); p = p.tail()) {
            if (p.getMatchingIndex() >= 0) {
                s.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                s.replace(0, s.length(), child(s.toString(), p.getMatchingProperty(), quote));
            }
        }
        return s.toString();
    }

    /** {@code base} + {@code key}: {@code config.blocks}, or, if {@code quote}, {@code tensors["output.bias"]} for a key that is not plain. */
    private static String child(String base, String key, boolean quote) {
        if (quote && !PLAIN_KEY.matcher(key).matches()) {
            return base + "[\"" + key + "\"]";
        }
        return base.isEmpty() ? key : base + "." + key;
    }
}
