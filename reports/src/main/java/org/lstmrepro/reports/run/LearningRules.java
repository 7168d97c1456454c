package org.lstmrepro.reports.run;

import org.lstmrepro.core.learn.LearningRule;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.original.FusedTruncatedGradient1997;
import org.lstmrepro.original.Lstm1997Network;
import org.lstmrepro.truncated.CecNetwork;
import org.lstmrepro.truncated.FullBptt;
import org.lstmrepro.truncated.TruncatedBptt;
import org.lstmrepro.truncated.TruncatedGradient1997;

/**
 * What {@code --rule} names. Two different things are called "truncated" in the literature, and the
 * names keep them apart: {@code truncated1997} is the 1997 truncated gradient (error flows back in
 * time only through the CEC); {@code tbptt:K1,K2} is truncated BPTT (Williams and Peng 1990).
 */
public final class LearningRules {

    public static final String FORMS = "truncated1997 | bptt | tbptt:K1,K2";

    private LearningRules() {
    }

    /** The rule for {@code network}; errors name the rule and why it does not fit. */
    public static LearningRule create(String spec, RecurrentNetwork network) {
        String s = spec.trim();
        if (s.equals("truncated1997")) {
            if (network instanceof Lstm1997Network lstm1997) {
                return new FusedTruncatedGradient1997(lstm1997); // the same numbers as the generic rule, faster
            }
            if (network instanceof CecNetwork cec) {
                return new TruncatedGradient1997(cec);
            }
            throw new IllegalArgumentException("rule truncated1997 needs a network with a constant error carousel;"
                    + " model " + network.modelId() + " has none");
        }
        BpttNetwork bptt = requireBptt(s, network);
        if (s.equals("bptt")) {
            return new FullBptt(bptt);
        }
        if (s.startsWith("tbptt:")) {
            String[] k = s.substring(6).split(",");
            if (k.length != 2) {
                throw new IllegalArgumentException("rule '" + spec + "': expected tbptt:K1,K2, e.g. tbptt:10,20");
            }
            int k1 = parsePositive(spec, "K1", k[0]);
            int k2 = parsePositive(spec, "K2", k[1]);
            return new TruncatedBptt(bptt, k1, k2);
        }
        throw new IllegalArgumentException("unknown rule '" + spec + "' (known: " + FORMS + ")");
    }

    private static BpttNetwork requireBptt(String spec, RecurrentNetwork network) {
        if (network instanceof BpttNetwork b) {
            return b;
        }
        throw new IllegalArgumentException("rule " + spec + " needs a network that supports backpropagation through time");
    }

    private static int parsePositive(String spec, String name, String text) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("rule '" + spec + "': " + name + " must be a positive integer, was '" + text + "'");
    }
}
