package org.lstmrepro.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.random.RandomStream;

class TaskRegistryTest {

    static List<String> ids() {
        return TaskRegistry.all().stream().map(TaskFactory::id).toList();
    }

    @Test
    void listsEveryTaskOnce() {
        assertThat(ids()).containsExactly("adding", "adding-uniform", "multiplication", "temporal-order-6a", "temporal-order-6b",
                "long-lag-2c", "embedded-reber", "jsb-chorales");
        for (TaskFactory f : TaskRegistry.all()) {
            assertThat(f.description()).isNotBlank().doesNotContain("\n");
            assertThat(TaskRegistry.find(f.id())).isSameAs(f);
        }
    }

    @Test
    void aliasMakesTheCanonicalTask() {
        Task viaAlias = TaskRegistry.create("temporal-order", Map.of());
        assertThat(viaAlias.id()).isEqualTo("temporal-order-6a");
        assertThat(viaAlias.testSet(3)).isEqualTo(TaskRegistry.create("temporal-order-6a", Map.of()).testSet(3));
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        assertThatThrownBy(() -> TaskRegistry.find("x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown task 'x' (known: adding, adding-uniform, multiplication, temporal-order-6a, temporal-order-6b, "
                        + "long-lag-2c, embedded-reber, jsb-chorales; alias temporal-order = temporal-order-6a)");
    }

    @ParameterizedTest
    @MethodSource("ids")
    void generationIsDeterministicForAStream(String id) {
        Task task = TaskRegistry.create(id, Map.of());
        List<Sequence> a = draw(task, RandomStream.root(5).derive("g"), 10);
        assertThat(draw(TaskRegistry.create(id, Map.of()), RandomStream.root(5).derive("g"), 10)).isEqualTo(a);
        RandomStream stream = RandomStream.root(5).derive("g");
        draw(task, stream, 10);
        assertThat(draw(task, stream, 10)).as("the next draws differ").isNotEqualTo(a);
    }

    private static List<Sequence> draw(Task task, RandomStream rng, int count) {
        return java.util.stream.Stream.generate(() -> task.generate(rng)).limit(count).toList();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void testSetsDependOnlyOnSettingsAndSeed(String id) {
        Task task = TaskRegistry.create(id, Map.of());
        List<Sequence> set = task.testSet(7);
        assertThat(set).hasSize(task.testSetSize());
        assertThat(TaskRegistry.create(id, Map.of()).testSet(7)).isEqualTo(set);
        if (task.splits().isEmpty()) {
            assertThat(task.testSet(8)).isNotEqualTo(set);
        } else {
            assertThat(task.testSet(8)).as("a data set's test split does not depend on the seed").isEqualTo(set);
        }
        for (Sequence s : set) {
            assertThat(s.inputSize()).isEqualTo(task.inputSize());
            assertThat(s.targetSize()).isEqualTo(task.outputSize());
        }
        // the test set is not a few sequences repeated (short Reber strings do recur: BTBTXSETE has
        // probability 1/16, so only about 100 of its 256 strings are distinct)
        assertThat(set.stream().distinct().count()).isGreaterThan(set.size() / 4L);
    }

    @Test
    void testSetChangesWithTheSettings() {
        Map<String, String> longer = new HashMap<>();
        longer.put("length", "120");
        assertThat(TaskRegistry.create("adding", longer).testSet(7).get(0))
                .isNotEqualTo(TaskRegistry.create("adding", Map.of()).testSet(7).get(0));
    }

    @Test
    void taskSettingsParsesNumbersAndRefusesBadValues() {
        List<TaskParameter> params = List.of(new TaskParameter("rate", "0.5", "a rate"),
                new TaskParameter("n", "3", "a count"));
        TaskSettings given = TaskSettings.of("demo", params, Map.of("rate", " 0.25 "));
        assertThat(given.doubleValue("rate", 0, 1)).isCloseTo(0.25, within(0.0));
        assertThat(given.intValue("n", 1, 10)).as("default").isEqualTo(3);
        assertThat(given.given()).containsOnlyKeys("rate");
        assertThatThrownBy(() -> TaskSettings.of("demo", params, Map.of("rate", "NaN")).doubleValue("rate", 0, 1))
                .hasMessage("task demo: rate must be a number from 0.0 to 1.0, was NaN");
        assertThatThrownBy(() -> TaskSettings.of("demo", params, Map.of("rate", "")).doubleValue("rate", 0, 1))
                .hasMessage("task demo: rate must be a number from 0.0 to 1.0, was empty");
        assertThatThrownBy(() -> TaskSettings.of("demo", params, Map.of("n", "2.5")).intValue("n", 1, 10))
                .hasMessage("task demo: n must be an integer from 1 to 10, was 2.5");
        assertThatThrownBy(() -> TaskSettings.of("demo", params, Map.of("m", "1")))
                .hasMessage("task demo has no setting 'm' (settings: rate, n)");
    }
}
