package org.lstmrepro.reports.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.lstmrepro.reports.run.CommonOptions;
import org.lstmrepro.reports.run.ModelFamily;
import org.lstmrepro.reports.run.ModelOption;
import org.lstmrepro.reports.run.ModelOptions;
import org.lstmrepro.reports.run.ModelRegistry;
import org.lstmrepro.reports.run.ModelSpec;
import org.lstmrepro.reports.run.Trial;
import org.lstmrepro.reports.run.TrialSpec;
import org.lstmrepro.tasks.Task;
import org.lstmrepro.tasks.TaskRegistry;

/**
 * Property: every setting that changes a run is in the trial key, so a store never hands back the
 * record of another run (issue: a run with derivativeClip was reported as the unclipped one).
 * The settings are enumerated from their declarations, not listed here: every component of
 * {@link TrialSpec} and every option of every registered model family.
 */
class TrialKeyTest {

    private static final Task ADDING = TaskRegistry.create("adding", Map.of());

    private static TrialSpec base(String model) {
        return TrialSpec.defaults(model, "adding", Map.of(), 1);
    }

    private static String key(TrialSpec spec) {
        return TrialKey.of(TrialKey.canonical(spec, TaskRegistry.create(spec.task(), spec.taskSettings())));
    }

    /** One change to each component of TrialSpec; a component added to the record without one fails the test. */
    private static final Map<String, UnaryOperator<TrialSpec>> CHANGES = Map.ofEntries(
            Map.entry("model", s -> with(s, "model", "gru")),
            Map.entry("task", s -> with(s, "task", "temporal-order-6a")),
            Map.entry("taskSettings", s -> with(s, "taskSettings", Map.of("length", "50"))),
            Map.entry("rule", s -> s.withRule("tbptt:5,5")),
            Map.entry("optimizer", s -> with(s, "optimizer", "adam")),
            Map.entry("learningRate", s -> with(s, "learningRate", 0.3)),
            Map.entry("schedule", s -> with(s, "schedule", "batch:2")),
            Map.entry("clipping", s -> with(s, "clipping", "norm:1")),
            Map.entry("clipOutputLayer", s -> with(s, "clipOutputLayer", false)),
            Map.entry("maxSequences", s -> s.withMaxSequences(17)),
            Map.entry("stopError", s -> s.withStopping(0.5, null)),
            Map.entry("stopWindow", s -> s.withStopping(null, 30)),
            Map.entry("seed", s -> with(s, "seed", 2L)),
            Map.entry("testSeed", s -> with(s, "testSeed", 3L)),
            Map.entry("modelOptions", s -> with(s, "modelOptions",
                    s.modelOptions().with(CommonOptions.HIDDEN_SIZE, 3))),
            Map.entry("maxEpochs", s -> with(s, "maxEpochs", 20)),
            Map.entry("patience", s -> with(s, "patience", 4)),
            Map.entry("inputNoise", s -> with(s, "inputNoise", 0.5)),
            Map.entry("rescaleLearningRate", s -> with(s, "rescaleLearningRate", true)));

    @Test
    void everyComponentOfTheSpecChangesTheKey() {
        TrialSpec base = base("rnn");
        for (RecordComponent c : TrialSpec.class.getRecordComponents()) {
            assertThat(CHANGES).as("a change of TrialSpec." + c.getName() + " for this test").containsKey(c.getName());
            TrialSpec changed = CHANGES.get(c.getName()).apply(base);
            assertThat(changed).as(c.getName()).isNotEqualTo(base);
            assertThat(key(changed)).as("key after changing " + c.getName()).isNotEqualTo(key(base));
        }
    }

    @Test
    void everyOptionOfEveryFamilyChangesTheKeyAndWhatRuns() {
        List<String> checked = new ArrayList<>();
        for (ModelFamily family : ModelRegistry.all()) {
            String model = family.id();
            for (ModelOption<?> option : family.options()) {
                TrialSpec base = base(model);
                TrialSpec one = with(base, "modelOptions", set(ModelOptions.DEFAULTS, option, 1));
                TrialSpec two = with(base, "modelOptions", set(ModelOptions.DEFAULTS, option, 2));
                assertThat(key(one)).as(model + " " + option.key()).isNotEqualTo(key(base)).isNotEqualTo(key(two));
                // what ran: two different values of the option give different resolved settings (the network's
                // full config among them), and at most one of them is the default: the key tells apart runs
                // that differ
                Map<String, Object> ranBase = new Trial(base, Double.POSITIVE_INFINITY).settings();
                Map<String, Object> ranOne = new Trial(one, Double.POSITIVE_INFINITY).settings();
                Map<String, Object> ranTwo = new Trial(two, Double.POSITIVE_INFINITY).settings();
                assertThat(ranOne).as(model + " " + option.key()).isNotEqualTo(ranTwo);
                assertThat(ranOne.equals(ranBase) && ranTwo.equals(ranBase)).isFalse();
                checked.add(model + "." + option.key());
            }
        }
        assertThat(checked).contains("vanilla.derivativeClip", "vanilla.weightInit", "vanilla.recurrentInit",
                "rnn.weightInit", "gru.recurrentInit", "original1997.blocks");
    }

    /**
     * Keys of trials that set none of the options the key used to miss are the ones the key of before the
     * model registry wrote (expected values computed with that version, commit cfbde29): existing stores
     * stay valid.
     */
    @Test
    void theKeysOfEarlierVersionsAreKept() {
        TrialSpec plain = new TrialSpec("original1997", "adding", Map.of("length", "100"), null, null, null, null,
                "none", true, 3_000_000, null, null, 1, 1997, ModelOptions.DEFAULTS);
        assertThat(TrialKey.of(TrialKey.canonical(plain, ADDING))).isEqualTo("4963674c379c932d");
        ModelOptions o = ModelOptions.DEFAULTS.with(CommonOptions.HIDDEN_SIZE, 4).with(CommonOptions.INIT_RANGE, 0.2)
                .with(CommonOptions.INPUT_GATE_BIASES, List.of(-1.0)).with(CommonOptions.FORGET_GATE_BIAS, 1.0);
        TrialSpec everything = new TrialSpec("vanilla:NFG", "adding", Map.of("length", "100"), "tbptt:5,5", "adam", 0.3,
                "batch:2", "norm:1", false, 1000, 0.5, 30, 7, 1997, o);
        assertThat(TrialKey.of(TrialKey.canonical(everything, ADDING))).isEqualTo("e411af88559dd803");
    }

    /** The options with {@code option} set to its {@code n}-th example value (1 or 2; the two differ). */
    private static <T> ModelOptions set(ModelOptions o, ModelOption<T> option, int n) {
        T first = option.type().another(null);
        return o.with(option, n == 1 ? first : option.type().another(first));
    }

    /** The spec with one component replaced, by the record's canonical constructor. */
    private static TrialSpec with(TrialSpec s, String name, Object value) {
        RecordComponent[] cs = TrialSpec.class.getRecordComponents();
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        try {
            for (int i = 0; i < cs.length; i++) {
                types[i] = cs[i].getType();
                args[i] = cs[i].getName().equals(name) ? value : cs[i].getAccessor().invoke(s);
            }
            return TrialSpec.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void modelSpecsAreCanonicalInTheKey() {
        assertThat(ModelSpec.parse("VANILLA:nfg").toString()).isEqualTo("vanilla:NFG");
    }
}
