package org.lstmrepro.original;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network settings of the paper's experiments (Hochreiter and Schmidhuber 1997, section 5), by
 * name. All use the paper's topology ({@link Lstm1997Config#of}), logistic output units and initial
 * weights in [-0.1, 0.1].
 *
 * <p>The embedded Reber grammar (experiment 1) is not here: our spec does not pin its architecture
 * (several variants in the paper) well enough yet.
 */
public final class Presets1997 {

    private static final Map<String, Preset1997> PRESETS = new LinkedHashMap<>();

    static {
        add(new Preset1997("adding",
                Lstm1997Config.of(2, 2, 2, 1).withInputGateBiases(-3.0, -6.0),
                0.5, "section 5.4 (experiment 4, adding problem): 93 weights; output-gate biases drawn"));
        add(new Preset1997("multiplication",
                Lstm1997Config.of(2, 2, 2, 1),
                0.1, "section 5.5 (experiment 5, multiplication): as the adding problem's network, 93 weights, all"
                        + " weights including the biases in [-0.1, 0.1] (input- and output-gate biases drawn), lr 0.1"));
        add(new Preset1997("temporal-order-6a",
                Lstm1997Config.of(8, 2, 2, 4).withInputGateBiases(-2.0, -4.0).withOutputGateBiases(-2.0, -4.0),
                0.5, "section 5.6 (experiment 6a, temporal order): 156 weights; output-gate biases -2, -4 as in our"
                        + " spec's reading check"));
        add(new Preset1997("temporal-order-6b",
                Lstm1997Config.of(8, 3, 2, 8).withInputGateBiases(-2.0, -4.0, -6.0)
                        .withOutputGateBiases(-2.0, -4.0, -6.0),
                0.1, "section 5.6 (experiment 6b, temporal order): 308 weights; output-gate biases -2, -4, -6 by"
                        + " analogy with 6a"));
        // The input size is the task's (p + 4); this config's is a placeholder for p = 100.
        add(new Preset1997("long-lag-2c",
                Lstm1997Config.of(104, 2, 1, 2).withInitRange(0.2),
                0.01, "section 5.2 (experiment 2c, very long lags without local regularities): 2 blocks of 1 cell,"
                        + " no biases (held at 0), weights in [-0.2, 0.2]; 6p + 64 trained weights",
                WeightGroups.parse(WeightGroups.Reading.NO_BIASES.id())));
    }

    private Presets1997() {
    }

    private static void add(Preset1997 p) {
        PRESETS.put(p.name(), p);
    }

    /** The names of all presets, in a fixed order. */
    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }

    /** The preset of that name; an error listing the known names if there is none. */
    public static Preset1997 get(String name) {
        Preset1997 p = PRESETS.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown 1997 preset '" + name + "' (known: "
                    + String.join(", ", PRESETS.keySet()) + ")");
        }
        return p;
    }
}
