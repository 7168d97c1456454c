package org.lstmrepro.core.model;

import java.util.List;

/**
 * Reads gate activations and cell states of an LSTM step from its trajectory, for the gradient-flow
 * diagnostics; a network with gates provides one ({@link BpttNetwork#gateProbe}).
 */
public interface GateProbe {

    /** The gates, e.g. {@code input gate y^in}; one per {@link #read} row. */
    List<String> gateNames();

    /** Units per gate: blocks (1997) or cells (vanilla). */
    int unitsPerGate();

    /** "block" or "cell": what one gate unit belongs to. */
    String unitName();

    /** Cells (cell states per step). */
    int cellCount();

    /** The cell-state symbol: s (1997) or c (vanilla). */
    String cellSymbol();

    /**
     * Copies the activations of step {@code t} (held by the trajectory) into {@code gates[gate][unit]} and
     * the cell states into {@code cells}.
     */
    void read(Trajectory trajectory, int t, double[][] gates, double[] cells);
}
