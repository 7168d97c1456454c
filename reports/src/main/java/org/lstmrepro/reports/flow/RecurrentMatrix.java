package org.lstmrepro.reports.flow;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.original.Lstm1997Network;
import org.lstmrepro.vanilla.CellStructure;
import org.lstmrepro.vanilla.Gru;
import org.lstmrepro.vanilla.SimpleRnn;
import org.lstmrepro.vanilla.VanillaLstm;

/**
 * A square n x n block of a weight matrix that maps the previous step's hidden output to a net input:
 * the factor that backpropagated error is multiplied by at every step (through the derivative of the
 * unit's activation). Its spectral radius decides whether the error along that path shrinks (below 1) or
 * can grow (above 1) over many steps (Hochreiter and Schmidhuber 1997, section 3; Pascanu et al. 2013).
 *
 * @param name      the papers' symbol, e.g. {@code W_hh} or {@code R_f}
 * @param parameter the tensor holding the block
 * @param rowOffset first row of the block
 * @param colOffset first column of the block
 * @param n         the block's size
 */
public record RecurrentMatrix(String name, Parameter parameter, int rowOffset, int colOffset, int n) {

    /** The square recurrent blocks of {@code network}, the ones its variant uses. */
    public static List<RecurrentMatrix> of(RecurrentNetwork network) {
        List<RecurrentMatrix> out = new ArrayList<>();
        if (network instanceof SimpleRnn rnn) {
            out.add(new RecurrentMatrix("W_hh", network.parameters().get(SimpleRnn.WEIGHT_HH), 0, 0, rnn.hiddenSize()));
        } else if (network instanceof Gru gru) {
            int h = gru.hiddenSize();
            Parameter w = network.parameters().get(Gru.WEIGHT_HH);
            String[] names = {"W_hr", "W_hz", "W_hn"}; // stacked r, z, n (PyTorch nn.GRU names)
            for (int b = 0; b < names.length; b++) {
                out.add(new RecurrentMatrix(names[b], w, b * h, 0, h));
            }
        } else if (network instanceof VanillaLstm lstm) {
            int h = lstm.hiddenSize();
            Parameter w = network.parameters().get(VanillaLstm.WEIGHT_HH);
            CellStructure cell = lstm.variant().structure();
            // stacked i, f, z, o (interchange layout); Greff et al. 2015 call them R_i, R_f, R_z, R_o
            if (cell.inputGate()) {
                out.add(new RecurrentMatrix("R_i", w, 0, 0, h));
            }
            if (cell.forgetGate() && !cell.coupledInputForget()) {
                out.add(new RecurrentMatrix("R_f", w, h, 0, h));
            }
            out.add(new RecurrentMatrix("R_z", w, 2 * h, 0, h));
            if (cell.outputGate()) {
                out.add(new RecurrentMatrix("R_o", w, 3 * h, 0, h));
            }
        } else if (network instanceof Lstm1997Network lstm) {
            // cell inputs from the cell outputs y^c(t-1): columns [I, I + C) of cell.weight
            int c = lstm.cellCount();
            out.add(new RecurrentMatrix("W_c,y^c", network.parameters().get("cell.weight"), 0,
                    lstm.layout().inputs(), c));
        } else {
            throw new IllegalArgumentException("no recurrent matrices known for model " + network.modelId());
        }
        return out;
    }

    /** The largest modulus of the block's (possibly complex) eigenvalues. */
    public double spectralRadius() {
        double[][] m = new double[n][n];
        double[] v = parameter.value();
        int cols = parameter.cols();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                m[r][c] = v[(rowOffset + r) * cols + colOffset + c];
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
            throw new IllegalArgumentException(name + " has spectral radius 0 and cannot be scaled to " + radius);
        }
        double factor = radius / current;
        double[] v = parameter.value();
        int cols = parameter.cols();
        for (int r = 0; r < n; r++) {
            int row = (rowOffset + r) * cols + colOffset;
            for (int c = 0; c < n; c++) {
                v[row + c] *= factor;
            }
        }
    }

    @Override
    public String toString() {
        return name + " [" + n + "x" + n + "] of " + parameter.name();
    }
}
