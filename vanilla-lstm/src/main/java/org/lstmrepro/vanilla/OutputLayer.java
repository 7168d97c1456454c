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
    private final DMatrixRMaj deltaNet;

    /** Adds the output layer's parameters to {@code parameters}. */
    OutputLayer(ParameterSet parameters, int hiddenSize, int outputSize, OutputUnits units) {
        this.weight = parameters.add(Parameter.outputMatrix(WEIGHT, outputSize, hiddenSize));
        this.bias = parameters.add(Parameter.outputVector(BIAS, outputSize));
        this.units = units;
        this.deltaNet = new DMatrixRMaj(1, outputSize);
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

    /** out = activation(W y + b), with {@code y} [1, H] and {@code out} [1, K]. */
    void forward(DMatrixRMaj y, DMatrixRMaj out) {
        CommonOps_DDRM.multTransB(y, weight.valueMatrix(), out);      // net = y W^T
        double[] net = out.data;
        double[] b = bias.value();
        for (int k = 0; k < net.length; k++) {
            net[k] += b[k];                                           // net += b
        }
        units.activation().apply(net, net);                           // out = activation(net), in place
    }

    /**
     * Adds dE/dW and dE/db for the given dE/dnet, and adds the error at the layer's input,
     * {@code W^T dE/dnet}, to {@code deltaY} [1, H].
     */
    void backward(DMatrixRMaj y, double[] outputNetDelta, DMatrixRMaj deltaY) {
        if (outputNetDelta.length != deltaNet.numCols) {
            throw new IllegalArgumentException("the output error has " + outputNetDelta.length
                    + " values, the network has " + deltaNet.numCols + " outputs");
        }
        System.arraycopy(outputNetDelta, 0, deltaNet.data, 0, deltaNet.numCols);
        CommonOps_DDRM.multAddTransA(deltaNet, y, weight.gradientMatrix());  // dE/dW += dnet^T y
        double[] gb = bias.gradient();
        for (int k = 0; k < gb.length; k++) {
            gb[k] += outputNetDelta[k];                                    // dE/db += dnet
        }
        CommonOps_DDRM.multAdd(deltaNet, weight.valueMatrix(), deltaY);    // dE/dy += dnet W
    }
}
