package org.lstmrepro.reports.flow;

import java.util.List;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.model.CarryLayout;
import org.lstmrepro.core.model.BpttNetwork;

/**
 * The size of the error signal against the lag: for lag L = T - t, the norm of dE(T)/d(cell state at t)
 * and of dE(T)/d(hidden output at t), averaged over a set of sequences (each with its own last target
 * step T). Index 0 of the arrays (lag 0) is unused.
 *
 * @param label  what was measured (model, rule, stage), for legends
 * @param cell   {@code cell[L]}: mean norm of dE(T)/d(cell state at T - L); all zero without a cell state
 * @param hidden {@code hidden[L]}: mean norm of dE(T)/d(hidden output at T - L)
 * @param hasCellState whether the model has a cell state
 */
public record FlowCurve(String label, double[] cell, double[] hidden, boolean hasCellState) {

    /** Measures the curve over {@code sequences}, up to the smallest last target step among them. */
    public static FlowCurve measure(String label, BpttNetwork view, CarryLayout layout, List<Sequence> sequences) {
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("gradient flow needs at least one sequence");
        }
        int maxLag = Integer.MAX_VALUE;
        for (Sequence s : sequences) {
            maxLag = Math.min(maxLag, s.lastTargetStep());
        }
        double[] cell = new double[maxLag + 1];
        double[] hidden = new double[maxLag + 1];
        for (Sequence s : sequences) {
            ErrorSignals signals = ErrorSignals.measure(view, s);
            for (int lag = 1; lag <= maxLag; lag++) {
                double[] carry = signals.atLag(lag);
                cell[lag] += layout.cellNorm(carry) / sequences.size();
                hidden[lag] += layout.hiddenNorm(carry) / sequences.size();
            }
        }
        cell[0] = Double.NaN;
        hidden[0] = Double.NaN;
        return new FlowCurve(label, cell, hidden, layout.hasCellState());
    }

    /** The largest lag measured. */
    public int maxLag() {
        return cell.length - 1;
    }

    /** The norm the curve shows for the recurrent state (the cell state if there is one, else the hidden output). */
    public double stateNorm(int lag) {
        return hasCellState ? cell[lag] : hidden[lag];
    }
}
