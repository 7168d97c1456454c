package org.lstmrepro.reports.render;

/**
 * A trial record's model label, {@code family[:VARIANT][/rule...]}, e.g.
 * {@code original1997/truncated1997} or {@code vanilla:NIG/bptt}, split so a report can pair each
 * vanilla variant with vanilla under the same rule and match the 1997 results.
 *
 * @param text    the label as stored
 * @param family  e.g. {@code original1997}, {@code vanilla}
 * @param variant the vanilla variant (e.g. {@code NIG}), or null for plain vanilla and other families
 * @param rest    what follows the first {@code /} (the rule, and anything after it), or "" when none
 */
record ModelLabel(String text, String family, String variant, String rest) {

    static final String VANILLA = "vanilla";

    static ModelLabel parse(String text) {
        int slash = text.indexOf('/');
        String model = slash < 0 ? text : text.substring(0, slash);
        String rest = slash < 0 ? "" : text.substring(slash + 1);
        int colon = model.indexOf(':');
        if (colon < 0) {
            return new ModelLabel(text, model, null, rest);
        }
        String variant = model.substring(colon + 1);
        return new ModelLabel(text, model.substring(0, colon), variant.equals(VANILLA) ? null : variant, rest);
    }

    /** The learning rule: the first part after the model, or "" when the label names none. */
    String rule() {
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    boolean isVanillaVariant() {
        return family.equals(VANILLA) && variant != null;
    }

    /** The label of plain vanilla with everything else (rule, ...) as in this label. */
    String vanillaBaseline() {
        return rest.isEmpty() ? VANILLA : VANILLA + "/" + rest;
    }
}
