package org.lstmrepro.reports.run;

import org.lstmrepro.core.learn.LearningRule;
import org.lstmrepro.core.NameArgs;
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
        NameArgs rule = NameArgs.parse("rule", spec);
        switch (rule.name()) {
            case "truncated1997" -> {
                rule.requireArgs(0, 0, "truncated1997");
                if (network instanceof Lstm1997Network lstm1997 && !lstm1997.hasTraceLimits()) {
                    // the same numbers as the generic rule, faster; the generic rule alone clips traces (weightGroups trace:L)
                    return new FusedTruncatedGradient1997(lstm1997);
                }
                if (network instanceof CecNetwork cec) {
                    return new TruncatedGradient1997(cec);
                }
                throw new IllegalArgumentException("rule truncated1997 needs a network with a constant error carousel;"
                        + " model " + network.modelId() + " has none");
            }
            case "bptt" -> {
                rule.requireArgs(0, 0, "bptt");
                return new FullBptt(requireBptt(rule.text(), network));
            }
            case "tbptt" -> {
                rule.requireArgs(2, 2, "tbptt:K1,K2, e.g. tbptt:10,20");
                return new TruncatedBptt(requireBptt(rule.text(), network), rule.positiveInt(0, "K1"),
                        rule.positiveInt(1, "K2"));
            }
            default -> throw rule.unknown(FORMS);
        }
    }

    private static BpttNetwork requireBptt(String spec, RecurrentNetwork network) {
        if (network instanceof BpttNetwork b) {
            return b;
        }
        throw new IllegalArgumentException("rule " + spec + " needs a network that supports backpropagation through time");
    }

}
