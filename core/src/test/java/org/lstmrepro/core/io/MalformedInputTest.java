package org.lstmrepro.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad file gives one line naming the file, the key and the problem. */
class MalformedInputTest {

    @TempDir
    static Path dir;

    private static final String GOOD_TENSORS = "{\"bias\": {\"shape\": [2], \"values\": [1, 2]}}";

    private static String params(String model, String tensors) {
        return "{\"format\": \"lstm-repro/params/v1\", \"model\": " + model + ", \"config\": {}, \"tensors\": " + tensors + "}";
    }

    static Stream<Arguments> badParameterFiles() {
        return Stream.of(
                Arguments.of("truncated JSON", "{\"format\": ", "line 1, column 12: not valid JSON: Unexpected end-of-input"),
                // Jackson 2.23 places an unrecognized token at its first character (2.18 gave the column after it).
                Arguments.of("not JSON at all", "weights: 1 2 3", "line 1, column 1: not valid JSON: Unrecognized token 'weights'"),
                Arguments.of("unclosed array", "{\"a\": [1, 2}",
                        "line 1, column 12: not valid JSON: Unexpected close marker '}': expected ']' (for Array starting at [line: 1, column: 7])"),
                Arguments.of("empty file", "", ": the file is empty"),
                Arguments.of("root is an array", "[1, 2]", ": expected an object, found a list"),
                Arguments.of("no format", "{\"model\": \"rnn\"}", ": missing key 'format'"),
                Arguments.of("wrong format", "{\"format\": \"lstm-repro/sequence/v1\"}",
                        ": format: expected \"lstm-repro/params/v1\", found \"lstm-repro/sequence/v1\""),
                Arguments.of("format not a string", "{\"format\": 1}", ": format: expected a string, found the number 1"),
                Arguments.of("model missing", "{\"format\": \"lstm-repro/params/v1\"}", ": missing key 'model'"),
                Arguments.of("model wrong type", params("3", GOOD_TENSORS), ": model: expected a string, found the number 3"),
                Arguments.of("tensors not an object", params("\"rnn\"", "[]"), ": tensors: expected an object, found a list"),
                Arguments.of("shape missing", params("\"rnn\"", "{\"bias\": {\"values\": [1]}}"),
                        ": tensors.bias: missing key 'shape'"),
                Arguments.of("values too short", params("\"rnn\"", "{\"bias\": {\"shape\": [2, 2], \"values\": [1, 2, 3]}}"),
                        ": tensors.bias.values: has 3 numbers, shape [2, 2] needs 4"),
                Arguments.of("three dimensions", params("\"rnn\"", "{\"w\": {\"shape\": [1, 1, 1], \"values\": [1]}}"),
                        ": tensors.w.shape: expected [n] or [rows, cols], found 3 dimensions"),
                Arguments.of("fractional dimension", params("\"rnn\"", "{\"w\": {\"shape\": [1.5], \"values\": [1]}}"),
                        ": tensors.w.shape[0]: expected an integer, found the number 1.5"),
                Arguments.of("negative dimension", params("\"rnn\"", "{\"w\": {\"shape\": [-1], \"values\": []}}"),
                        ": tensors.w.shape[0]: expected a non-negative integer, found the number -1"),
                Arguments.of("string value, dotted name", params("\"rnn\"", "{\"output.bias\": {\"shape\": [2], \"values\": [1, \"2\"]}}"),
                        ": tensors[\"output.bias\"].values[1]: expected a number, found the string \"2\""),
                Arguments.of("null value", params("\"rnn\"", "{\"b\": {\"shape\": [1], \"values\": [null]}}"),
                        ": tensors.b.values[0]: must not be null"),
                Arguments.of("overflowing number", params("\"rnn\"", "{\"b\": {\"shape\": [1], \"values\": [1e400]}}"),
                        ": tensors.b.values[0]: the number Infinity is outside the range of a double"),
                Arguments.of("overflowing number in config", "{\"format\": \"lstm-repro/params/v1\", \"model\": \"rnn\","
                        + " \"config\": {\"init\": {\"scales\": [1, -1e400]}}, \"tensors\": {}}",
                        ": config.init.scales[1]: the number -Infinity is outside the range of a double"),
                Arguments.of("NaN literal", params("\"rnn\"", "{\"b\": {\"shape\": [1], \"values\": [NaN]}}"),
                        "not valid JSON: Non-standard token 'NaN'"),
                Arguments.of("duplicate key", "{\"format\": \"a\", \"format\": \"b\"}", "not valid JSON: Duplicate field 'format'"),
                Arguments.of("trailing content", params("\"rnn\"", GOOD_TENSORS) + " {}", "line 1, column 121: not valid JSON: more content after the end of the document"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParameterFiles")
    void parameterFile(String caseName, String content, String expected) throws IOException {
        assertOneLineError(content, ParameterFile::read, expected);
    }

    static Stream<Arguments> badSequenceFiles() {
        String head = "{\"format\": \"lstm-repro/sequence/v1\", ";
        return Stream.of(
                Arguments.of("ragged inputs", head + "\"inputs\": [[1, 2], [3, 4], [5, 6, 7]], \"targets\": [null, null, [1]]}",
                        ": inputs[2]: has 3 numbers, inputs[0] has 2"),
                Arguments.of("ragged targets", head + "\"inputs\": [[1], [2], [3]], \"targets\": [null, [1, 0], [1]]}",
                        ": targets[2]: has 1 numbers, targets[1] has 2"),
                Arguments.of("too few targets", head + "\"inputs\": [[1], [2]], \"targets\": [[1]]}",
                        ": targets: has 1 entries, inputs has 2 (one target or null per step)"),
                Arguments.of("no steps", head + "\"inputs\": [], \"targets\": []}", ": inputs: a sequence needs at least one step"),
                Arguments.of("target a number", head + "\"inputs\": [[1], [2]], \"targets\": [null, 1]}",
                        ": targets[1]: expected a list of numbers, found the number 1"),
                Arguments.of("null input", head + "\"inputs\": [null], \"targets\": [null]}",
                        ": inputs[0]: must not be null"),
                Arguments.of("targets missing", head + "\"inputs\": [[1]]}", ": missing key 'targets'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSequenceFiles")
    void sequenceFile(String caseName, String content, String expected) throws IOException {
        assertOneLineError(content, SequenceFile::read, expected);
    }

    @Test
    void gradientFileWithAParameterFileFormat() throws IOException {
        assertOneLineError(params("\"rnn\"", GOOD_TENSORS), GradientFile::read,
                ": format: expected \"lstm-repro/gradient/v1\", found \"lstm-repro/params/v1\"");
    }

    @Test
    void gradientFileWithRaggedOutputs() throws IOException {
        assertOneLineError("{\"format\": \"lstm-repro/gradient/v1\", \"model\": \"rnn\", \"rule\": \"bptt\", \"loss\": 1,"
                + " \"outputs\": [[1], [1, 2]], \"gradients\": {}}", GradientFile::read, ": outputs[1]: has 2 numbers, outputs[0] has 1");
    }

    @Test
    void gradientFileWithAnOverflowingLossOrANullOutput() throws IOException {
        String head = "{\"format\": \"lstm-repro/gradient/v1\", \"model\": \"rnn\", \"rule\": \"bptt\", ";
        assertOneLineError(head + "\"loss\": -1e999, \"outputs\": [[1]], \"gradients\": {}}", GradientFile::read,
                ": loss: the number -Infinity is outside the range of a double");
        assertOneLineError(head + "\"loss\": 1, \"outputs\": [[1], null], \"gradients\": {}}", GradientFile::read,
                ": outputs[1]: must not be null");
        assertOneLineError(head + "\"loss\": null, \"outputs\": [[1]], \"gradients\": {}}", GradientFile::read,
                ": loss: must not be null");
        assertOneLineError(head + "\"loss\": 1, \"outputs\": [[1]], \"gradients\": {\"w\": {\"shape\": [1], \"values\": [1e400]}}}",
                GradientFile::read, ": gradients.w.values[0]: the number Infinity is outside the range of a double");
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nowhere.json");
        for (Function<Path, ?> reader : java.util.List.<Function<Path, ?>>of(
                ParameterFile::read, SequenceFile::read, GradientFile::read, SequenceFile::readJsonLines)) {
            InterchangeFormatException e = catchThrowableOfType(InterchangeFormatException.class, () -> reader.apply(missing));
            assertThat(e).hasMessage(missing + ": no such file");
        }
    }

    private static void assertOneLineError(String content, Function<Path, ?> reader, String expected) throws IOException {
        Path file = Files.createTempFile(dir, "bad", ".json");
        Files.writeString(file, content);
        InterchangeFormatException e = catchThrowableOfType(InterchangeFormatException.class, () -> reader.apply(file));
        assertThat(e).as("no exception for %s", content).isNotNull();
        assertThat(e.getMessage()).startsWith(file + ": ").contains(expected).doesNotContain("\n");
        assertThat(e.getMessage()).doesNotContain("com.fasterxml").doesNotContain("Source:");
    }
}
