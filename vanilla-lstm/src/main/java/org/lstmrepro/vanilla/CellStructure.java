package org.lstmrepro.vanilla;

import org.lstmrepro.core.math.Activation;

/**
 * What one LSTM block contains: the switches that distinguish the vanilla LSTM of Greff et al.
 * (2015) from its eight variants. {@link VanillaLstm} reads these switches; there is one cell
 * implementation, not one class per variant.
 *
 * <p>A gate that is absent has the constant activation 1 (Greff et al. 2015, section 3: NIG, NFG,
 * NOG). With {@code coupledInputForget} the forget gate has no weights of its own and
 * {@code f_t = 1 - i_t} (CIFG).
 *
 * @param inputGate          the block has an input gate i (else i_t = 1)
 * @param forgetGate         the block has a forget gate f with its own weights
 * @param outputGate         the block has an output gate o (else o_t = 1)
 * @param inputActivation    g, applied to the block input (TANH, or IDENTITY for NIAF)
 * @param outputActivation   h, applied to the cell state (TANH, or IDENTITY for NOAF)
 * @param peepholes          the gates see the cell state through p_i, p_f, p_o (absent in NP)
 * @param coupledInputForget f_t = 1 - i_t (CIFG); needs an input gate and no own forget gate
 * @param fullGateRecurrence every gate also receives the previous step's i, f, o activations (FGR)
 */
public record CellStructure(boolean inputGate, boolean forgetGate, boolean outputGate,
                            Activation inputActivation, Activation outputActivation, boolean peepholes,
                            boolean coupledInputForget, boolean fullGateRecurrence) {

    /** The vanilla LSTM: all three gates, tanh for g and h, peepholes, no extra recurrence. */
    public static final CellStructure VANILLA =
            new CellStructure(true, true, true, Activation.TANH, Activation.TANH, true, false, false);

    public CellStructure {
        if (inputActivation == null || outputActivation == null) {
            throw new IllegalArgumentException("a cell structure needs an input activation g and an output activation h");
        }
        if (coupledInputForget && (!inputGate || forgetGate)) {
            throw new IllegalArgumentException("a coupled input-forget gate (f = 1 - i) needs an input gate and no "
                    + "separate forget gate (inputGate=" + inputGate + ", forgetGate=" + forgetGate + ")");
        }
    }

    /** Whether the forget gate activation is anything other than the constant 1. */
    public boolean hasAnyForgetGate() {
        return forgetGate || coupledInputForget;
    }

    CellStructure withInputGate(boolean v) {
        return new CellStructure(v, forgetGate, outputGate, inputActivation, outputActivation, peepholes,
                coupledInputForget, fullGateRecurrence);
    }

    CellStructure withForgetGate(boolean v) {
        return new CellStructure(inputGate, v, outputGate, inputActivation, outputActivation, peepholes,
                coupledInputForget, fullGateRecurrence);
    }

    CellStructure withOutputGate(boolean v) {
        return new CellStructure(inputGate, forgetGate, v, inputActivation, outputActivation, peepholes,
                coupledInputForget, fullGateRecurrence);
    }

    CellStructure withInputActivation(Activation g) {
        return new CellStructure(inputGate, forgetGate, outputGate, g, outputActivation, peepholes,
                coupledInputForget, fullGateRecurrence);
    }

    CellStructure withOutputActivation(Activation h) {
        return new CellStructure(inputGate, forgetGate, outputGate, inputActivation, h, peepholes,
                coupledInputForget, fullGateRecurrence);
    }

    CellStructure withPeepholes(boolean v) {
        return new CellStructure(inputGate, forgetGate, outputGate, inputActivation, outputActivation, v,
                coupledInputForget, fullGateRecurrence);
    }

    CellStructure withCoupledInputForget() {
        return new CellStructure(inputGate, false, outputGate, inputActivation, outputActivation, peepholes,
                true, fullGateRecurrence);
    }

    CellStructure withFullGateRecurrence(boolean v) {
        return new CellStructure(inputGate, forgetGate, outputGate, inputActivation, outputActivation, peepholes,
                coupledInputForget, v);
    }
}
