package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lstmrepro.reports.cli.InterchangeFixtures.map;
import static org.lstmrepro.reports.cli.InterchangeFixtures.modelFile;
import static org.lstmrepro.reports.cli.InterchangeFixtures.sequence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmrepro.core.io.ParameterFile;
import org.lstmrepro.core.io.SequenceFile;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.core.train.RunStatus;
import org.lstmrepro.reports.run.ModelConfigs;
import org.lstmrepro.reports.store.ResultsStore;
import org.lstmrepro.reports.store.StoreLock;
import org.lstmrepro.reports.store.TrialRecord;
import org.lstmrepro.vanilla.VanillaConfig;
import org.lstmrepro.vanilla.VanillaLstm;
import org.lstmrepro.vanilla.Variant;

/**
 * The hostile-input suite: malformed command lines, experiment files, parameter files and sequence
 * files, each of which must end with one line on stderr naming the problem, exit status 2, no stack
 * trace, nothing on stdout, and no finished work lost (a results store with records and a report, and a
 * parameter file, are byte-for-byte the same before and after every case). Each case is a command line
 * whose {@code $NAME} tokens are files made in {@link #fixtures()}.
 */
class HostileInputTest {

    @TempDir
    static Path dir;
    private static final Map<String, String> FILES = new HashMap<>();
    private static Map<String, String> storeBefore;
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final AtomicInteger ONE_LINE_EXIT_2 = new AtomicInteger();
    private static final AtomicInteger DATA_LOST = new AtomicInteger();
    private static final List<String> FAILED = java.util.Collections.synchronizedList(new ArrayList<>());

    /** A small valid experiment; the experiment cases are this with one thing broken. */
    static final String VALID = """
            name: h
            seeds: 1
            budget: 50
            tasks:
              - id: adding
                settings: {length: 22}
            models:
              - model: rnn
            """;

