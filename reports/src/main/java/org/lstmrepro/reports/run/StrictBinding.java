package org.lstmrepro.reports.run;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Binds a parsed configuration object to a typed record with Jackson, strictly: a key the record does
 * not declare, a value of the wrong type (a string where a number belongs, a number where a string or
 * a boolean belongs, a fraction where an integer belongs, an integer beyond 32 bits) and an explicit
 * {@code null} are errors naming the key path, e.g. {@code config.blocks: expected an integer, found
 * the string "2"}. A key left out binds to null (the record's reader fills in its default or says it
 * is required). Duplicate keys are refused by the parser that built the tree.
 *
 * <p>The record's components are its keys, in declaration order: the message for unknown keys lists
 * them, so the known keys are spelled once, by the record.
 */
public final class StrictBinding {

    private static final ObjectMapper MAPPER = strictMapper();

    private final String path;
    private final BiFunction<String, String, RuntimeException> error;

    /**
     * @param path  the key path of the bound object in messages, e.g. {@code config}; empty for a root
     * @param error makes the exception for a (key path, problem) pair, e.g. one that names the file
     */
    public StrictBinding(String path, BiFunction<String, String, RuntimeException> error) {
        this.path = path;
        this.error = error;
    }

    private static ObjectMapper strictMapper() {
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
        m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return m;
    }

    /** A tree of plain Java values (maps, lists, numbers, strings, booleans, null), as a Jackson tree. */
    public static JsonNode tree(Object plain) {
        return MAPPER.valueToTree(plain);
    }

    /**
     * The record {@code type} bound from {@code node}.
     *
     * @throws RuntimeException from {@code error}: the first problem, naming its key path
     */
    public <T extends Record> T bind(JsonNode node, Class<T> type) {
        if (node == null || !node.isObject()) {
            throw error.apply(path, "expected an object, found " + describe(node));
        }
        requireKnownKeys(node, type);
        List<String> required = required(type);
        for (String key : required) {
            if (!node.has(key)) {
                throw error.apply(path, "missing key '" + key + "'");
            }
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (node.get(key).isNull()) {
                throw error.apply(join(path, JsonPointer.empty().appendProperty(key)), "must not be null"
                        + (required.contains(key) ? "" : " (leave the key out for the default)"));
            }
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw translate(node, pointer(e.getPath()), e);
        } catch (JsonProcessingException e) { // e.g. an integer beyond 32 bits, found by the tree's parser
            JsonPointer at = e.getProcessor() instanceof JsonParser p ? p.getParsingContext().pathAsPointer()
                    : JsonPointer.empty();
            throw translate(node, at, e);
        }
    }

    /** Every unknown key at once, with the known ones in the record's order. */
    private void requireKnownKeys(JsonNode node, Class<? extends Record> type) {
        List<String> known = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                unknown.add("'" + name + "'");
            }
        }
        if (!unknown.isEmpty()) {
            throw error.apply(path, "unknown key" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + " (known: " + String.join(", ", known) + ")");
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
        JsonNode found = root.at(at);
        String where = join(path, at);
        if (found.isNull()) {
            return error.apply(where, "must not be null");
        }
        Class<?> target = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
                ? m.getTargetType() : Integer.class;
        if (target != null && target.isArray() && at.last() != null && at.last().getMatchingIndex() >= 0) {
            target = target.getComponentType(); // the element, not the list, has the wrong type
        }
        return error.apply(where, "expected " + expected(target, found) + ", found " + describe(found));
    }

    private static String expected(Class<?> target, JsonNode found) {
        if (target == null) {
            return "another type";
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            return found.isIntegralNumber() ? "an integer that fits in 32 bits" : "an integer";
        }
        if (target == double.class || target == Double.class) {
            return "a number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "true or false";
        }
        if (target == String.class || target.isEnum()) {
            return "a string";
        }
        if (target.isArray() || List.class.isAssignableFrom(target)) {
            return target == double[].class ? "a list of numbers" : "a list";
        }
        return "an object";
    }

    /** A value as messages show it: {@code the string "2"}, {@code the number 2.5}, {@code a list}. */
    public static String describe(JsonNode n) {
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
            return "an object";
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
    private static String join(String base, JsonPointer at) {
        StringBuilder s = new StringBuilder(base);
        for (JsonPointer p = at; p != null && !p.matches(); p = p.tail()) {
            if (p.getMatchingIndex() >= 0) {
                s.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                s.append(s.length() == 0 ? "" : ".").append(p.getMatchingProperty());
            }
        }
        return s.toString();
    }
}
