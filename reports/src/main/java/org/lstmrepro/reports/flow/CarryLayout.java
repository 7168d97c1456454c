package org.lstmrepro.reports.flow;

import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.original.Lstm1997Network;
import org.lstmrepro.vanilla.Gru;
import org.lstmrepro.vanilla.SimpleRnn;
import org.lstmrepro.vanilla.VanillaLstm;

/**
 * Where the two parts of the recurrent state sit in a network's backward carry
 * ({@link org.lstmrepro.core.model.BpttNetwork#backwardStep}), read from the layouts each network documents:
 * <ul>
 *   <li>{@link Lstm1997Network}: {@code [dE/ds_c (C) | dE/da(t)[0, R)]}, where a(t) starts with the cell
 *       outputs y^c (C): cell state s at [0, C), cell output y^c at [C, 2C);</li>
 *   <li>{@link VanillaLstm}: {@code [dE/dy (H) | dE/dc (H) (| gate errors 3H, FGR)]}: cell state c at
 *       [H, 2H), block output y at [0, H);</li>
 *   <li>{@link SimpleRnn}, {@link Gru}: {@code dE/dh (H)}: no cell state, hidden output h at [0, H).</li>
 * </ul>
 *
 * @param cellOffset   start of dE/d(cell state) in the carry
 * @param cellLength   its length (0: the network has no cell state)
 * @param hiddenOffset start of dE/d(hidden output)
 * @param hiddenLength its length
 * @param cellSymbol   the papers' symbol for the cell state (s or c), or "" when there is none
 * @param hiddenSymbol the papers' symbol for the hidden output (y^c, y or h)
 */
public record CarryLayout(int cellOffset, int cellLength, int hiddenOffset, int hiddenLength,
                          String cellSymbol, String hiddenSymbol) {

    /** The layout of {@code network}'s carry; the network must be one of the project's recurrent models. */
    public static CarryLayout of(RecurrentNetwork network) {
        if (network instanceof Lstm1997Network lstm) {
            int c = lstm.cellCount();
            return new CarryLayout(0, c, c, c, "s", "y^c");
        }
        if (network instanceof VanillaLstm lstm) {
            int h = lstm.hiddenSize();
            return new CarryLayout(h, h, 0, h, "c", "y");
        }
        if (network instanceof SimpleRnn rnn) {
            return new CarryLayout(0, 0, 0, rnn.hiddenSize(), "", "h");
        }
        if (network instanceof Gru gru) {
            return new CarryLayout(0, 0, 0, gru.hiddenSize(), "", "h");
        }
        throw new IllegalArgumentException("no carry layout known for model " + network.modelId()
                + " (" + network.getClass().getSimpleName() + ")");
    }

    public boolean hasCellState() {
        return cellLength > 0;
    }

    /** The Euclidean norm of dE/d(cell state) in {@code carry}; 0 when there is no cell state. */
    public double cellNorm(double[] carry) {
        return norm(carry, cellOffset, cellLength);
    }

    /** The Euclidean norm of dE/d(hidden output) in {@code carry}. */
    public double hiddenNorm(double[] carry) {
        return norm(carry, hiddenOffset, hiddenLength);
    }

    private static double norm(double[] v, int from, int n) {
        double sum = 0;
        for (int i = from; i < from + n; i++) {
            sum += v[i] * v[i];
        }
        return Math.sqrt(sum);
    }
}