    @BeforeAll
    static void fixtures() throws IOException {
        // The precious store: finished trials and their report, which no bad input may touch.
        Path store = dir.resolve("store");
        ResultsStore s = new ResultsStore(store);
        for (int seed = 1; seed <= 3; seed++) {
            s.write(new TrialRecord("k" + seed, "h", "adding(length=22)", "rnn/bptt", Map.of("model", "rnn"),
                    Map.of("learningRate", 0.01), RunStatus.BUDGET_EXHAUSTED, 50, 2000, 2560, 0.04, 0.01, seed, 0.1,
                    List.of(new double[] {50, 0.05, 0.1}), null, "c"));
        }
        Files.writeString(store.resolve("report.md"), "# an earlier report\n");
        put("STORE", store);
        storeBefore = snapshot(store);

        VanillaConfig np = VanillaConfig.of(2, 3, 2, Variant.NP);
        Path params = dir.resolve("params.json");
        ParameterFile.write(params, "vanilla", ModelConfigs.vanilla(np), new VanillaLstm(np, RandomStream.root(1)).parameters());
        put("P", params);
        String p = Files.readString(params);
        put("C", modelFile(dir, "model.json", "vanilla", map("inputSize", 2, "hiddenSize", 3, "outputSize", 2, "variant", "NP")));
        put("C97", modelFile(dir, "c97.json", "original1997", map("inputSize", 2, "blocks", 1, "cellsPerBlock", 1, "outputSize", 2)));
        Path seq = dir.resolve("sequence.json");
        SequenceFile.write(seq, sequence(2, 2, 6, false, 1));
        put("S", seq);
        String sq = Files.readString(seq);
        put("NONE", dir.resolve("no-such-file.json"));
        put("NODIR", dir.resolve("no-such-dir/out.json"));
        put("DIR", Files.createDirectories(dir.resolve("a-directory")));
        put("DYAML", Files.createDirectories(dir.resolve("d.yaml")));
        put("FILE", text("plain-file", "not a directory"));
        put("UNDERFILE", dir.resolve("plain-file/sub"));
        put("FRESH", dir.resolve("fresh"));
        put("OUT", dir.resolve("gradient-out.json"));
        put("W", dir.resolve("written-params.json"));
        put("EMPTYDIR", Files.createDirectories(dir.resolve("empty-dir")));
        Path corrupt = Files.createDirectories(dir.resolve("corrupt-store/trials"));
        Files.writeString(corrupt.resolve("x.json"), "{\"key\": \"x\", ");
        put("CORRUPT", corrupt.getParent());
        Path trialsFile = Files.createDirectories(dir.resolve("trials-is-a-file"));
        Files.writeString(trialsFile.resolve("trials"), "");
        put("TRIALSFILE", trialsFile);

        // parameter files
        put("PEMPTY", text("p-empty.json", ""));
        put("PBIN", bytes("p-binary.json", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80, (byte) 0xc3}));
        put("PTRUNC", text("p-truncated.json", p.substring(0, p.length() / 2)));
        put("PARRAY", text("p-array.json", "[1, 2, 3]"));
        put("PFORMAT", text("p-format.json", p.replace("params/v1", "params/v9")));
        put("PNOFORMAT", text("p-noformat.json", p.replace("\"format\"", "\"formt\"")));
        put("PMODEL", text("p-model.json", p.replace("\"model\": \"vanilla\"", "\"model\": \"lstm\"")));
        put("PNAN", text("p-nan.json", p.replaceFirst("(\"values\": \\[ *)[-0-9.eE]+", "$1NaN")));
        put("PSTRING", text("p-string.json", p.replaceFirst("(\"values\": \\[ *)[-0-9.eE]+", "$1\"x\"")));
        put("PNULL", text("p-null.json", p.replaceFirst("(\"values\": \\[ *)[-0-9.eE]+", "$1null")));
        put("PSHORT", text("p-short.json", p.replaceFirst("(\"values\": \\[ *)[-0-9.eE]+, ", "$1")));
        put("PSHAPE", text("p-shape.json", p.replace("\"hiddenSize\": 3", "\"hiddenSize\": 4")));
        put("PHUGE", text("p-huge.json", p.replace("\"hiddenSize\": 3", "\"hiddenSize\": 2000000000")));
        put("PNEG", text("p-neg.json", p.replace("\"hiddenSize\": 3", "\"hiddenSize\": -3")));
        put("PVARIANT", text("p-variant.json", p.replace("\"variant\": \"NP\"", "\"variant\": \"XYZ\"")));
        put("PTRAIL", text("p-trailing.json", p + "}garbage"));
        put("PNOTENSORS", text("p-notensors.json", p.replaceFirst("\"tensors\"", "\"tensorz\"")));
        put("PDUP", text("p-dupkey.json", p.replaceFirst("\\{", "{\"format\": \"lstm-repro/params/v1\", ")));
        // sequence files
        put("SEMPTY", text("s-empty.json", ""));
        put("SBIN", bytes("s-binary.json", new byte[] {0, 1, 2, 3, (byte) 0x9f, (byte) 0xff}));
        put("STRUNC", text("s-truncated.json", sq.substring(0, sq.length() / 2)));
        put("SFORMAT", text("s-format.json", sq.replace("sequence/v1", "sequence/v2")));
        put("SNOINPUTS", text("s-noinputs.json", "{\"format\": \"lstm-repro/sequence/v1\", \"targets\": [[1, 2]]}"));
        put("SEMPTYIN", text("s-emptyinputs.json", "{\"format\": \"lstm-repro/sequence/v1\", \"inputs\": [], \"targets\": []}"));
        put("SRAGGED", text("s-ragged.json",
                "{\"format\": \"lstm-repro/sequence/v1\", \"inputs\": [[1, 2], [3]], \"targets\": [null, [1, 2]]}"));
        put("SNAN", text("s-nan.json",
                "{\"format\": \"lstm-repro/sequence/v1\", \"inputs\": [[1, NaN]], \"targets\": [[1, 2]]}"));
        put("SSTRING", text("s-string.json",
                "{\"format\": \"lstm-repro/sequence/v1\", \"inputs\": [[1, \"2\"]], \"targets\": [[1, 2]]}"));
        put("SNOTARGET", text("s-notarget.json",
                "{\"format\": \"lstm-repro/sequence/v1\", \"inputs\": [[1, 2]], \"targets\": [null]}"));
        put("SWIDE", text("s-wide.json",
                "{\"format\": \"lstm-repro/sequence/v1\", \"inputs\": [[1, 2, 3]], \"targets\": [[1, 2]]}"));
        put("SOUT", text("s-outputs.json",
                "{\"format\": \"lstm-repro/sequence/v1\", \"inputs\": [[1, 2]], \"targets\": [[1, 2, 3]]}"));
        put("SARRAY", text("s-array.json", "[[1, 2]]"));
        put("SLINES", text("s-lines.jsonl", SequenceFile.toJsonLine(sequence(2, 2, 6, false, 1)) + "\n{broken\n"));
        // model configs for --init-seed
        put("CEMPTY", text("c-empty.json", ""));
        put("CNOMODEL", text("c-nomodel.json", "{\"config\": {\"inputSize\": 2}}"));
        put("CUNKNOWN", modelFile(dir, "c-unknown.json", "lstm", map("inputSize", 2)));
        put("CMISSING", modelFile(dir, "c-missing.json", "rnn", map("inputSize", 2, "outputSize", 2)));
        put("CZERO", modelFile(dir, "c-zero.json", "rnn", map("inputSize", 2, "hiddenSize", 0, "outputSize", 2)));
        put("CHUGE", modelFile(dir, "c-huge.json", "rnn", map("inputSize", 2, "hiddenSize", 2000000000, "outputSize", 2)));
        put("CEXTRA", modelFile(dir, "c-extra.json", "gru", map("inputSize", 2, "hiddenSize", 3, "outputSize", 2, "colour", "red")));
        put("CACT", modelFile(dir, "c-act.json", "rnn", map("inputSize", 2, "hiddenSize", 3, "outputSize", 2,
                "outputActivation", "relu")));
        put("CGRU", modelFile(dir, "c-gru.json", "gru", map("inputSize", 2, "hiddenSize", 3, "outputSize", 2)));
        put("CRNN", modelFile(dir, "c-rnn.json", "rnn", map("inputSize", 2, "hiddenSize", 3, "outputSize", 2)));

