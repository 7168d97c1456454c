package org.lstmrepro.reports.run;

import java.util.List;
import java.util.Locale;

/**
 * What {@code --model} names: {@code original1997}, {@code vanilla} or {@code vanilla:VARIANT}
 * (NIG, NFG, NOG, NIAF, NOAF, NP, CIFG, FGR), {@code rnn}, {@code gru}.
 *
 * @param family  the model id of the interchange spec
 * @param variant the vanilla variant's id ({@code vanilla} when none is given), or null for other families
 */
public record ModelSpec(String family, String variant) {

    public static final String ORIGINAL_1997 = "original1997";
    public static final String VANILLA = "vanilla";
    public static final String RNN = "rnn";
    public static final String GRU = "gru";
    public static final List<String> FAMILIES = List.of(ORIGINAL_1997, VANILLA, RNN, GRU);
    public static final List<String> VARIANTS = List.of("vanilla", "NIG", "NFG", "NOG", "NIAF", "NOAF", "NP", "CIFG", "FGR");

    /** Parses {@code family[:VARIANT]}; errors name the known models. */
    public static ModelSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a model is needed (" + String.join(", ", FAMILIES) + ")");
        }
        String[] parts = text.trim().split(":", -1);
        String family = parts[0].toLowerCase(Locale.ROOT);
        if (!FAMILIES.contains(family)) {
            throw new IllegalArgumentException("unknown model '" + parts[0] + "' (known: original1997, vanilla[:VARIANT], rnn, gru)");
        }
        if (parts.length > 2) {
            throw new IllegalArgumentException("model '" + text + "': expected family[:VARIANT]");
        }
        if (!family.equals(VANILLA)) {
            if (parts.length == 2) {
                throw new IllegalArgumentException("model '" + family + "' has no variants (only vanilla does: "
                        + String.join(", ", VARIANTS) + ")");
            }
            return new ModelSpec(family, null);
        }
        if (parts.length == 1) {
            return new ModelSpec(VANILLA, "vanilla");
        }
        for (String v : VARIANTS) {
            if (v.equalsIgnoreCase(parts[1])) {
                return new ModelSpec(VANILLA, v);
            }
        }
        throw new IllegalArgumentException("unknown vanilla variant '" + parts[1] + "' (known: " + String.join(", ", VARIANTS) + ")");
    }

    @Override
    public String toString() {
        return variant == null || variant.equals("vanilla") ? family : family + ":" + variant;
    }
}
