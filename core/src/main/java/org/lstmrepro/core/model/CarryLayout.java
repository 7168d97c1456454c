package org.lstmrepro.core.model;

/**
 * Where the two parts of the recurrent state sit in a network's backward carry
 * ({@link BpttNetwork#backwardStep}), as the network declares it ({@link BpttNetwork#carryLayout}): e.g.
 * the 1997 LSTM carries {@code [dE/ds_c (C) | dE/da(t)[0, R)]} (cell state s at [0, C), cell output y^c
 * at [C, 2C)); the vanilla LSTM {@code [dE/dy (H) | dE/dc (H) ...]}; a network without memory cells
 * {@code dE/dh (H)}.
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

    /** A carry that is all dE/d(hidden output) h of {@code n} units: a network without memory cells. */
    public static CarryLayout hiddenOnly(int n) {
        return new CarryLayout(0, 0, 0, n, "", "h");
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
