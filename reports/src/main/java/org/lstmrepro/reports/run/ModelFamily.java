package org.lstmrepro.reports.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.tasks.Task;

/**
 * A family of models, declared in one place: its id (what {@code --model} and the {@code model} of a
 * parameter file name), its variants, the options it takes, how to build a network from options and a
 * task, and how to rebuild one from a parameter file's {@code config}. {@link ModelRegistry} lists the
 * families; every surface ({@code train} flags and {@code --help}, experiment files, trial keys,
 * parameter files, {@code gradient}) finds a family there, so adding a model is one class and one
 * registration.
 */
public interface ModelFamily {

    /** The id, e.g. {@code vanilla}: the {@code model} of a parameter file. */
    String id();

    /** One line for help texts, e.g. "the vanilla LSTM of Greff et al. (2015)". */
    String summary();

    /**
     * The variants, the first one the default (e.g. {@code vanilla, NIG, ...}); empty when the family
     * has none. {@code --model ID:VARIANT} names one.
     */
    default List<String> variants() {
        return List.of();
    }

    /** The options this family takes (each declared once, see {@link CommonOptions}). */
    List<ModelOption<?>> options();

    /**
     * A network for {@code task}, initialised from {@code init}, with the defaults of the family (the
     * paper's preset where there is one) for every option not set.
     *
     * @param variant one of {@link #variants()}, or null when the family has none
     * @throws IllegalArgumentException naming the option that does not fit
     */
    BuiltModel build(String variant, Task task, ModelOptions options, RandomStream init);

    /**
     * The network a parameter file's {@code config} describes, initialised from {@code init} exactly as
     * {@link #build} draws it, and its config in canonical form (every key, defaults filled in).
     *
     * @param source the file, for messages
     * @throws org.lstmrepro.core.io.InterchangeFormatException naming the file and the key
     */
    ConfiguredModel fromConfig(Map<String, ?> config, String source, RandomStream init);

    /**
     * The floating-point work of training {@code network} (one this family built) with the family's
     * default learning rule, counted from the loops of the code that does it ({@link FlopCount}); empty
     * for a family whose work nobody has counted. The benchmarks divide their timings by it.
     */
    default Optional<FlopCount> flopCount(RecurrentNetwork network) {
        return Optional.empty();
    }

    /**
     * The option {@code name} (its key, or its flag) names.
     *
     * @throws IllegalArgumentException when this family takes no such option, listing its options in
     *                                  the same form (flags for a flag, keys for a key)
     */
    default ModelOption<?> option(String name) {
        for (ModelOption<?> o : options()) {
            if (o.key().equals(name) || o.flag().equals(name)) {
                return o;
            }
        }
        throw notAnOption(name);
    }

    /** Refuses an option this family does not take; the message names it as {@code name}. */
    default void requireOption(ModelOption<?> option, String name) {
        if (!options().contains(option)) {
            throw notAnOption(name);
        }
    }

    private IllegalArgumentException notAnOption(String name) {
        boolean flag = name.startsWith("--");
        return new IllegalArgumentException(name + " is not an option of model " + id() + " (its options: "
                + String.join(", ", options().stream().map(o -> flag ? o.flag() : o.key()).toList()) + ")");
    }

    /** How {@code --help} and error messages name the family: {@code vanilla[:VARIANT]} when it has variants. */
    default String usage() {
        return variants().isEmpty() ? id() : id() + "[:VARIANT]";
    }
}
