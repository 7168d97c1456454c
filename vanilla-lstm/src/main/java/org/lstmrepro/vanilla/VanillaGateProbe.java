package org.lstmrepro.vanilla;

import java.util.ArrayList;
import java.util.List;

import org.lstmrepro.core.model.GateProbe;
import org.lstmrepro.core.model.Trajectory;

/**
 * The gates of the vanilla LSTM of Greff et al. (2015) and its variants: i, f and o per cell, those the
 * variant has, from the stacked i, f, z, o activations, and the cell states c.
 */
final class VanillaGateProbe implements GateProbe {
    private static final int BLOCK_I = 0;
    private static final int BLOCK_F = 1;
    private static final int BLOCK_O = 3;

    private final VanillaLstm network;
    private final int h;
    private final List<String> names = new ArrayList<>();
    private final int[] blocks;

    VanillaGateProbe(VanillaLstm network) {
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
