package org.lstmrepro.reports.flow;

import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.truncated.CecNetwork;

/**
 * Which backward pass the error signals are measured with: the ids are the learning rules' ids
 * ({@code --rule}), since each rule lets error flow back along different paths.
 */
public enum FlowRule {

    /** Full BPTT: every path, the exact derivative (Greff et al. 2015, backward pass). */
    BPTT("bptt"),
    /**
     * The 1997 truncated gradient (Hochreiter and Schmidhuber 1997, appendix A): error flows back in time
     * only through the CEC, seen through {@link CecNetwork#detached()}.
     */
    TRUNCATED_1997("truncated1997");

    private final String id;

    FlowRule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** {@code bptt} or {@code truncated1997}; anything else names the known ids. */
    public static FlowRule parse(String text) {
        for (FlowRule r : values()) {
            if (r.id.equalsIgnoreCase(text.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rule '" + text + "' for gradient flow (known: bptt, truncated1997)");
    }

    /** The network whose backward step propagates error the way this rule does. */
    public BpttNetwork backwardView(RecurrentNetwork network) {
        if (this == TRUNCATED_1997) {
            if (network instanceof CecNetwork cec) {
                return cec.detached();
            }
            throw new IllegalArgumentException("rule truncated1997 needs a network with a constant error carousel;"
                    + " model " + network.modelId() + " has none");
        }
        if (network instanceof BpttNetwork bptt) {
            return bptt;
        }
        throw new IllegalArgumentException("model " + network.modelId() + " does not support backpropagation through time");
    }
}
