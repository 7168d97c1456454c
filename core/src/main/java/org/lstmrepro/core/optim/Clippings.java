package org.lstmrepro.core.optim;

import org.lstmrepro.core.NameArgs;

/** Builds a {@link GradientClipping} from its command-line form. */
public final class Clippings {

    /** The accepted forms, for help texts. */
    public static final String FORMS = "none | norm:THRESHOLD | value:LIMIT";

    private Clippings() {
    }

    /**
     * Parses one of {@value #FORMS}: no clipping, {@link GlobalNormClipping} or
     * {@link ValueClipping}. Names are case-insensitive.
     *
     * @param includeOutputLayer whether output-layer gradients are clipped too (ignored for none)
     * @throws IllegalArgumentException naming the spec and what is wrong with it
     */
    public static GradientClipping parse(String spec, boolean includeOutputLayer) {
        NameArgs s = NameArgs.parse("clipping", spec);
        switch (s.name()) {
            case "none" -> {
                s.requireArgs(0, 0, "none");
                return GradientClipping.NONE;
            }
            case "norm" -> {
                s.requireArgs(1, 1, "norm:THRESHOLD, e.g. norm:1.0");
                return s.build(() -> new GlobalNormClipping(s.arg(0), includeOutputLayer));
            }
            case "value" -> {
                s.requireArgs(1, 1, "value:LIMIT, e.g. value:5");
                return s.build(() -> new ValueClipping(s.arg(0), includeOutputLayer));
            }
            default -> throw s.unknown(FORMS);
        }
    }
}
