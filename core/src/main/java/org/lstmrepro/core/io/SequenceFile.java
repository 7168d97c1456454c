package org.lstmrepro.core.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

import org.lstmrepro.core.data.Sequence;

/**
 * The sequence file of the interchange spec ({@value #FORMAT}): {@code T} input rows and {@code T}
 * target entries, each a vector or {@code null} where no error is given. The same document on one
 * line is a JSON line, the form {@code lstm-repro sample} prints, one sequence per line.
 */
public final class SequenceFile {

    public static final String FORMAT = "lstm-repro/sequence/v1";

    private SequenceFile() {
    }

    /** Writes one sequence file (pretty-printed). */
    public static void write(Path file, Sequence sequence) {
        JsonOut.writeFile(file, g -> writeDocument(g, sequence));
    }

    /** @throws InterchangeFormatException naming the file, key and problem */
    public static Sequence read(Path file) {
        return sequence(InterchangeReader.parse(file));
    }

    /** The sequence as one compact line of JSON (no line break), a complete sequence document. */
    public static String toJsonLine(Sequence sequence) {
        return JsonOut.writeLine(g -> writeDocument(g, sequence));
    }

    /**
     * Parses one JSON line written by {@link #toJsonLine}.
     *
     * @param source names the line in messages, e.g. {@code samples.jsonl line 3}
     */
    public static Sequence fromJsonLine(String line, String source) {
        return sequence(InterchangeReader.parse(line, source));
    }

    /** Reads every non-blank line of a JSON-lines file; errors name the file and line number. */
    public static List<Sequence> readJsonLines(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readJsonLines(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new InterchangeFormatException(file.toString(), "", "no such file");
        } catch (IOException e) {
            throw new InterchangeFormatException(file.toString(), "", "cannot read the file: " + e.getMessage());
        }
    }

    /** Reads every non-blank line from {@code reader} (e.g. standard input); {@code source} names it in messages. */
    public static List<Sequence> readJsonLines(BufferedReader reader, String source) {
        List<Sequence> out = new ArrayList<>();
        try {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    out.add(fromJsonLine(line, source + " line " + lineNumber));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static void writeDocument(JsonGenerator g, Sequence sequence) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeFieldName("inputs");
        JsonOut.rows(g, sequence.inputs());
        g.writeFieldName("targets");
        JsonOut.rows(g, sequence.targets());
        g.writeEndObject();
    }

    /** The keys of a sequence file; a target may be null (no error at that step), an input may not. */
    record Keys(@JsonProperty(required = true) String format, @JsonProperty(required = true) List<JsonNode> inputs,
                @JsonProperty(required = true) List<JsonNode> targets) {
    }

    private static Sequence sequence(InterchangeReader in) {
        Keys keys = in.bind(Keys.class, FORMAT);
        StrictBinding root = in.binding();
        double[][] inputs = InterchangeReader.rows(root.at("inputs"), keys.inputs(), false);
        if (inputs.length == 0) {
            throw root.at("inputs").error("a sequence needs at least one step");
        }
        double[][] targets = InterchangeReader.rows(root.at("targets"), keys.targets(), true);
        if (targets.length != inputs.length) {
            throw root.at("targets").error("has " + targets.length + " entries, inputs has " + inputs.length
                    + " (one target or null per step)");
        }
        try {
            return new Sequence(inputs, targets);
        } catch (IllegalArgumentException e) { // not expected after the checks above; kept one-line
            throw root.error(e.getMessage());
        }
    }
}
