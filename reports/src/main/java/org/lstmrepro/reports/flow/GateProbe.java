package org.lstmrepro.reports.flow;

import java.util.ArrayList;
import java.util.List;

import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.original.Lstm1997Layout;
import org.lstmrepro.original.Lstm1997Network;
import org.lstmrepro.vanilla.CellStructure;
import org.lstmrepro.vanilla.VanillaLstm;

/**
 * Reads gate activations and cell states of an LSTM step from its trajectory. The 1997 LSTM has an input
 * and an output gate per block (section 4); the vanilla LSTM has i, f and o per cell (one cell per block,
 * Greff et al. 2015), without the gates its variant removes.
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

    /** The probe for an LSTM; other models have no gates to show. */
    static GateProbe of(RecurrentNetwork network) {
        if (network instanceof Lstm1997Network lstm) {
            return new Original(lstm);
        }
        if (network instanceof VanillaLstm lstm) {
            return new Vanilla(lstm);
        }
        throw new IllegalArgumentException("model " + network.modelId() + " has no gates (gate statistics are for LSTMs)");
    }

    /** Whether {@link #of} knows the network. */
    static boolean supports(RecurrentNetwork network) {
        return network instanceof Lstm1997Network || network instanceof VanillaLstm;
    }

    /** The 1997 LSTM: y^in and y^out per block, from a(t) (see {@link Lstm1997Layout}). */
    final class Original implements GateProbe {
        private final Lstm1997Network network;
        private final Lstm1997Layout layout;
        private final double[] a;

        Original(Lstm1997Network network) {
            this.network = network;
            this.layout = network.layout();
            this.a = new double[layout.units()];
        }

        @Override
        public List<String> gateNames() {
            return List.of("input gate y^in", "output gate y^out");
        }

        @Override
        public int unitsPerGate() {
            return layout.blocks();
        }

        @Override
        public String unitName() {
            return "block";
        }

        @Override
        public int cellCount() {
            return layout.cells();
        }

        @Override
        public String cellSymbol() {
            return "s";
        }

        @Override
        public void read(Trajectory trajectory, int t, double[][] gates, double[] cells) {
            network.activations(trajectory, t, a);
            System.arraycopy(a, layout.inputGateOffset(), gates[0], 0, layout.blocks());
            System.arraycopy(a, layout.outputGateOffset(), gates[1], 0, layout.blocks());
            network.cellStates(trajectory, t, cells);
        }
    }

    /** The vanilla LSTM and its variants: the gates the variant has, from the stacked i, f, z, o activations. */
    final class Vanilla implements GateProbe {
        private static final int BLOCK_I = 0;
        private static final int BLOCK_F = 1;
        private static final int BLOCK_O = 3;

        private final VanillaLstm network;
        private final int h;
        private final List<String> names = new ArrayList<>();
        private final int[] blocks;

        Vanilla(VanillaLstm network) {
            this.network = network;
            this.h = network.hiddenSize();
            CellStructure cell = network.variant().structure();
            List<Integer> b = new ArrayList<>();
            if (cell.inputGate()) {
                names.add("input gate i");
                b.add(BLOCK_I);
            }
            if (cell.forgetGate() || cell.coupledInputForget()) {
                names.add(cell.coupledInputForget() ? "forget gate f = 1 - i" : "forget gate f");
                b.add(BLOCK_F);
            }
            if (cell.outputGate()) {
                names.add("output gate o");
                b.add(BLOCK_O);
            }
            this.blocks = b.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public List<String> gateNames() {
            return names;
        }

        @Override
        public int unitsPerGate() {
            return h;
        }

        @Override
        public String unitName() {
            return "cell";
        }

        @Override
        public int cellCount() {
            return h;
        }

        @Override
        public String cellSymbol() {
            return "c";
        }

        @Override
        public void read(Trajectory trajectory, int t, double[][] gates, double[] cells) {
            double[] act = network.gateActivations(trajectory, t);
            for (int g = 0; g < blocks.length; g++) {
                System.arraycopy(act, blocks[g] * h, gates[g], 0, h);
            }
            System.arraycopy(network.cellState(trajectory, t), 0, cells, 0, h);
        }
    }
}
