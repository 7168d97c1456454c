package org.lstmrepro.original;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lstmrepro.core.param.Parameter;

/**
 * Groups of weights of a 1997 LSTM, named by the units they feed and the units they come from, each
 * with its own initial value and its own learning-rate factor: the instrument of the long-lag study
 * ({@code docs/reproduction.md}, "What the long lags depend on").
 *
 * <p>A group is {@code TARGET.SOURCE}. TARGET is a unit kind of the hidden layer ({@code cell},
 * {@code input_gate}, {@code output_gate}, {@code hidden}), {@code output}, or {@code all}. SOURCE is
 * {@code bias}, {@code input} (the input units), {@code cell}, {@code hidden}, {@code input_gate},
 * {@code output_gate}, {@code gates} (both gate kinds) or {@code all}. For example {@code cell.bias}
 * is the bias weight of every cell's net input, {@code cell.gates} the weights from the previous
 * step's gate activations y^in, y^out into the cells' net inputs (Hochreiter and Schmidhuber 1997,
 * section 4: {@code net_c(t) = sum_m w_cm y^m(t-1)}). Sources a target does not read select nothing.
 *
 * <p>Settings of a group: {@code init:V} sets every weight of the group to V after the initial draw
 * (the draw itself is unchanged, so every other weight keeps its value); {@code rate:F} multiplies the
 * group's gradient by F before every update ({@link Parameter#setGradientScale}): 0 freezes the group,
 * 1 is the default, for plain gradient descent F is the group's own learning-rate factor;
 * {@code trace:L} clips the 1997 truncated gradient's trace ds_c/dw of every weight of the group to
 * [-L, L] after every step (an ablation of the long-lag study, not the paper's rule: it bounds how far
 * one error at the end of a long sequence moves a weight whose source is on at every step). Traces
 * exist for the weights into the cells and the input gates only (appendix A), so {@code trace} needs
 * the target {@code cell} or {@code input_gate}, and the generic rule {@code TruncatedGradient1997}
 * (slower than the fused one, the same numbers) trains such a network.
 *
 * <p>Written form: parts separated by {@code ;}, each {@code GROUP=SETTING[,SETTING]} or the name of
 * a {@link Reading}, e.g. {@code cell.bias=init:0,rate:0;cell.gates=init:0,rate:0} or
 * {@code no-biases;no-constant-cell-sources}. Later parts override earlier ones where groups overlap.
 *
 * @param spec    the written form, normalised (the name of a reading stays its name)
 * @param entries the parsed entries, in order
 */
public record WeightGroups(String spec, List<Entry> entries) {

    /** Nothing changed: the paper's network as read (every weight drawn and trained alike). */
    public static final WeightGroups NONE = new WeightGroups("", List.of());

    private static final List<String> TARGETS = List.of("cell", "input_gate", "output_gate", "hidden", "output", "all");
    /** The targets whose weights the 1997 truncated gradient traces (appendix A), in traced-group order. */
    private static final List<String> TRACED_TARGETS = List.of("cell", "input_gate");
    private static final List<String> SOURCES =
            List.of("bias", "input", "cell", "hidden", "input_gate", "output_gate", "gates", "all");

    /**
     * Named readings of the paper's network: one place that names each and says what it is.
     */
    public enum Reading {
        /** The paper as read: nothing changed. */
        PAPER("paper", "", "the paper's network as read: every weight drawn in the initial range and trained"),
        /**
         * The cells' net inputs read neither the bias unit nor the gates' activations (those weights
         * held at 0); the gates keep all their sources. The lead of issue 8: it learns the long lags, faster
         * than the paper at T = 1000, but trains 20 fewer weights than the paper counts.
         */
        NO_CONSTANT_CELL_SOURCES("no-constant-cell-sources", "cell.bias=init:0,rate:0;cell.gates=init:0,rate:0",
                "the cells' bias and gate-activation weights (near-constant sources) held at 0, 20 of the adding"
                        + " net's 93 weights: fast at long lags but below the paper's weight count"),
        /**
         * The cells' near-constant sources (their bias weights and the weights from the gates'
         * activations) trained at a tenth of the learning rate; every weight is drawn and learns, so
         * the paper's weight count (93 for the adding net) holds. The reading that meets the paper's
         * adding results at T = 500 and 1000 (issue 8; {@code docs/reproduction.md}).
         */
        CONSTANT_SOURCES_SLOW("constant-sources-slow", "cell.bias=rate:0.1;cell.gates=rate:0.1",
                "the cells' bias and gate-activation weights (near-constant sources) learn at 1/10 of the rate;"
                        + " every weight is drawn and trained, as the paper's weight count says"),
        /** No bias weights anywhere (held at 0): Experiment 2c's "no biases". */
        NO_BIASES("no-biases", "all.bias=init:0,rate:0", "no unit has a bias (bias weights held at 0)");

        private final String id;
        private final String spec;
        private final String description;

        Reading(String id, String spec, String description) {
            this.id = id;
            this.spec = spec;
            this.description = description;
        }

        public String id() {
            return id;
        }

