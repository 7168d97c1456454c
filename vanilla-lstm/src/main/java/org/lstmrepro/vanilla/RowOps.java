package org.lstmrepro.vanilla;

import org.ejml.data.DMatrixRMaj;

/**
 * The row-by-row pieces of the batched step kernels: a batch of sequences is an [n, width] matrix,
 * one row per sequence, and a carry is a row-major [B, carrySize] array.
 */
final class RowOps {

    private RowOps() {
    }

    /** {@code m} with its first {@code n} rows in use (no allocation: its array holds at least n rows). */
    static DMatrixRMaj rows(DMatrixRMaj m, int n) {
        m.reshape(n, m.numCols, false);
        return m;
    }

    /** Adds {@code b} to every row of {@code m}. */
    static void addToEveryRow(double[] b, DMatrixRMaj m) {
        double[] v = m.data;
        for (int r = 0; r < m.numRows; r++) {
            int from = r * b.length;
            for (int k = 0; k < b.length; k++) {
                v[from + k] += b[k];
            }
        }
    }

    /** Adds the sum of the rows of {@code m} to {@code sum} (a bias gradient: δb += Σ_rows δ). */
    static void addRowSum(DMatrixRMaj m, double[] sum) {
        double[] v = m.data;
        for (int r = 0; r < m.numRows; r++) {
            int from = r * sum.length;
            for (int k = 0; k < sum.length; k++) {
                sum[k] += v[from + k];
            }
        }
    }

    /** Copies the part {@code [offset, offset + m.numCols)} of each of the first m.numRows carry rows into m. */
    static void fromCarry(double[] carry, int carrySize, int offset, DMatrixRMaj m) {
        for (int r = 0; r < m.numRows; r++) {
            System.arraycopy(carry, r * carrySize + offset, m.data, r * m.numCols, m.numCols);
        }
    }

    /** Copies each row of m into the part {@code [offset, offset + m.numCols)} of the same carry row. */
    static void toCarry(DMatrixRMaj m, double[] carry, int carrySize, int offset) {
        for (int r = 0; r < m.numRows; r++) {
            System.arraycopy(m.data, r * m.numCols, carry, r * carrySize + offset, m.numCols);
        }
    }

    /** Checks that a batch carry holds {@code rows} rows of {@code carrySize}. */
    static void checkCarry(double[] carry, int rows, int carrySize) {
        if (carry.length < rows * carrySize) {
            throw new IllegalArgumentException("the carry has " + carry.length + " values, " + rows
                    + " sequences carry " + rows * carrySize);
        }
    }

    /** Checks a single sequence's carry and output error. */
    static void checkSingle(double[] outputNetDelta, int outputs, double[] carry, int carrySize) {
        if (carry.length != carrySize) {
            throw new IllegalArgumentException("the carry has " + carry.length + " values, this network carries "
                    + carrySize);
        }
        if (outputNetDelta != null && outputNetDelta.length != outputs) {
            throw new IllegalArgumentException("the output error has " + outputNetDelta.length
                    + " values, the network has " + outputs + " outputs");
        }
    }

    /** Checks a single sequence's input at step t. */
    static void checkInput(double[] input, int inputs, int t) {
        if (input.length != inputs) {
            throw new IllegalArgumentException("input at step " + t + " has " + input.length
                    + " values, the network expects " + inputs);
        }
    }

    /** Checks that a batch of {@code rows} inputs of {@code inputs} values each is there. */
    static void checkBatchInputs(double[] batch, int rows, int inputs, int t) {
        if (batch.length < rows * inputs) {
            throw new IllegalArgumentException("inputs at step " + t + " have " + batch.length + " values, "
                    + rows + " sequences of " + inputs + " inputs need " + rows * inputs);
        }
    }
}