        for (Map.Entry<String, String> e : experiments().entrySet()) {
            put("X_" + e.getKey(), text("x-" + e.getKey() + ".yaml", e.getValue()));
        }
        put("X_BINARY", bytes("x-binary.yaml", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F',
            (byte) 0x80, (byte) 0x81, (byte) 0xfe}));
    }

    /** Experiment files, each {@link #VALID} with one thing broken. */
    static Map<String, String> experiments() {
        Map<String, String> x = new TreeMap<>();
        x.put("EMPTY", "");
        x.put("SCALAR", "just a string\n");
        x.put("LIST", "- 1\n- 2\n");
        x.put("NONAME", VALID.replace("name: h\n", ""));
        x.put("BADNAME", VALID.replace("name: h", "name: ../../etc"));
        x.put("UNKNOWNKEY", VALID + "colour: red\n");
        x.put("SEEDS0", VALID.replace("seeds: 1", "seeds: 0"));
        x.put("SEEDSNEG", VALID.replace("seeds: 1", "seeds: -4"));
        x.put("SEEDSTEXT", VALID.replace("seeds: 1", "seeds: many"));
        x.put("SEEDSHUGE", VALID.replace("seeds: 1", "seeds: 2000000000"));
        x.put("SEEDSFLOAT", VALID.replace("seeds: 1", "seeds: 1.5"));
        x.put("BUDGET0", VALID.replace("budget: 50", "budget: 0"));
        x.put("BUDGETNEG", VALID.replace("budget: 50", "budget: -50"));
        x.put("BUDGETTEXT", VALID.replace("budget: 50", "budget: lots"));
        x.put("NOTASKS", VALID.replace("tasks:\n  - id: adding\n    settings: {length: 22}\n", ""));
        x.put("TASKSEMPTY", VALID.replace("tasks:\n  - id: adding\n    settings: {length: 22}\n", "tasks: []\n"));
        x.put("TASKSSCALAR", VALID.replace("tasks:\n  - id: adding\n    settings: {length: 22}\n", "tasks: 5\n"));
        x.put("TASKUNKNOWN", VALID.replace("id: adding", "id: subtracting"));
        x.put("TASKNOID", VALID.replace("  - id: adding\n    settings", "  - settings"));
        x.put("TASKSETTING", VALID.replace("{length: 22}", "{lenght: 22}"));
        x.put("TASKLENGTH", VALID.replace("{length: 22}", "{length: -1}"));
        x.put("TASKLENGTH0", VALID.replace("{length: 22}", "{length: 0}"));
        x.put("TASKLENGTHTEXT", VALID.replace("{length: 22}", "{length: long}"));
        x.put("TASKLENGTHHUGE", VALID.replace("{length: 22}", "{length: 99999999999}"));
        x.put("TASKKEY", VALID.replace("    settings: {length: 22}", "    setings: {length: 22}"));
        x.put("NOMODELS", VALID.replace("models:\n  - model: rnn\n", ""));
        x.put("MODELSEMPTY", VALID.replace("models:\n  - model: rnn\n", "models: []\n"));
        x.put("MODELUNKNOWN", VALID.replace("model: rnn", "model: transformer"));
        x.put("MODELVARIANT", VALID.replace("model: rnn", "model: vanilla:XYZ"));
        x.put("MODELKEY", VALID + "    colour: red\n");
        x.put("MODELRULE", VALID + "    rule: truncated1997\n");
        x.put("MODELRULEBAD", VALID + "    rule: backprop\n");
        x.put("MODELTBPTT", VALID + "    rule: tbptt:0,5\n");
        x.put("MODELOPT", VALID + "    optimizer: adagrad\n");
        x.put("MODELMOMENTUM", VALID + "    optimizer: momentum:abc\n");
        x.put("MODELSCHEDULE", VALID + "    schedule: weekly\n");
        x.put("MODELBATCH0", VALID + "    schedule: batch:0\n");
        x.put("MODELCLIP", VALID + "    clipping: norm:-1\n");
        x.put("MODELOPTION", VALID + "    options: {hiddenSize: 0}\n");
        x.put("MODELOPTIONKEY", VALID + "    options: {hidenSize: 8}\n");
        x.put("MODELHUGE", VALID + "    options: {hiddenSize: 2e9}\n");
        x.put("MODELHUGEINT", VALID + "    options: {hiddenSize: 2000000000}\n");
        x.put("MODELACT", VALID + "    options: {outputActivation: relu}\n");
        x.put("MODELINIT", VALID + "    options: {weightInit: \"cauchy:1\"}\n");
        x.put("MODELDCLIP", VALID + "    options: {derivativeClip: -1}\n");
        x.put("MODELLR", VALID + "    hyperparameters: {learningRate: fast}\n");
        x.put("MODELLRNEG", VALID + "    hyperparameters: {learningRate: -0.1}\n");
        x.put("MODELLRDIST", VALID + "    hyperparameters: {learningRate: {logUniform: [1.0, 0.001]}}\n");
        x.put("MODELHYPER", VALID + "    hyperparameters: {colour: 0.9}\n");
        x.put("MODELDUP", VALID + "  - model: rnn\n");
        x.put("YAMLSYNTAX", VALID.replace("settings: {length: 22}", "settings: {length: 22"));
        x.put("YAMLTAB", VALID.replace("  - model: rnn", "\t- model: rnn"));
        x.put("SECONDDOC", VALID + "---\nname: other\n");
        x.put("JSONSYNTAX", "{\"name\": \"h\", \"seeds\": 1,,}");
        x.put("JSONTRAIL", "{\"name\": \"h\", \"seeds\": 1, \"budget\": 50, \"tasks\": [{\"id\": \"adding\"}],"
                + " \"models\": [{\"model\": \"rnn\"}]} trailing garbage");
        x.put("NULLS", "name: h\nseeds: null\ntasks: null\nmodels: null\n");
        x.put("DEEP", "a: " + "[".repeat(3000) + "]".repeat(3000) + "\n");
        return x;
    }

    static Stream<Arguments> cases() {
        List<String> c = new ArrayList<>();
        // --- the command line itself
        c.addAll(List.of(
                "frobnicate", "--frobnicate", "train", "train --model rnn", "train --task adding",
                "tasks extra", "report", "merge", "merge $FRESH", "sample", "slurm-script quick"));
        // --- train: every option given a bad value (cheap budgets, so a case accepted by mistake ends fast)
        String t = "train --max-sequences 20 --quiet --model rnn --task adding --length 22 ";
        String t97 = "train --max-sequences 20 --quiet --model original1997 --task adding --length 22 ";
        String tv = "train --max-sequences 20 --quiet --model vanilla --task adding --length 22 ";
        c.addAll(List.of(
                "train --max-sequences 20 --model nosuch --task adding",
                "train --max-sequences 20 --model rnn --task nosuch",
                "train --max-sequences 20 --model vanilla:XYZ --task adding",
                "train --max-sequences 20 --model vanilla: --task adding",
                "train --max-sequences 20 --model RNN! --task adding",
                t + "--seed abc", t + "--seed 1.5", t + "--seed", t + "--lr abc", t + "--lr -1", t + "--lr NaN",
                t + "--lr Infinity", t + "--lr 0", t + "--hidden 0", t + "--hidden -3", t + "--hidden abc",
                t + "--max-sequences 0", t + "--max-sequences -5",
                t + "--max-sequences 1e99", t + "--stop-error -1", t + "--stop-error NaN", t + "--stop-window 0",
                t + "--stop-window -2", t + "--test-seed x", t + "--rule nosuch", t + "--rule tbptt:0,1",
                t + "--rule tbptt:a,b", t + "--rule tbptt:5", t + "--rule truncated1997",
                t + "--optimizer nosuch", t + "--optimizer momentum:x", t + "--optimizer adam:1,2,3,4,5",
                t + "--optimizer momentum:1.5", t + "--optimizer nesterov:-1", t + "--schedule nosuch",
                t + "--schedule batch:0", t + "--schedule batch:x", t + "--clip nosuch", t + "--clip norm:-1",
                t + "--clip value:x", t + "--clip norm:", t + "--output-activation tanhx", t + "--init-range -1",
                t + "--init-range x", t + "--weight-init foo", t + "--weight-init uniform:-1",
                t + "--weight-init gaussian:x", t + "--recurrent-init foo", t + "--progress-seconds -1",
                t + "--length -1", t + "--length 0", t + "--length x", t + "--length 99999999999",
                t + "--set nosuch=1", t + "--set length", t + "--set firstPair=sometimes",
                t97 + "--timing later", t97 + "--timing", t97 + "--timing APPENDIX", t97 + "--blocks 0", t97 + "--cells 0", t97 + "--blocks -1", t97 + "--input-gate-bias a",
                t97 + "--input-gate-bias 1,2,3", t97 + "--output-gate-bias x", t97 + "--rule tbptt:0,0",
                tv + "--derivative-clip -1", tv + "--derivative-clip x", tv + "--forget-gate-bias x",
                t + "--save-params $NODIR", t + "--save-params $DIR", t + "--save-params $UNDERFILE",
                t + "--save-params",
                "train --max-sequences 20 --quiet --task multiplication --set nSeq=0",
                "train --max-sequences 20 --quiet --task multiplication --set nSeq=2001",
                "train --max-sequences 20 --quiet --task multiplication --set nSeq=x",
                "train --max-sequences 20 --quiet --task multiplication --set firstPair=zero",
                "train --max-sequences 20 --quiet --task multiplication --stop-window 100",
                "train --max-sequences 20 --quiet --task long-lag-2c --set q=5 --set p=5 --set criterion=mean"));
        // --- sample
        c.addAll(List.of("sample nosuch", "sample adding --length -1", "sample adding --length 0",
                "sample adding --count -1", "sample adding --seed x",
                "sample adding --set colour=red", "sample adding --count x"));
        // --- gradient: parameter files, sequence files, configs, rules and outputs
        String g = "gradient --sequence $S --rule bptt --out $OUT --params ";
        for (String bad : List.of("$NONE", "$DIR", "$PEMPTY", "$PBIN", "$PTRUNC", "$PARRAY", "$PFORMAT", "$PNOFORMAT",
                "$PMODEL", "$PNAN", "$PSTRING", "$PNULL", "$PSHORT", "$PSHAPE", "$PNEG", "$PVARIANT", "$PTRAIL",
                "$PNOTENSORS", "$S")) {
            c.add(g + bad);
        }
        String gs = "gradient --params $P --rule bptt --out $OUT --sequence ";
        for (String bad : List.of("$NONE", "$DIR", "$SEMPTY", "$SBIN", "$STRUNC", "$SFORMAT", "$SNOINPUTS", "$SEMPTYIN",
                "$SRAGGED", "$SNAN", "$SSTRING", "$SWIDE", "$SOUT", "$SARRAY", "$P")) {
            c.add(gs + bad);
        }
        c.addAll(List.of(
                "gradient --params $P --sequence $SLINES --sequence-line 2 --rule bptt --out $OUT",
                "gradient --params $P --sequence $SLINES --sequence-line 0 --rule bptt --out $OUT",
                "gradient --params $P --sequence $SLINES --sequence-line 9 --rule bptt --out $OUT",
                "gradient --params $P --sequence $S --rule nosuch --out $OUT",
                "gradient --init-seed 1 --config $CGRU --sequence $S --rule truncated1997 --out $OUT",
                "gradient --params $P --sequence $S --rule tbptt:0,3 --out $OUT",
                "gradient --params $P --sequence $S --rule bptt --out $NODIR",
                "gradient --params $P --sequence $S --rule bptt --out $DIR",
                "gradient --params $P --sequence $S --rule bptt --out $UNDERFILE",
                "gradient --params $P --sequence $S --rule bptt --out $P",
                "gradient --init-seed 1 --config $C --write-params $DIR",
                "gradient --init-seed 1 --config $C --write-params $NODIR",
                "gradient --init-seed x --config $C --write-params $W",
                "gradient --init-seed 1 --config $NONE --write-params $W",
                "gradient --init-seed 1 --config $CEMPTY --write-params $W",
                "gradient --init-seed 1 --config $CNOMODEL --write-params $W",
                "gradient --init-seed 1 --config $CUNKNOWN --write-params $W",
                "gradient --init-seed 1 --config $CMISSING --write-params $W",
                "gradient --init-seed 1 --config $CZERO --write-params $W",
                "gradient --init-seed 1 --config $CEXTRA --write-params $W",
                "gradient --init-seed 1 --config $CACT --write-params $W",
                "gradient --init-seed 1 --config $CRNN --sequence $S --rule truncated1997 --out $OUT",
                "gradient --params $P"));
        // --- report and merge: the precious store is never touched
        c.addAll(List.of("report $NONE", "report $FILE", "report $EMPTYDIR", "report $CORRUPT", "report $TRIALSFILE",
                "merge $FILE $STORE", "merge $UNDERFILE $STORE", "merge $FRESH $NONE", "merge $FRESH $EMPTYDIR",
                "merge $FRESH $CORRUPT", "merge $STORE $CORRUPT"));
        // --- reproduce: options, then experiment files
        String r = "reproduce $X_VALID_REF ";
        c.addAll(List.of(
                "reproduce nosuch-preset", "reproduce $NONE", "reproduce $DIR",
                r + "--seeds 0 --out $STORE", r + "--seeds -1 --out $STORE", r + "--seeds x --out $STORE",
                r + "--workers 0 --out $STORE", r + "--workers -1 --out $STORE", r + "--shard 0/1 --out $STORE",
                r + "--shard 2/1 --out $STORE", r + "--shard x --out $STORE", r + "--shard 1/0 --out $STORE",
                r + "--out $FILE", r + "--out $UNDERFILE", r + "--out $TRIALSFILE",
                "reproduce gradient-flow --seeds 2 --out $FRESH",
                "reproduce gradient-flow --out $FILE"));
        for (String name : experiments().keySet()) {
            if (!REGISTRY_EXPERIMENTS.contains(name)) {
                c.add("reproduce $X_" + name + " --out $FRESH");
            }
        }
        // --- gradient-flow, bench, slurm-script
        c.addAll(List.of(
                "gradient-flow --model nosuch --out $FRESH", "gradient-flow --task nosuch --model rnn --out $FRESH",
                "gradient-flow --out $FRESH", "gradient-flow --compare --rule bptt --out $FRESH",
                "gradient-flow --model rnn --rule nosuch --out $FRESH", "gradient-flow --model rnn --out $FILE",
                "gradient-flow --model rnn --params $NONE --out $FRESH", "gradient-flow --model rnn --spectral-radius x",
                "gradient-flow --model rnn --sequences 0 --out $FRESH",
                "bench --suite nosuch", "bench --hidden 0", "bench --hidden x", "bench --batch 0", "bench --repetitions 0",
                "slurm-script quick --shards 0", "slurm-script quick --shards 2 --time soon",
                "slurm-script quick --shards 2 --cpus 0", "slurm-script $NONE --shards 2"));
        return c.stream().map(Arguments::of);
    }

    /**
     * Experiment files whose parsing issue 12 (one typed schema for every option, strict binding) rewrote:
     * checked by {@link #registryCases()}.
     */
    static final java.util.Set<String> REGISTRY_EXPERIMENTS = java.util.Set.of("SEEDSHUGE", "SECONDDOC", "JSONTRAIL",
            "MODELHUGE", "MODELHUGEINT", "BINARY");

    /**
     * The bad inputs of issue 11 that live in option and experiment parsing, which issue 12 rewrote: an
     * unbounded seed count (once an OutOfMemoryError after a minute), binary garbage, a second YAML
     * document, trailing JSON garbage, a directory named like an experiment file, and hidden sizes that
     * overflowed. Kept apart, each with a time limit, so that a regression there cannot hang the suite.
     */
    static Stream<Arguments> registryCases() {
        String t = "train --max-sequences 20 --quiet --task adding --length 22 ";
        List<String> c = new ArrayList<>(List.of(
                "reproduce quick --seeds 999999999 --list",
                "reproduce $DYAML",
                t + "--model rnn --hidden 2000000000",
                t + "--model vanilla --hidden 2000000000",
                t + "--model gru --hidden 2000000000",
                "gradient --init-seed 1 --config $CHUGE --write-params $W",
                "gradient --sequence $S --rule bptt --out $OUT --params $PHUGE"));
        REGISTRY_EXPERIMENTS.stream().sorted().forEach(name -> c.add("reproduce $X_" + name + " --list"));
        return c.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registryCases")
    @org.junit.jupiter.api.Timeout(60)
    void parsingCasesAreOneLineWithStatusTwoToo(String argLine) throws IOException {
        isOneLineWithStatusTwoAndLosesNothing(argLine);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @org.junit.jupiter.api.Timeout(60)
    void isOneLineWithStatusTwoAndLosesNothing(String argLine) throws IOException {
        TRIED.incrementAndGet();
        byte[] paramsBefore = Files.readAllBytes(Path.of(FILES.get("P")));
        String[] args = Arrays.stream(argLine.trim().split(" +")).map(HostileInputTest::resolve).toArray(String[]::new);
        CliRun run = CliRun.of(args);
        boolean lost = !snapshot(Path.of(FILES.get("STORE"))).equals(storeBefore)
                || !Arrays.equals(Files.readAllBytes(Path.of(FILES.get("P"))), paramsBefore);
        if (lost) {
            DATA_LOST.incrementAndGet();
        }
        boolean wrote = Files.deleteIfExists(Path.of(FILES.get("OUT"))) | Files.deleteIfExists(Path.of(FILES.get("W")));
        boolean ok = run.status() == Main.EXIT_USAGE && run.errLines().size() == 1 && !wrote;
        if (ok) {
            ONE_LINE_EXIT_2.incrementAndGet();
        } else {
            FAILED.add(argLine + " -> " + run.status() + ": " + run.err().replace('\n', '|'));
        }
        assertThat(lost).as("the store and the parameter file are unchanged").isFalse();
        assertThat(run.status()).as(run.err()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.errLines()).as(run.err()).hasSize(1);
        assertThat(run.err()).startsWith("lstm-repro").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("internal error");
        assertThat(run.out()).isEmpty();
        assertThat(wrote).as("a gradient or parameter file was written").isFalse();
    }

    /** The other side of the truncated1997 cases: the models the docs list for it accept it. */
    @org.junit.jupiter.api.Test
    void truncated1997IsAcceptedWhereTheDocsSaySo() throws IOException {
        for (String config : List.of("$C", "$C97")) {
            Path out = dir.resolve("t1997-" + config.substring(1) + ".json");
            String[] args = {"gradient", "--init-seed", "1", "--config", resolve(config), "--write-params",
                dir.resolve("t1997-params-" + config.substring(1) + ".json").toString(), "--sequence", resolve("$S"),
                "--rule", "truncated1997", "--out", out.toString()};
            CliRun run = CliRun.of(args);
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).contains("\"rule\":\"truncated1997\"");
            assertThat(Files.readString(out)).contains("\"rule\": \"truncated1997\"");
        }
    }

    @AfterAll
    static void tally() {
        System.out.printf("hostile inputs: %d tried, %d exit 2 with one line, %d with data lost%n", TRIED.get(),
                ONE_LINE_EXIT_2.get(), DATA_LOST.get());
        FAILED.forEach(f -> System.out.println("  not one line with status 2: " + f));
    }

    private static String resolve(String token) {
        if (token.equals("$X_VALID_REF")) {
            return FILES.computeIfAbsent("X_VALID", k -> text("x-valid.yaml", VALID).toString());
        }
        return token.startsWith("$") ? FILES.get(token.substring(1)) : token;
    }

    /** Every file under {@code root} with its bytes (but the informative lock file). */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.endsWith(StoreLock.FILE)).toList()) {
                files.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private static void put(String name, Path file) {
        FILES.put(name, file.toString());
    }

    private static Path text(String name, String content) {
        return bytes(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static Path bytes(String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
