package org.lstmrepro.original;

import java.util.List;

import org.lstmrepro.core.model.GateProbe;
import org.lstmrepro.core.model.Trajectory;

/**
 * The gates of the 1997 LSTM (Hochreiter and Schmidhuber 1997, section 4): y^in and y^out per block, from
 * a(t) (see {@link Lstm1997Layout}), and the cell states s_c.
 */
final class Lstm1997GateProbe implements GateProbe {
    private final Lstm1997Network network;
    private final Lstm1997Layout layout;
    private final double[] a;

    Lstm1997GateProbe(Lstm1997Network network) {
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
