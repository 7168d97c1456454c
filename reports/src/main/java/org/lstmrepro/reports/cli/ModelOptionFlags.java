package org.lstmrepro.reports.cli;

import java.util.List;
import java.util.stream.Collectors;

import org.lstmrepro.reports.run.ModelFamily;
import org.lstmrepro.reports.run.ModelOption;
import org.lstmrepro.reports.run.ModelOptions;
import org.lstmrepro.reports.run.ModelRegistry;
import org.lstmrepro.reports.run.ModelSpec;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code train} flags of the model options, derived from {@link ModelRegistry}: one flag per
 * declared {@link ModelOption}, with its type, its documentation, the models that take it and its
 * default; and the {@code --model} description listing the registered models.
 */
final class ModelOptionFlags {

    /** The flag before which the model options are listed in {@code --help}. */
    private static final String BEFORE = "--save-params";

    private ModelOptionFlags() {
    }

    /** Adds the model options' flags to {@code train}'s spec, before {@value #BEFORE}. */
    static void addTo(CommandSpec spec) {
        List<OptionSpec> declared = List.copyOf(spec.options());
        declared.forEach(spec::remove);
        for (OptionSpec o : declared) {
            if (o.longestName().equals(BEFORE)) {
                ModelRegistry.options().forEach(option -> spec.addOption(flag(option)));
            }
            spec.addOption(o.longestName().equals("--model") ? withModels(o) : o);
        }
    }

    /** The options the flags of a parsed {@code train} command set, checked against {@code model}'s family. */
    static ModelOptions values(CommandSpec spec, String model) {
        ModelFamily family = ModelSpec.parse(model).modelFamily();
        ModelOptions out = ModelOptions.DEFAULTS;
        for (ModelOption<?> option : ModelRegistry.options()) {
            Object value = spec.findOption(option.flag()).getValue();
            if (value != null) {
                family.requireOption(option, option.flag());
                out = out.with(option, value, option.flag());
            }
        }
        return out;
    }

    private static OptionSpec flag(ModelOption<?> option) {
        String models = ModelRegistry.familiesTaking(option).stream().map(ModelFamily::id).collect(Collectors.joining(", "));
        OptionSpec.Builder b = OptionSpec.builder(option.flag())
                .paramLabel(option.paramLabel())
                .type(option.type().cliType())
                .description(models + ": " + option.description() + " Default: " + option.defaultText() + ".");
        if (option.type().cliType() == double[].class) {
            b.splitRegex(",");
        }
        return b.build();
    }

    private static OptionSpec withModels(OptionSpec model) {
        String models = ModelRegistry.all().stream()
                .map(f -> f.variants().isEmpty() ? f.id()
                        : f.usage() + " (" + String.join(", ", f.variants().subList(1, f.variants().size())) + ")")
                .collect(Collectors.joining(", "));
        return OptionSpec.builder(model).description(models + ".").build();
    }
}
