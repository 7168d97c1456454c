package org.lstmrepro.reports.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.random.RandomStream;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Test helper: model description files and small random sequences for the gradient command. */
final class InterchangeFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InterchangeFixtures() {
    }

    /** Writes {@code {"model": model, "config": config}} and returns the file. */
    static Path modelFile(Path dir, String name, String model, Map<String, Object> config) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", model);
        doc.put("config", config);
        Path file = dir.resolve(name);
        try {
            JSON.writeValue(file.toFile(), doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A map from alternating keys and values, in order. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /**
     * A random sequence of {@code steps} steps with inputs in [-1, 1] and targets at steps 2, 4 and the
     * last (null elsewhere): one-hot if {@code oneHot}, else in (0.05, 0.95).
     */
    static Sequence sequence(int inputs, int outputs, int steps, boolean oneHot, long seed) {
        RandomStream r = RandomStream.root(seed).derive("sequence");
        double[][] x = new double[steps][inputs];
        double[][] d = new double[steps][];
        for (double[] row : x) {
            for (int i = 0; i < inputs; i++) {
                row[i] = r.nextDouble(-1, 1);
            }
        }
        for (int t : new int[] {2, 4, steps - 1}) {
            d[t] = new double[outputs];
            if (oneHot) {
                d[t][r.nextInt(outputs)] = 1;
            } else {
                for (int k = 0; k < outputs; k++) {
                    d[t][k] = r.nextDouble(0.05, 0.95);
                }
            }
        }
        return new Sequence(x, d);
    }
}
