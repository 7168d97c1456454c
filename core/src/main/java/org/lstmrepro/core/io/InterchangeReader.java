package org.lstmrepro.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads an interchange document ({@code docs/formats.md}): parses it (a syntax error names the line
 * and column; duplicate keys and content after the document are errors) and binds it to a typed record
 * with {@link StrictBinding#interchange} (keys the format does not define are ignored; a missing key, a
 * null or a value of the wrong type is an error naming the key path). The checks a type cannot say (the
 * format string, tensor sizes, rows of one length, finite numbers) are here, once. Every problem is an
 * {@link InterchangeFormatException} naming the source.
 *
 * <p>Numbers are parsed with {@link Double#parseDouble} (Jackson's default), so the shortest round-trip
 * representation written by {@link Double#toString} comes back bit-exact.
 */
final class InterchangeReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Jackson's "[Source: REDACTED (...); line: 1, column: 6]" becomes "[line: 1, column: 6]". */
    private static final Pattern SOURCE_IN_MESSAGE = Pattern.compile("\\[Source: [^;\\]]*; ");

    /** The key every interchange document starts with. */
    record FormatKeys(@JsonProperty(required = true) String format) {
    }

    /** A tensor: {@code {"shape": [n] or [rows, cols], "values": [...]}}, row-major. */
    record TensorKeys(@JsonProperty(required = true) int[] shape, @JsonProperty(required = true) double[] values) {
    }

    private final String source;
    private final JsonNode root;

    private InterchangeReader(String source, JsonNode root) {
        this.source = source;
        this.root = root;
    }

    /** Parses a whole file; {@code source} in messages is the path as given. */
    static InterchangeReader parse(Path file) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file); JsonParser parser = MAPPER.createParser(in)) {
            return new InterchangeReader(source, root(source, parser, true));
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e, true);
        } catch (NoSuchFileException e) {
            throw new InterchangeFormatException(source, "", "no such file");
        } catch (IOException e) {
            throw new InterchangeFormatException(source, "", "cannot read the file: " + oneLine(String.valueOf(e.getMessage())));
        }
    }

    /** Parses one document held in a string, e.g. one JSON line; syntax errors give the column only. */
    static InterchangeReader parse(String text, String source) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            return new InterchangeReader(source, root(source, parser, false));
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does not fail
        }
    }

    /** Reads exactly one document: nothing before it (empty input) or after it is allowed. */
    private static JsonNode root(String source, JsonParser parser, boolean file) throws IOException {
        JsonNode node = MAPPER.readTree(parser);
        if (node == null || node.isMissingNode()) {
            throw new InterchangeFormatException(source, "", file ? "the file is empty" : "the text is empty");
        }
        if (parser.nextToken() != null) {
            throw new InterchangeFormatException(source, location(parser.currentTokenLocation(), file),
                    "not valid JSON: more content after the end of the document");
        }
        return node;
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

    /** The binding of the whole document, for errors and for values under it. */
    StrictBinding binding() {
        return StrictBinding.interchange("", (path, problem) -> new InterchangeFormatException(source, path, problem));
    }

    /** The document bound to {@code type}, without checking its format string. */
    <T extends Record> T bind(Class<T> type) {
        return binding().bind(root, type);
    }

    /** The document bound to {@code type}, after checking that its {@code format} is {@code expected}. */
    <T extends Record> T bind(Class<T> type, String expected) {
        String actual = bind(FormatKeys.class).format();
        if (!actual.equals(expected)) {
            throw binding().at("format").error("expected \"" + expected + "\", found \"" + actual + "\"");
        }
        return bind(type);
    }

    // ---- the checks a type cannot say ----

    /**
     * Rows of finite numbers, all of one length, each bound on its own (so that a row of the wrong type
     * is named as a row); a null row is kept as null if {@code nullsAllowed}, an error otherwise.
     */
    static double[][] rows(StrictBinding at, List<JsonNode> nodes, boolean nullsAllowed) {
        double[][] rows = new double[nodes.size()][];
        int first = -1;
        for (int i = 0; i < rows.length; i++) {
            if (nodes.get(i).isNull()) {
                if (!nullsAllowed) {
                    throw at.at(i).error("must not be null");
                }
                continue;
            }
            rows[i] = at.at(i).value(nodes.get(i), double[].class);
            finite(at.at(i), rows[i]);
            if (first < 0) {
                first = i;
            } else if (rows[i].length != rows[first].length) {
                throw at.at(i).error("has " + rows[i].length + " numbers, " + at.at(first).path() + " has "
                        + rows[first].length);
            }
        }
        return rows;
    }

    /** An object of tensors, each bound and checked, in document order; unmodifiable. */
    static Map<String, Tensor> tensors(StrictBinding at, Map<String, JsonNode> tensors) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        tensors.forEach((name, node) -> out.put(name, tensor(at.at(name), at.at(name).bind(node, TensorKeys.class))));
        return Collections.unmodifiableMap(out);
    }

    private static Tensor tensor(StrictBinding at, TensorKeys keys) {
        int[] shape = keys.shape();
        if (shape.length < 1 || shape.length > 2) {
            throw at.at("shape").error("expected [n] or [rows, cols], found " + shape.length + " dimensions");
        }
        long size = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw at.at("shape").at(i).error("expected a non-negative integer, found the number " + shape[i]);
            }
            size *= shape[i];
        }
        finite(at.at("values"), keys.values());
        if (keys.values().length != size) {
            throw at.at("values").error("has " + keys.values().length + " numbers, shape " + Arrays.toString(shape)
                    + " needs " + size);
        }
        return new Tensor(shape, keys.values());
    }

    /**
     * A {@code config} as plain values (String, Boolean, Integer, Long or BigInteger, Double, null, List,
     * Map in document order), unmodifiable at every level; a number beyond the range of a double is an
     * error naming its key path.
     */
    static Map<String, Object> config(StrictBinding at, Map<String, Object> config) {
        Map<String, Object> out = new LinkedHashMap<>();
        config.forEach((key, value) -> out.put(key, plain(at.at(key), value)));
        return Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    private static Object plain(StrictBinding at, Object value) {
        if (value instanceof Map<?, ?> map) {
            return config(at, (Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new java.util.ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(plain(at.at(i), list.get(i)));
            }
            return Collections.unmodifiableList(out);
        }
        return value instanceof Double d ? finite(at, d) : value;
    }

    /** A number beyond the range of a double parses as an infinity: an error, as JSON has no infinities. */
    static double finite(StrictBinding at, double value) {
        if (!Double.isFinite(value)) {
            throw at.error("the number " + value + " is outside the range of a double");
        }
        return value;
    }

    private static void finite(StrictBinding at, double[] values) {
        for (int i = 0; i < values.length; i++) {
            finite(at.at(i), values[i]);
        }
    }
}
