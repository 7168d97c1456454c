package org.lstmrepro.reports.flow;

import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.lstmrepro.core.model.RecurrentBlock;
import org.lstmrepro.core.model.RecurrentNetwork;

/**
 * A square recurrent block of a weight matrix ({@link RecurrentBlock}, as the network declares it): the
 * factor that backpropagated error is multiplied by at every step (through the derivative of the unit's
 * activation). Its spectral radius decides whether the error along that path shrinks (below 1) or can
 * grow (above 1) over many steps (Hochreiter and Schmidhuber 1997, section 3; Pascanu et al. 2013).
 *
 * @param block the block
 */
public record RecurrentMatrix(RecurrentBlock block) {

    /** The square recurrent blocks of {@code network}, the ones its variant uses. */
    public static List<RecurrentMatrix> of(RecurrentNetwork network) {
        return network.recurrentBlocks().stream().map(RecurrentMatrix::new).toList();
    }

    /** The papers' symbol, e.g. {@code W_hh} or {@code R_f}. */
    public String name() {
        return block.name();
    }

    /** The largest modulus of the block's (possibly complex) eigenvalues. */
    public double spectralRadius() {
        int n = block.n();
        double[][] m = new double[n][n];
        double[] v = block.parameter().value();
        int cols = block.parameter().cols();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                m[r][c] = v[(block.rowOffset() + r) * cols + block.colOffset() + c];
            }
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(m, false));
        double[] re = eig.getRealEigenvalues();
        double[] im = eig.getImagEigenvalues();
        double radius = 0;
        for (int i = 0; i < re.length; i++) {
            radius = Math.max(radius, Math.hypot(re[i], im[i]));
        }
        return radius;
    }

    /** Multiplies the block by a constant so that its spectral radius becomes {@code radius}. */
    public void scaleToRadius(double radius) {
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("spectral radius must be positive and finite, was " + radius);
        }
        double current = spectralRadius();
        if (current == 0) {
            throw new IllegalArgumentException(name() + " has spectral radius 0 and cannot be scaled to " + radius);
        }
        double factor = radius / current;
        int n = block.n();
        double[] v = block.parameter().value();
        int cols = block.parameter().cols();
        for (int r = 0; r < n; r++) {
            int row = (block.rowOffset() + r) * cols + block.colOffset();
            for (int c = 0; c < n; c++) {
                v[row + c] *= factor;
            }
        }
    }

    @Override
    public String toString() {
        return name() + " [" + block.n() + "x" + block.n() + "] of " + block.parameter().name();
    }
}
