package org.lstmrepro.reports.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Every model family by id: the built-in ones ({@code original1997}, {@code vanilla}, {@code rnn},
 * {@code gru}) and any other {@link ModelFamily} on the class path listed in a
 * {@code META-INF/services/org.lstmrepro.reports.run.ModelFamily} file (one line per family). Adding a
 * model is one class and one registration; everything that names models (the {@code train} flags and
 * help, experiment files, trial keys, parameter files, {@code gradient}) finds it here.
 */
public final class ModelRegistry {

    private static final List<ModelFamily> BUILT_IN = List.of(new Original1997Family(), new VanillaFamily(),
            BaselineFamily.RNN, BaselineFamily.GRU);
    private static final List<ModelFamily> FAMILIES = load();
    private static final Map<String, ModelOption<?>> OPTIONS = options(FAMILIES);

    private ModelRegistry() {
    }

    /** Every family, built-in ones first, in a fixed order. */
    public static List<ModelFamily> all() {
        return FAMILIES;
    }

    /** The families this project ships (without plug-ins): what its documentation describes. */
    public static List<ModelFamily> builtIn() {
        return BUILT_IN;
    }

    /**
     * The options of {@code families} as a Markdown table (key, allowed values, models, meaning and
     * default): the table of {@code docs/experiments.md}, generated from the declarations.
     */
    public static String optionsTable(List<ModelFamily> families) {
        StringBuilder s = new StringBuilder("| key | values | models | meaning |\n| --- | --- | --- | --- |\n");
        for (ModelOption<?> o : options(families).values()) {
            String models = families.stream().filter(f -> f.options().contains(o)).map(ModelFamily::id)
                    .collect(Collectors.joining(", "));
            s.append("| `").append(o.key()).append("` | ").append(o.type().allowed()).append(" | ").append(models)
                    .append(" | ").append(o.description()).append(" Default: ").append(o.defaultText()).append(". |\n");
        }
        return s.toString();
    }

    /**
     * The family {@code id} names.
     *
     * @throws IllegalArgumentException for an unknown id, listing the known models
     */
    public static ModelFamily find(String id) {
        for (ModelFamily f : FAMILIES) {
            if (f.id().equalsIgnoreCase(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown model '" + id + "' (known: " + usage() + ")");
    }

    /** The models as {@code --model} takes them: {@code original1997, vanilla[:VARIANT], rnn, gru}. */
    public static String usage() {
        return FAMILIES.stream().map(ModelFamily::usage).collect(Collectors.joining(", "));
    }

    /** The ids: {@code original1997, vanilla, rnn, gru}. */
    public static String ids() {
        return FAMILIES.stream().map(ModelFamily::id).collect(Collectors.joining(", "));
    }

    /** Every family's options, each once, in the order the families declare them. */
    public static Collection<ModelOption<?>> options() {
        return OPTIONS.values();
    }

    /** The families that take {@code option}. */
    public static List<ModelFamily> familiesTaking(ModelOption<?> option) {
        return FAMILIES.stream().filter(f -> f.options().contains(option)).toList();
    }

    private static List<ModelFamily> load() {
        List<ModelFamily> out = new ArrayList<>(BUILT_IN);
        for (ModelFamily f : ServiceLoader.load(ModelFamily.class)) {
            if (out.stream().anyMatch(g -> g.id().equalsIgnoreCase(f.id()))) {
                throw new IllegalStateException("two model families with id " + f.id());
            }
            out.add(f);
        }
        return List.copyOf(out);
    }

    /** Options by key; two families share an option only by sharing its declaration. */
    private static Map<String, ModelOption<?>> options(List<ModelFamily> families) {
        Map<String, ModelOption<?>> out = new LinkedHashMap<>();
        Map<String, ModelOption<?>> byFlag = new LinkedHashMap<>();
        for (ModelFamily f : families) {
            for (ModelOption<?> o : f.options()) {
                ModelOption<?> earlier = out.putIfAbsent(o.key(), o);
                ModelOption<?> earlierFlag = byFlag.putIfAbsent(o.flag(), o);
                if (earlier != null && earlier != o || earlierFlag != null && earlierFlag != o) {
                    throw new IllegalStateException("model option " + o.names() + " of " + f.id()
                            + " is declared twice: share one declaration");
                }
            }
        }
        return out;
    }
}
