package org.lstmrepro.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lstmrepro.core.data.DataSplits;
import org.lstmrepro.core.data.Sequence;

/**
 * Reads the JSB Chorales piano rolls shipped with this module ({@value #RESOURCE}; provenance and
 * checksum in {@code PROVENANCE.md} beside it) into next-frame prediction sequences.
 *
 * <p>The file is one JSON object {@code {"train": [...], "valid": [...], "test": [...]}}, each split a
 * list of chorales, each chorale a list of frames (one per quarter note), each frame the list of MIDI
 * note numbers sounding. A frame is encoded as 88 binary units over MIDI 21-108 (the piano's range,
 * Boulanger-Lewandowski, Bengio and Vincent 2012). A chorale of L frames is a sequence of L - 1 steps:
 * step t shows frame t and its target is frame t + 1, so every frame but the first is predicted once.
 * Input and target vectors share arrays (the target of step t is the input of step t + 1): read-only.
 *
 * <p>The bytes are checked against {@link #SHA256} before parsing: a missing or altered file is an
 * {@link IllegalArgumentException} with one line saying which.
 */
public final class JsbChoralesData {

    /** The classpath resource of the data. */
    public static final String RESOURCE = "/org/lstmrepro/tasks/data/jsb-chorales-quarter.json";
    /** The sha256 of the file as published (see PROVENANCE.md beside it). */
    public static final String SHA256 = "2db9329f1881a1d3f49703ec556bf1d6f84b4f6c1d702c156536e93cf31e1c91";
    /** The lowest MIDI note encoded (A0). */
    public static final int LOWEST_NOTE = 21;
    /** Units per frame: MIDI 21-108. */
    public static final int UNITS = 88;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsbChoralesData() {
    }

    /** The shipped data, checked and parsed once per JVM. */
    public static DataSplits load() {
        return Holder.SPLITS;
    }

    private static final class Holder {
        static final DataSplits SPLITS = parse(readResource(), RESOURCE);
    }

    private static byte[] readResource() {
        try (InputStream in = JsbChoralesData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalArgumentException("the JSB Chorales data " + RESOURCE
                        + " is missing from the classpath (rebuild the tasks module)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the JSB Chorales data " + RESOURCE + ": " + e.getMessage());
        }
    }

    /**
     * Checks the bytes against {@link #SHA256}, then parses them.
     *
     * @param source named in messages
     * @throws IllegalArgumentException (one line) when the checksum differs or the content is malformed
     */
    public static DataSplits parse(byte[] bytes, String source) {
        String actual = sha256(bytes);
        if (!actual.equals(SHA256)) {
            throw new IllegalArgumentException("the JSB Chorales data " + source + " has been altered: sha256 " + actual
                    + ", expected " + SHA256);
        }
        return parseUnchecked(bytes, source);
    }

    /** Parses without the checksum (for tests of the encoding on small hand-made files). */
    static DataSplits parseUnchecked(byte[] bytes, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the JSB Chorales data " + source + " is not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the JSB Chorales data " + source + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the JSB Chorales data " + source + " is not a JSON object");
        }
        return new DataSplits(split(root, "train", source), split(root, "valid", source), split(root, "test", source));
    }

    private static List<Sequence> split(JsonNode root, String name, String source) {
        JsonNode chorales = root.get(name);
        if (chorales == null || !chorales.isArray() || chorales.isEmpty()) {
            throw new IllegalArgumentException("the JSB Chorales data " + source + " has no '" + name + "' list of chorales");
        }
        List<Sequence> out = new ArrayList<>(chorales.size());
        for (int c = 0; c < chorales.size(); c++) {
            out.add(chorale(chorales.get(c), source + ": " + name + "[" + c + "]"));
        }
        return out;
    }

    private static Sequence chorale(JsonNode frames, String where) {
        if (!frames.isArray() || frames.size() < 2) {
            throw new IllegalArgumentException(where + " must be a list of at least 2 frames");
        }
        double[][] rolls = new double[frames.size()][];
        for (int t = 0; t < frames.size(); t++) {
            rolls[t] = frame(frames.get(t), where + "[" + t + "]");
        }
        int steps = rolls.length - 1;
        double[][] inputs = new double[steps][];
        double[][] targets = new double[steps][];
        for (int t = 0; t < steps; t++) {
            inputs[t] = rolls[t];
            targets[t] = rolls[t + 1];
        }
        return new Sequence(inputs, targets);
    }

    private static double[] frame(JsonNode notes, String where) {
        if (!notes.isArray()) {
            throw new IllegalArgumentException(where + " must be a list of MIDI note numbers");
        }
        double[] units = new double[UNITS];
        for (JsonNode note : notes) {
            if (!note.isInt() || note.intValue() < LOWEST_NOTE || note.intValue() >= LOWEST_NOTE + UNITS) {
                throw new IllegalArgumentException(where + " has " + note + ", not a MIDI note in "
                        + LOWEST_NOTE + ".." + (LOWEST_NOTE + UNITS - 1));
            }
            units[note.intValue() - LOWEST_NOTE] = 1.0;
        }
        return units;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
