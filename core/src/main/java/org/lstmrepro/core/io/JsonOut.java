package org.lstmrepro.core.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * Writes interchange documents with Jackson's streaming generator. Doubles are written with
 * {@link Double#toString} (Jackson's default), which reads back bit-exact. Callers check that
 * everything is finite <em>before</em> writing ({@link #requireFinite}); files are written to a
 * temporary sibling and moved into place, so a failed write leaves no half file.
 */
final class JsonOut {

    /** Writes one document with the generator. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonOut() {
    }

    /** Writes a pretty-printed (objects indented, arrays on one line) UTF-8 file, atomically ({@link AtomicFiles}). */
    static void writeFile(Path file, Body body) {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (JsonGenerator g = FACTORY.createGenerator(w)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
                body.write(g);
                g.flush();
            }
            w.write(System.lineSeparator());
            w.flush();
        });
    }

    /** Writes one compact document on one line (no line break). */
    static String writeLine(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    // ---- checks before writing ----

    /** JSON has no NaN or infinity: fails naming {@code what} (e.g. "tensor 'bias'") and the index. */
    static void requireFinite(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + " holds " + values[i] + " at index " + i
                        + ", which JSON cannot represent");
            }
        }
    }

    static void requireFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " is " + value + ", which JSON cannot represent");
        }
    }

    static String requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }

    // ---- pieces ----

    static void tensor(JsonGenerator g, int[] shape, double[] values) throws IOException {
        g.writeStartObject();
        g.writeFieldName("shape");
        g.writeArray(shape, 0, shape.length);
        g.writeFieldName("values");
        g.writeArray(values, 0, values.length);
        g.writeEndObject();
    }

    /** An array of rows; a {@code null} row is written as null. */
    static void rows(JsonGenerator g, double[][] rows) throws IOException {
        g.writeStartArray();
        for (double[] row : rows) {
            if (row == null) {
                g.writeNull();
            } else {
                g.writeArray(row, 0, row.length);
            }
        }
        g.writeEndArray();
    }

    /**
     * Checks that a configuration holds only JSON values: null, String, Boolean, Number (finite),
     * Map with String keys, Iterable; fails naming the key path.
     */
    static void requireJsonValue(String path, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return;
        }
        if (value instanceof Number n) {
            requireFinite(path, n.doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(path + " has a key that is not a string: " + e.getKey());
                }
                requireJsonValue(path + "." + key, e.getValue());
            }
        } else if (value instanceof Iterable<?> list) {
            int i = 0;
            for (Object item : list) {
                requireJsonValue(path + "[" + i++ + "]", item);
            }
        } else {
            throw new IllegalArgumentException(path + " is a " + value.getClass().getSimpleName()
                    + "; only strings, numbers, booleans, null, maps and lists can be written");
        }
    }

    /** Writes a value that passed {@link #requireJsonValue}. */
    static void value(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName((String) e.getKey());
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeStartArray();
            for (Object item : (Iterable<?>) value) {
                value(g, item);
            }
            g.writeEndArray();
        }
    }
}
