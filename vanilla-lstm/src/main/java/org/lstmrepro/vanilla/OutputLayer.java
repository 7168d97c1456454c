package org.lstmrepro.vanilla;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

/**
 * The output units every network of this module ends with: {@code net_t = W y_t + b},
 * output = activation(net_t), with {@code output.weight} [K, H] and {@code output.bias} [K].
 */
final class OutputLayer {

    static final String WEIGHT = "output.weight";
    static final String BIAS = "output.bias";

    private final Parameter weight;
    private final Parameter bias;
    private final OutputUnits units;
    /** One row of net inputs, for the activation (which works on whole vectors, e.g. softmax). */
    private final double[] scratch;

    /** Adds the output layer's parameters to {@code parameters}. */
    OutputLayer(ParameterSet parameters, int hiddenSize, int outputSize, OutputUnits units) {
        this.weight = parameters.add(Parameter.outputMatrix(WEIGHT, outputSize, hiddenSize));
        this.bias = parameters.add(Parameter.outputVector(BIAS, outputSize));
        this.units = units;
        this.scratch = new double[outputSize];
    }

    OutputUnits units() {
        return units;
    }

    int size() {
        return bias.size();
    }

    /** Weights from the initialiser, bias 0. */
    void initialise(Initialiser init) {
        init.draw(weight);
    }

    /** out = activation(W y + b) row by row, with {@code y} [n, H] and {@code out} [n, K]. */
    void forward(DMatrixRMaj y, DMatrixRMaj out) {
        BatchProducts.multTransB(y, weight.valueMatrix(), out);      // net = y W^T
        double[] net = out.data;
        double[] b = bias.value();
        int k = b.length;
        for (int r = 0; r < out.numRows; r++) {
            int row = r * k;
            for (int j = 0; j < k; j++) {
                net[row + j] += b[j];                                 // net += b
            }
            System.arraycopy(net, row, scratch, 0, k);
            units.activation().apply(scratch, scratch);
            System.arraycopy(scratch, 0, net, row, k);                // out = activation(net)
        }
    }

    /**
     * Adds dE/dW and dE/db for the errors {@code deltaNet} [n, K] (dE/dnet, row by row), and adds the
     * error at the layer's input, {@code dE/dnet W}, to {@code deltaY} [n, H].
     */
    void backward(DMatrixRMaj y, DMatrixRMaj deltaNet, DMatrixRMaj deltaY) {
        BatchProducts.multAddTransA(deltaNet, y, weight.gradientMatrix());  // dE/dW += dnet^T y
        double[] gb = bias.gradient();
        double[] d = deltaNet.data;
        for (int r = 0; r < deltaNet.numRows; r++) {
            for (int k = 0; k < gb.length; k++) {
                gb[k] += d[r * gb.length + k];                             // dE/db += dnet
            }
        }
        CommonOps_DDRM.multAdd(deltaNet, weight.valueMatrix(), deltaY);    // dE/dy += dnet W
    }

    /** Copies {@code rows} rows of dE/dnet from a row-major array into {@code deltaNet} [rows, K]. */
    void loadDelta(double[] outputNetDelta, int rows, DMatrixRMaj deltaNet) {
        int n = rows * size();
        if (outputNetDelta.length < n) {
            throw new IllegalArgumentException("the output error has " + outputNetDelta.length
                    + " values, the network has " + size() + " outputs" + (rows > 1 ? " for each of " + rows + " sequences" : ""));
        }
        deltaNet.reshape(rows, size(), false);
        System.arraycopy(outputNetDelta, 0, deltaNet.data, 0, n);
    }
}