        /** The groups this reading sets, in the written form. */
        public String spec() {
            return spec;
        }

        public String description() {
            return description;
        }

        static Reading byId(String id) {
            for (Reading r : values()) {
                if (r.id.equals(id)) {
                    return r;
                }
            }
            return null;
        }
    }

    /**
     * One group and its settings.
     *
     * @param target the unit kind fed ({@link #TARGETS})
     * @param source the unit kind read ({@link #SOURCES})
     * @param init   the initial value of every weight in the group, or null to keep the drawn values
     * @param rate   the gradient factor, or null for 1
     * @param trace  the bound on each weight's trace (truncated1997), or null for none
     */
    public record Entry(String target, String source, Double init, Double rate, Double trace) {

        /** A group without a trace bound. */
        public Entry(String target, String source, Double init, Double rate) {
            this(target, source, init, rate, null);
        }
    }

    public WeightGroups {
        entries = List.copyOf(entries);
    }

    /** Whether nothing is changed. */
    public boolean isNone() {
        return entries.isEmpty();
    }

    /**
     * Parses the written form or the name of a {@link Reading}; null or blank gives {@link #NONE}.
     *
     * @throws IllegalArgumentException naming the part that is wrong and what is allowed
     */
    public static WeightGroups parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String trimmed = text.trim();
        List<Entry> entries = parseEntries(trimmed);
        return entries.isEmpty() ? NONE : new WeightGroups(trimmed, entries);
    }

    /** These groups, then {@code later}'s (which win where they overlap). */
    public WeightGroups and(WeightGroups later) {
        if (later.isNone()) {
            return this;
        }
        if (isNone()) {
            return later;
        }
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(later.entries);
        return new WeightGroups(spec + ";" + later.spec, all);
    }

    private static List<Entry> parseEntries(String text) {
        List<Entry> out = new ArrayList<>();
        for (String part : text.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            Reading reading = Reading.byId(p);
            if (reading != null) {
                if (reading != Reading.PAPER) {
                    out.addAll(parseEntries(reading.spec()));
                }
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("weight group '" + p + "' needs settings: GROUP=init:V,rate:F (or a"
                        + " reading: " + readingNames() + ")");
            }
            String group = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            int dot = group.indexOf('.');
            if (dot < 0) {
                throw new IllegalArgumentException("weight group '" + group + "' must be TARGET.SOURCE, e.g. cell.bias");
            }
            String target = group.substring(0, dot);
            String source = group.substring(dot + 1);
            if (!TARGETS.contains(target)) {
                throw new IllegalArgumentException("weight group '" + group + "': unknown target '" + target + "' (known: "
                        + String.join(", ", TARGETS) + ")");
            }
            if (!SOURCES.contains(source)) {
                throw new IllegalArgumentException("weight group '" + group + "': unknown source '" + source + "' (known: "
                        + String.join(", ", SOURCES) + ")");
            }
            Double init = null;
            Double rate = null;
            Double trace = null;
            for (String setting : p.substring(eq + 1).split(",")) {
                String s = setting.trim();
                int colon = s.indexOf(':');
                String key = colon < 0 ? s : s.substring(0, colon).trim();
                String value = colon < 0 ? "" : s.substring(colon + 1).trim();
                double v = number(group, key, value);
                switch (key) {
                    case "init" -> init = v;
                    case "rate" -> rate = v;
                    case "trace" -> trace = traceLimit(group, target, v);
                    default -> throw new IllegalArgumentException("weight group '" + group + "': unknown setting '" + key
                            + "' (known: init:V, rate:F, trace:L)");
                }
            }
            out.add(new Entry(target, source, init, rate, trace));
        }
        if (Arrays.stream(text.split(";")).allMatch(String::isBlank)) {
            throw new IllegalArgumentException("weight groups '" + text + "' name no group");
        }
        return out;
    }

    private static double number(String group, String key, String value) {
        try {
            double v = Double.parseDouble(value);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("weight group '" + group + "': " + key + " needs a finite number, got '"
                + value + "'");
    }

    private static double traceLimit(String group, String target, double limit) {
        if (!TRACED_TARGETS.contains(target)) {
            throw new IllegalArgumentException("weight group '" + group + "': trace:L needs a traced target ("
                    + String.join(" or ", TRACED_TARGETS) + "; the truncated gradient keeps no trace for "
                    + target + ")");
        }
        if (!(limit > 0)) {
            throw new IllegalArgumentException("weight group '" + group + "': trace:L needs L > 0, got " + limit);
        }
        return limit;
    }

    /** The names of the readings, for messages and help. */
    public static String readingNames() {
        return String.join(", ", Arrays.stream(Reading.values()).map(Reading::id).toList());
    }

    /** Each reading that changes something, with what it is and its written form: for help and docs. */
    public static String readingDescriptions() {
        return String.join("; ", Arrays.stream(Reading.values()).filter(r -> r != Reading.PAPER)
                .map(r -> r.id() + " (" + r.spec() + "): " + r.description()).toList());
    }

    /**
     * Overwrites the initial values of the groups that set {@code init}; call after the initial draw.
     */
    public void initialize(Lstm1997Network network) {
        for (Entry e : entries) {
            if (e.init() != null) {
                forEachSelected(network, e, (p, i) -> p.value()[i] = e.init());
            }
        }
    }

    /**
     * Sets the gradient factors of the groups that set {@code rate} (and factor 1 everywhere else in
     * the parameters they touch); parameters no group touches keep no scale.
     */
    public void applyRates(Lstm1997Network network) {
        Map<Parameter, double[]> scales = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.rate() != null) {
                forEachSelected(network, e, (p, i) -> scales.computeIfAbsent(p, q -> filledOnes(q.size()))[i] = e.rate());
            }
        }
        scales.forEach(Parameter::setGradientScale);
    }

    /**
     * Sets the trace bounds of the groups that set {@code trace} on the network
     * ({@link Lstm1997Network#setTraceLimits}); infinity for the other weights of a traced group.
     */
    public void applyTraceLimits(Lstm1997Network network) {
        int stride = network.sourceCount() + 1;
        double[][] limits = new double[TRACED_TARGETS.size()][];
        for (Entry e : entries) {
            if (e.trace() == null) {
                continue;
            }
            int group = TRACED_TARGETS.indexOf(e.target());
            if (limits[group] == null) {
                limits[group] = new double[network.tracedRowCount(group) * stride];
                Arrays.fill(limits[group], Double.POSITIVE_INFINITY);
            }
            double[] l = limits[group];
            forEachSelected(network, e, (p, i) -> {
                // a weight w_rm (row r, source m) or a bias b_r (the traces' column N)
                boolean bias = p.name().endsWith(".bias");
                l[bias ? i * stride + stride - 1 : (i / p.cols()) * stride + i % p.cols()] = e.trace();
            });
        }
        for (int g = 0; g < limits.length; g++) {
            if (limits[g] != null) {
                network.setTraceLimits(g, limits[g]);
            }
        }
    }

    /** How many weights each entry selects in this network (for reports and tests). */
    public int[] selectedCounts(Lstm1997Network network) {
        int[] counts = new int[entries.size()];
        for (int k = 0; k < entries.size(); k++) {
            int[] n = {0};
            forEachSelected(network, entries.get(k), (p, i) -> n[0]++);
            counts[k] = n[0];
        }
        return counts;
    }

    private static double[] filledOnes(int n) {
        double[] a = new double[n];
        Arrays.fill(a, 1.0);
        return a;
    }

    private interface Visitor {
        void visit(Parameter p, int index);
    }

    private static void forEachSelected(Lstm1997Network network, Entry e, Visitor v) {
        Lstm1997Layout l = network.layout();
        for (String target : e.target().equals("all") ? TARGETS.subList(0, 5) : List.of(e.target())) {
            String prefix = target;
            if (!network.parameters().contains(prefix + ".weight")) {
                continue; // e.g. no hidden units
            }
            Parameter w = network.parameters().get(prefix + ".weight");
            Parameter b = network.parameters().get(prefix + ".bias");
            if (matches(e.source(), "bias")) {
                for (int i = 0; i < b.size(); i++) {
                    v.visit(b, i);
                }
            }
            for (int[] range : columns(l, target.equals("output"), e.source())) {
                for (int r = 0; r < w.rows(); r++) {
                    for (int c = range[0]; c < range[1]; c++) {
                        v.visit(w, r * w.cols() + c);
                    }
                }
            }
        }
    }

    private static boolean matches(String selector, String kind) {
        return selector.equals("all") || selector.equals(kind)
                || (selector.equals("gates") && (kind.equals("input_gate") || kind.equals("output_gate")));
    }

    /** Column ranges [from, to) of the weight matrix that read the selected source kinds. */
    private static List<int[]> columns(Lstm1997Layout l, boolean outputLayer, String source) {
        List<int[]> out = new ArrayList<>();
        if (outputLayer) {
            // output units read [y^c, y^h (, x)]
            add(out, source, "cell", 0, l.cells());
            add(out, source, "hidden", l.cells(), l.cells() + l.hidden());
            if (l.outputsSeeInputs()) {
                add(out, source, "input", l.cells() + l.hidden(), l.outputSources());
            }
            return out;
        }
        // hidden-layer units read z(t) = [x(t), a(t-1)[0, R)], a = [y^c, y^h, y^in, y^out]
        int i = l.inputs();
        add(out, source, "input", 0, i);
        add(out, source, "cell", i, i + l.cells());
        add(out, source, "hidden", i + l.cells(), i + l.cells() + l.hidden());
        if (l.recurrentSources() > l.cells() + l.hidden()) {
            int gates = i + l.cells() + l.hidden();
            add(out, source, "input_gate", gates, gates + l.blocks());
            add(out, source, "output_gate", gates + l.blocks(), gates + 2 * l.blocks());
        }
        return out;
    }

    private static void add(List<int[]> out, String selector, String kind, int from, int to) {
        if (matches(selector, kind) && to > from) {
            out.add(new int[] {from, to});
        }
    }

    @Override
    public String toString() {
        return spec.isEmpty() ? Reading.PAPER.id() : spec;
    }
}
