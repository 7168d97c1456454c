package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lstmrepro.reports.cli.InterchangeFixtures.map;
import static org.lstmrepro.reports.cli.InterchangeFixtures.modelFile;
import static org.lstmrepro.reports.cli.InterchangeFixtures.sequence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.io.ParameterFile;
import org.lstmrepro.core.io.SequenceFile;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.reports.run.ModelConfigs;
import org.lstmrepro.vanilla.VanillaConfig;
import org.lstmrepro.vanilla.VanillaLstm;
import org.lstmrepro.vanilla.Variant;

/** Every kind of bad input to {@code gradient} is one line on stderr, exit status 2, and no file written. */
class GradientCommandErrorsTest {

    @TempDir
    Path dir;

    /** Placeholders ($NAME) in the cases' argument lines, resolved to files made in {@link #files()}. */
    private final Map<String, String> files = new HashMap<>();

    @BeforeEach
    void files() throws IOException {
        // A valid vanilla:NP network with 2 inputs, 3 blocks, 2 outputs, and a sequence that fits it.
        VanillaConfig np = VanillaConfig.of(2, 3, 2, Variant.NP);
        Path params = dir.resolve("params.json");
        ParameterFile.write(params, "vanilla", ModelConfigs.vanilla(np), new VanillaLstm(np, RandomStream.root(1)).parameters());
        put("P", params);
        put("C", modelFile(dir, "model.json", "vanilla", map("inputSize", 2, "hiddenSize", 3, "outputSize", 2, "variant", "NP")));
        put("S", writeSequence("sequence.json", sequence(2, 2, 6, false, 1)));
        put("S3", writeSequence("three-inputs.json", sequence(3, 2, 6, false, 1)));
        put("T1", writeSequence("one-output.json", sequence(2, 1, 6, false, 1)));
        put("LINES", text("one.jsonl", SequenceFile.toJsonLine(sequence(2, 2, 6, false, 1)) + "\n"));
        put("OUT", dir.resolve("gradient.json"));
        put("W", dir.resolve("written.json"));
        put("NONE", dir.resolve("no-such-file.json"));
        put("BADJSON", text("bad.json", "{\"format\": \"lstm-repro/params/v1\", "));
        put("OLD", text("old.json", Files.readString(params).replace("params/v1", "params/v0")));
        put("FEWTARGETS", text("few-targets.json",
                "{\"format\": \"lstm-repro/sequence/v1\", \"inputs\": [[1, 2], [3, 4]], \"targets\": [null]}"));
        put("CMODEL", modelFile(dir, "c1.json", "lstm", map("inputSize", 2)));
        put("CUNKNOWN", modelFile(dir, "c2.json", "gru", map("inputSize", 2, "hidden", 3, "hiddenSize", 3, "outputSize", 2)));
        put("CMISSING", modelFile(dir, "c3.json", "rnn", map("inputSize", 2, "outputSize", 2)));
        put("CTYPE", modelFile(dir, "c4.json", "rnn", map("inputSize", 2, "hiddenSize", "3", "outputSize", 2)));
        put("CZERO", modelFile(dir, "c5.json", "original1997", map("inputSize", 2, "blocks", 0, "cellsPerBlock", 2, "outputSize", 1)));
        put("CRNN", modelFile(dir, "rnn.json", "rnn", map("inputSize", 2, "hiddenSize", 3, "outputSize", 2)));
        put("CVARIANT", modelFile(dir, "c6.json", "vanilla", map("inputSize", 2, "hiddenSize", 3, "outputSize", 2, "variant", "LSTM")));
        // NP's config with the tensors of a network with peepholes; a config whose size does not match the tensors
        Path extra = dir.resolve("extra.json");
        ParameterFile.write(extra, "vanilla", ModelConfigs.vanilla(np),
                new VanillaLstm(np.withVariant(Variant.VANILLA), RandomStream.root(1)).parameters());
        put("PEXTRA", extra);
        put("PSHAPE", text("shape.json", Files.readString(params).replace("\"hiddenSize\": 3", "\"hiddenSize\": 4")));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("--params $NONE --sequence $S --rule bptt --out $OUT", "no-such-file.json: no such file"),
                Arguments.of("--params $BADJSON --sequence $S --rule bptt --out $OUT", "bad.json: line 1, column"),
                Arguments.of("--params $OLD --sequence $S --rule bptt --out $OUT", "old.json: format: expected \"lstm-repro/params/v1\""),
                Arguments.of("--params $P --sequence $P --rule bptt --out $OUT", "format: expected \"lstm-repro/sequence/v1\""),
                Arguments.of("--params $P --sequence $NONE --rule bptt --out $OUT", "no-such-file.json: no such file"),
                Arguments.of("--params $P --sequence $FEWTARGETS --rule bptt --out $OUT", "targets: has 1 entries, inputs has 2"),
                Arguments.of("--params $P --sequence $S3 --rule bptt --out $OUT",
                        "three-inputs.json: the input vectors have length 3, the vanilla network has 2 inputs"),
                Arguments.of("--params $P --sequence $T1 --rule bptt --out $OUT",
                        "one-output.json: the target vectors have length 1, the vanilla network has 2 outputs"),
                Arguments.of("--params $P --sequence $S --rule adam --out $OUT", "unknown rule 'adam'"),
                Arguments.of("--params $P --sequence $S --rule tbptt:0,2 --out $OUT", "K1 must be a positive integer"),
                Arguments.of("--init-seed 1 --config $CRNN --sequence $S --rule truncated1997 --out $OUT", "constant error carousel"),
                Arguments.of("--params $PEXTRA --sequence $S --rule bptt --out $OUT", "unexpected tensors 'peephole_i'"),
                Arguments.of("--params $PSHAPE --sequence $S --rule bptt --out $OUT", "tensor 'weight_ih' has shape [12, 2], the network expects [16, 2]"),
                Arguments.of("--init-seed 1 --config $CMODEL --write-params $W", "c1.json: model: unknown model 'lstm'"),
                Arguments.of("--init-seed 1 --config $CUNKNOWN --write-params $W", "c2.json: config: unknown key 'hidden'"),
                Arguments.of("--init-seed 1 --config $CMISSING --write-params $W", "c3.json: config: missing key 'hiddenSize'"),
                Arguments.of("--init-seed 1 --config $CTYPE --write-params $W", "c4.json: config.hiddenSize: expected an integer, found the string \"3\""),
                Arguments.of("--init-seed 1 --config $CZERO --write-params $W", "c5.json: config.blocks: must be an integer in [1, 256], was 0"),
                Arguments.of("--init-seed 1 --config $CVARIANT --write-params $W", "c6.json: config.variant: unknown LSTM variant 'LSTM'"),
                Arguments.of("--init-seed 1 --config $NONE --write-params $W", "no-such-file.json: no such file"),
                Arguments.of("--init-seed 1 --config $C --write-params $W --sequence $S --rule adam --out $OUT", "unknown rule 'adam'"),
                Arguments.of("--init-seed 1 --config $C --write-params $W --sequence $S3 --rule bptt --out $OUT", "input vectors have length 3"),
                Arguments.of("--sequence $S --rule bptt --out $OUT", "no weights: give --params"),
                Arguments.of("--params $P --init-seed 1 --config $C --sequence $S --rule bptt --out $OUT", "exclude each other"),
                Arguments.of("--init-seed 1 --write-params $W", "--init-seed needs --config"),
                Arguments.of("--params $P --sequence $S --rule bptt", "a gradient needs --sequence, --rule and --out; missing --out"),
                Arguments.of("--params $P --write-params $W", "--write-params writes freshly initialised weights"),
                Arguments.of("--params $P --sequence $LINES --sequence-line 2 --rule bptt --out $OUT",
                        "one.jsonl holds 1 sequence"),
                Arguments.of("--params $P --sequence $S --sequence-line 1 --rule bptt --out $OUT",
                        "sequence.json line 1: column 2: not valid JSON"),
                Arguments.of("--params $P --sequence-line 1", "--sequence-line needs --sequence"),
                Arguments.of("--params $P", "nothing to do"),
                Arguments.of("--params $P --sequence $S --rule bptt --out $P", "would overwrite the parameter file"),
                Arguments.of("--init-seed one --config $C --write-params $W", "Invalid value for option '--init-seed'"),
                Arguments.of("--params $P --frobnicate", "Unknown option: '--frobnicate'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isOneLineWithStatusTwoAndWritesNothing(String argLine, String expected) throws IOException {
        byte[] paramsBefore = Files.readAllBytes(Path.of(files.get("P")));
        String[] args = Stream.concat(Stream.of("gradient"), Arrays.stream(argLine.split(" ")).map(this::resolve))
                .toArray(String[]::new);
        CliRun run = CliRun.of(args);
        assertThat(run.status()).as(run.err()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("lstm-repro").contains(expected).doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
        assertThat(Path.of(files.get("OUT"))).doesNotExist();
        assertThat(Path.of(files.get("W"))).doesNotExist();
        assertThat(Files.readAllBytes(Path.of(files.get("P")))).isEqualTo(paramsBefore);
    }

    private String resolve(String token) {
        return token.startsWith("$") ? files.get(token.substring(1)) : token;
    }

    private void put(String name, Path file) {
        files.put(name, file.toString());
    }

    private Path writeSequence(String name, Sequence s) {
        Path file = dir.resolve(name);
        SequenceFile.write(file, s);
        return file;
    }

    private Path text(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
