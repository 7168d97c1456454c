package org.lstmrepro.vanilla;

import org.lstmrepro.core.Identified;
import org.lstmrepro.core.math.Activation;

/**
 * The vanilla LSTM and the eight variants of Greff et al. (2015, section 3; table in
 * {@code docs/models.md}), each one change to the vanilla cell, expressed as a {@link CellStructure}.
 */
public enum Variant implements Identified {
    /** The vanilla LSTM: input, forget and output gates, peepholes, g = h = tanh. */
    VANILLA("vanilla", CellStructure.VANILLA),
    /** No input gate: i_t = 1. */
    NIG("NIG", CellStructure.VANILLA.withInputGate(false)),
    /** No forget gate: f_t = 1 (the 1997 constant error carousel). */
    NFG("NFG", CellStructure.VANILLA.withForgetGate(false)),
    /** No output gate: o_t = 1. */
    NOG("NOG", CellStructure.VANILLA.withOutputGate(false)),
    /** No input activation function: g(x) = x. */
    NIAF("NIAF", CellStructure.VANILLA.withInputActivation(Activation.IDENTITY)),
    /** No output activation function: h(x) = x. */
    NOAF("NOAF", CellStructure.VANILLA.withOutputActivation(Activation.IDENTITY)),
    /** No peepholes. */
    NP("NP", CellStructure.VANILLA.withPeepholes(false)),
    /** Coupled input and forget gate: f_t = 1 - i_t. */
    CIFG("CIFG", CellStructure.VANILLA.withCoupledInputForget()),
    /** Full gate recurrence: i, f, o at t - 1 feed every gate at t. */
    FGR("FGR", CellStructure.VANILLA.withFullGateRecurrence(true));

    private final String id;
    private final CellStructure structure;

    Variant(String id, CellStructure structure) {
        this.id = id;
        this.structure = structure;
    }

    /** The name used in configuration and parameter files ({@code vanilla}, {@code NIG}, ...). */
    @Override
    public String id() {
        return id;
    }

    /** What the cell of this variant contains. */
    public CellStructure structure() {
        return structure;
    }

    /** The variant with that id (case-insensitive). */
    public static Variant fromId(String id) {
        return Identified.fromId(Variant.class, id, "LSTM variant");
    }
}
