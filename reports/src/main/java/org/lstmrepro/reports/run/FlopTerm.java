package org.lstmrepro.reports.run;

/**
 * One line of a FLOP count: a loop of the code, how many times its body runs, and the floating-point
 * operations of one run of the body.
 *
 * @param what      the loop, in the paper's symbols (e.g. "traces ds_c/dw = phi ds_c/dw + q z")
 * @param formula   how {@code count} follows from the layout (e.g. "G C (N + 1) = 2 * 4 * 11")
 * @param count     how many times the body runs
 * @param flopsEach operations per run: 2 for a multiply-add {@code a * b + c}, 1 for a lone add
 */
public record FlopTerm(String what, String formula, long count, int flopsEach) {

    /** Two operations, a multiply and an add. */
    public static final int MULTIPLY_ADD = 2;
    /** One operation. */
    public static final int ADD = 1;

    public FlopTerm {
        if (count < 0) {
            throw new IllegalArgumentException("FLOP term '" + what + "' has a negative count " + count);
        }
        if (flopsEach != MULTIPLY_ADD && flopsEach != ADD) {
            throw new IllegalArgumentException("FLOP term '" + what + "': flopsEach must be 1 or 2, was " + flopsEach);
        }
    }

    public long flops() {
        return count * flopsEach;
    }
}
