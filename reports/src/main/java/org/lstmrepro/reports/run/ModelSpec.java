package org.lstmrepro.reports.run;

import java.util.Locale;

/**
 * What {@code --model} names: a family of {@link ModelRegistry} and, for a family with variants, one
 * of them ({@code vanilla:NFG}; {@code vanilla} alone is the family's first variant).
 *
 * @param family  the family's id (the model id of the interchange spec)
 * @param variant the variant's id, or null for a family without variants
 */
public record ModelSpec(String family, String variant) {

    /** Parses {@code family[:VARIANT]}; errors name the known models. */
    public static ModelSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a model is needed (" + ModelRegistry.usage() + ")");
        }
        String[] parts = text.trim().split(":", -1);
        ModelFamily family = ModelRegistry.find(parts[0].toLowerCase(Locale.ROOT));
        if (parts.length > 2) {
            throw new IllegalArgumentException("model '" + text + "': expected family[:VARIANT]");
        }
        if (family.variants().isEmpty()) {
            if (parts.length == 2) {
                throw new IllegalArgumentException("model '" + family.id() + "' has no variants (" + withVariants() + ")");
            }
            return new ModelSpec(family.id(), null);
        }
        if (parts.length == 1) {
            return new ModelSpec(family.id(), family.variants().get(0));
        }
        for (String v : family.variants()) {
            if (v.equalsIgnoreCase(parts[1])) {
                return new ModelSpec(family.id(), v);
            }
        }
        throw new IllegalArgumentException("unknown " + family.id() + " variant '" + parts[1] + "' (known: "
                + String.join(", ", family.variants()) + ")");
    }

    /**
     * Builds the network for {@code task}: the family's defaults (the paper's preset where there is
     * one) with {@code options} on top, initialised from {@code init}.
     *
     * @throws IllegalArgumentException for an option the family does not take, or one that does not fit
     */
    public BuiltModel build(org.lstmrepro.tasks.Task task, ModelOptions options, org.lstmrepro.core.random.RandomStream init) {
        ModelFamily f = modelFamily();
        for (ModelOption<?> o : options.options().values()) {
            f.requireOption(o, o.names());
        }
        return f.build(variant, task, options, init);
    }

    /** The family this spec names. */
    public ModelFamily modelFamily() {
        return ModelRegistry.find(family);
    }

    private static String withVariants() {
        StringBuilder s = new StringBuilder();
        for (ModelFamily f : ModelRegistry.all()) {
            if (!f.variants().isEmpty()) {
                s.append(s.length() == 0 ? "only " : "; ").append(f.id()).append(" has: ").append(String.join(", ", f.variants()));
            }
        }
        return s.length() == 0 ? "no model has variants" : s.toString();
    }

    @Override
    public String toString() {
        return variant == null || variant.equals(modelFamily().variants().get(0)) ? family : family + ":" + variant;
    }
}
