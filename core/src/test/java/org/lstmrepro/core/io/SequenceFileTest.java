package org.lstmrepro.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmrepro.core.data.Sequence;

class SequenceFileTest {

    @TempDir
    Path dir;

    private static Sequence sample() {
        double[][] inputs = {{1.0, 0.0, -0.0}, {0.1, Math.PI, 1e-300}, {Double.MIN_VALUE, -2.5, 1e22}};
        double[][] targets = {null, null, {0.2, -1.0 / 3}};
        return new Sequence(inputs, targets);
    }

    /** Bit-exact comparison (Arrays.deepEquals on double[] compares the bits, so -0.0 != 0.0). */
    private static void assertSameBits(Sequence actual, Sequence expected) {
        assertThat(actual).isEqualTo(expected);
        assertThat(Double.doubleToRawLongBits(actual.inputs()[0][2])).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void roundTripsAFileBitExactly() {
        Path file = dir.resolve("seq.json");
        SequenceFile.write(file, sample());
        assertSameBits(SequenceFile.read(file), sample());
    }

    @Test
    void aJsonLineIsOneCompleteDocumentOnOneLine() {
        String line = SequenceFile.toJsonLine(sample());
        assertThat(line).doesNotContain("\n").doesNotContain("\r")
                .startsWith("{\"format\":\"lstm-repro/sequence/v1\",\"inputs\":[[1.0,0.0,-0.0],")
                .endsWith("\"targets\":[null,null,[0.2,-0.3333333333333333]]}");
        assertSameBits(SequenceFile.fromJsonLine(line, "stdin line 1"), sample());
    }

    @Test
    void readsJsonLinesSkippingBlankOnes() throws IOException {
        Sequence other = new Sequence(new double[][] {{1}}, new double[][] {{0}});
        Path file = dir.resolve("samples.jsonl");
        Files.writeString(file, SequenceFile.toJsonLine(sample()) + "\n\n" + SequenceFile.toJsonLine(other) + "\n");
        List<Sequence> read = SequenceFile.readJsonLines(file);
        assertThat(read).hasSize(2);
        assertSameBits(read.get(0), sample());
        assertThat(read.get(1)).isEqualTo(other);
    }

    @Test
    void jsonLineErrorsNameTheLine() {
        String good = SequenceFile.toJsonLine(sample());
        String ragged = "{\"format\":\"lstm-repro/sequence/v1\",\"inputs\":[[1],[2,3]],\"targets\":[null,null]}";
        BufferedReader reader = new BufferedReader(new StringReader(good + "\n" + ragged + "\n"));
        assertThatThrownBy(() -> SequenceFile.readJsonLines(reader, "samples.jsonl"))
                .isInstanceOf(InterchangeFormatException.class)
                .hasMessage("samples.jsonl line 2: inputs[1]: has 2 numbers, inputs[0] has 1");
        assertThatThrownBy(() -> SequenceFile.fromJsonLine("{\"format\":", "stdin line 4"))
                .hasMessageStartingWith("stdin line 4: column 11: not valid JSON: Unexpected end-of-input");
    }

    @Test
    void readsAHandWrittenFile() throws IOException {
        Path file = dir.resolve("hand.json");
        Files.writeString(file, """
                { "format": "lstm-repro/sequence/v1",
                  "inputs":  [[0, 1], [1, 0], [0.5, -0.25]],
                  "targets": [null, [1], [-2E-1]] }
                """);
        Sequence s = SequenceFile.read(file);
        assertThat(s.inputs()).isDeepEqualTo(new double[][] {{0.0, 1.0}, {1.0, 0.0}, {0.5, -0.25}});
        assertThat(s.targets()).isDeepEqualTo(new double[][] {null, {1.0}, {-0.2}});
        assertThat(s.hasTarget(0)).isFalse();
    }
}
