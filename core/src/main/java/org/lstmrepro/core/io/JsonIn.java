package org.lstmrepro.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A node of a parsed interchange document that knows where it sits (source and key path), so every
 * accessor can fail with an {@link InterchangeFormatException} naming the file, the key and the
 * problem. Keeps Jackson inside this package.
 *
 * <p>Numbers are parsed with {@link Double#parseDouble} (Jackson's default), so the shortest
 * round-trip representation written by {@link Double#toString} comes back bit-exact. Duplicate keys
 * and content after the document are errors. Keys the format does not define are ignored.
 */
final class JsonIn {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_SHOWN = 40;
    /** Jackson's "[Source: REDACTED (...); line: 1, column: 6]" becomes "[line: 1, column: 6]". */
    private static final Pattern SOURCE_IN_MESSAGE = Pattern.compile("\\[Source: [^;\\]]*; ");

    private final String source;
    private final String path;
    private final JsonNode node;

    private JsonIn(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    /** Parses a whole file; {@code source} in messages is the path as given. */
    static JsonIn parse(Path file) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file); JsonParser parser = MAPPER.createParser(in)) {
            return root(source, parser, true);
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e, true);
        } catch (NoSuchFileException e) {
            throw new InterchangeFormatException(source, "", "no such file");
        } catch (IOException e) {
            throw new InterchangeFormatException(source, "", "cannot read the file: " + oneLine(String.valueOf(e.getMessage())));
        }
    }

    /** Parses one document held in a string, e.g. one JSON line; syntax errors give the column only. */
    static JsonIn parse(String text, String source) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            return root(source, parser, false);
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does not fail
        }
    }

    /** Reads exactly one document: nothing before it (empty input) or after it is allowed. */
    private static JsonIn root(String source, JsonParser parser, boolean file) throws IOException {
        JsonNode node = MAPPER.readTree(parser);
        if (node == null || node.isMissingNode()) {
            throw new InterchangeFormatException(source, "", file ? "the file is empty" : "the text is empty");
        }
        if (parser.nextToken() != null) {
            throw new InterchangeFormatException(source, location(parser.currentTokenLocation(), file),
                    "not valid JSON: more content after the end of the document");
        }
        return new JsonIn(source, "", node);
    }

    private static InterchangeFormatException syntaxError(String source, JsonProcessingException e, boolean withLine) {
        return new InterchangeFormatException(source, location(e.getLocation(), withLine),
                "not valid JSON: " + SOURCE_IN_MESSAGE.matcher(oneLine(e.getOriginalMessage())).replaceAll("["));
    }

    private static String location(JsonLocation at, boolean withLine) {
        return at == null ? "" : (withLine ? "line " + at.getLineNr() + ", " : "") + "column " + at.getColumnNr();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    // ---- structure ----

    /** Fails unless this is an object whose "format" is {@code expected}. */
    JsonIn requireFormat(String expected) {
        String actual = field("format").text();
        if (!actual.equals(expected)) {
            throw field("format").error("expected \"" + expected + "\", found \"" + actual + "\"");
        }
        return this;
    }

    /** The value of a required key of this object. */
    JsonIn field(String key) {
        requireObject();
        JsonNode child = node.get(key);
        if (child == null) {
            throw error("missing key '" + key + "'");
        }
        return new JsonIn(source, childPath(key), child);
    }

    /** The entries of this object, in document order. */
    Map<String, JsonIn> fields() {
        requireObject();
        Map<String, JsonIn> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.put(e.getKey(), new JsonIn(source, childPath(e.getKey()), e.getValue()));
        }
        return out;
    }

    /** The elements of this array. */
    List<JsonIn> elements() {
        if (!node.isArray()) {
            throw error("expected an array, found " + describe(node));
        }
        List<JsonIn> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new JsonIn(source, path + "[" + i + "]", node.get(i)));
        }
        return out;
    }

    boolean isNull() {
        return node.isNull();
    }

    private void requireObject() {
        if (!node.isObject()) {
            throw error("expected an object, found " + describe(node));
        }
    }

    private String childPath(String key) {
        String step = PLAIN_KEY.matcher(key).matches() ? key : "[\"" + key + "\"]";
        return path.isEmpty() || step.startsWith("[") ? path + step : path + "." + step;
    }

    // ---- values ----

    String text() {
        if (!node.isTextual()) {
            throw error("expected a string, found " + describe(node));
        }
        return node.textValue();
    }

    /** A finite number. */
    double number() {
        if (!node.isNumber()) {
            throw error("expected a number, found " + describe(node));
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            throw error("the number " + shorten(node.asText()) + " is outside the range of a double");
        }
        return v;
    }

    /** An integer in [0, Integer.MAX_VALUE]. */
    int nonNegativeInt() {
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw error("expected a non-negative integer, found " + describe(node));
        }
        return node.intValue();
    }

    /** An array of finite numbers. */
    double[] numbers() {
        List<JsonIn> items = elements();
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = items.get(i).number();
        }
        return out;
    }

    /**
     * An array of arrays of finite numbers, all of one length; entries may be {@code null} (kept as
     * {@code null}) only if {@code nullsAllowed}.
     */
    double[][] rows(boolean nullsAllowed) {
        List<JsonIn> items = elements();
        double[][] out = new double[items.size()][];
        int firstRow = -1;
        for (int i = 0; i < out.length; i++) {
            JsonIn item = items.get(i);
            if (nullsAllowed && item.isNull()) {
                continue;
            }
            out[i] = item.numbers();
            if (firstRow < 0) {
                firstRow = i;
            } else if (out[i].length != out[firstRow].length) {
                throw item.error("has " + out[i].length + " numbers, " + path + "[" + firstRow + "] has "
                        + out[firstRow].length);
            }
        }
        return out;
    }

    /** A tensor object {@code {"shape": [...], "values": [...]}} with matching sizes. */
    Tensor tensor() {
        JsonIn shapeNode = field("shape");
        List<JsonIn> dims = shapeNode.elements();
        if (dims.size() < 1 || dims.size() > 2) {
            throw shapeNode.error("expected [n] or [rows, cols], found " + dims.size() + " dimensions");
        }
        int[] shape = new int[dims.size()];
        long size = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i).nonNegativeInt();
            size *= shape[i];
        }
        JsonIn valuesNode = field("values");
        double[] values = valuesNode.numbers();
        if (values.length != size) {
            throw valuesNode.error("has " + values.length + " numbers, shape " + Arrays.toString(shape)
                    + " needs " + size);
        }
        return new Tensor(shape, values);
    }

    /** An object of tensors, in document order. */
    Map<String, Tensor> tensors() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        fields().forEach((name, value) -> out.put(name, value.tensor()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * This object as plain Java values: String, Boolean, Integer (or Long) for integers, Double for
     * other numbers, null, List and Map (in document order). Unmodifiable.
     */
    Map<String, Object> toMap() {
        requireObject();
        return plainObject();
    }

    private Map<String, Object> plainObject() {
        Map<String, Object> out = new LinkedHashMap<>();
        fields().forEach((key, value) -> out.put(key, value.plain()));
        return Collections.unmodifiableMap(out);
    }

    private Object plain() {
        if (node.isObject()) {
            return plainObject();
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            elements().forEach(e -> out.add(e.plain()));
            return Collections.unmodifiableList(out);
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return number();
        }
        return null;
    }

    // ---- errors ----

    /** An error at this node's location. */
    InterchangeFormatException error(String problem) {
        return new InterchangeFormatException(source, path, problem);
    }

    private static String describe(JsonNode n) {
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isTextual()) {
            return "the string \"" + shorten(n.textValue()) + "\"";
        }
        if (n.isNumber()) {
            return "the number " + shorten(n.asText());
        }
        return n.asText(); // true, false, null
    }

    private static String shorten(String s) {
        String line = oneLine(s);
        return line.length() <= MAX_SHOWN ? line : line.substring(0, MAX_SHOWN) + "...";
    }
}
