package org.lstmrepro.core.loss;

/**
 * A network's output units: their activation and the loss measured on them. Turns an output and a
 * target into the loss and the error at the output units' net inputs, dE/dnet_k, which is where
 * every learning rule starts its backward pass (Hochreiter and Schmidhuber 1997, appendix A:
 * {@code delta_k = f_k'(net_k) (d_k - y_k)}, here with the opposite sign, as a gradient).
 *
 * @param activation the output activation
 * @param loss       the loss
 */
public record OutputUnits(OutputActivation activation, Loss loss) {

    public OutputUnits {
        if (loss == Loss.CROSS_ENTROPY && activation != OutputActivation.SOFTMAX) {
            throw new IllegalArgumentException("cross-entropy needs softmax outputs, not " + activation.id());
        }
        if (loss == Loss.BINARY_CROSS_ENTROPY && activation != OutputActivation.SIGMOID) {
            throw new IllegalArgumentException("binary-cross-entropy needs sigmoid outputs, not " + activation.id());
        }
    }

    /**
     * The loss at one step, and dE/dnet_k written into {@code deltaNet}.
     *
     * @param y        the outputs (after the activation)
     * @param d        the target
     * @param deltaNet receives dE/dnet_k; same length as {@code y}
     * @return the loss of this step
     */
    public double lossAndDelta(double[] y, double[] d, double[] deltaNet) {
        int n = y.length;
        if (loss == Loss.CROSS_ENTROPY) {
            // softmax + cross-entropy: dE/dnet_j = y_j * sum_k d_k - d_j (= y_j - d_j for a distribution d)
            double sumD = 0;
            for (int k = 0; k < n; k++) {
                sumD += d[k];
            }
            for (int k = 0; k < n; k++) {
                deltaNet[k] = y[k] * sumD - d[k];
            }
            return loss.value(y, d);
        }
        if (loss == Loss.BINARY_CROSS_ENTROPY) {
            // logistic units + binary cross-entropy: dE/dnet_k = y_k - d_k
            for (int k = 0; k < n; k++) {
                deltaNet[k] = y[k] - d[k];
            }
            return loss.value(y, d);
        }
        // squared error: dE/dy_k = y_k - d_k, then through the activation
        switch (activation) {
            case LINEAR -> {
                for (int k = 0; k < n; k++) {
                    deltaNet[k] = y[k] - d[k];
                }
            }
            case SIGMOID -> {
                for (int k = 0; k < n; k++) {
                    deltaNet[k] = (y[k] - d[k]) * y[k] * (1 - y[k]);
                }
            }
            case SOFTMAX -> {
                // Jacobian-vector product of softmax: dE/dnet_j = y_j (g_j - sum_k y_k g_k)
                double dot = 0;
                for (int k = 0; k < n; k++) {
                    dot += y[k] * (y[k] - d[k]);
                }
                for (int k = 0; k < n; k++) {
                    deltaNet[k] = y[k] * ((y[k] - d[k]) - dot);
                }
            }
        }
        return loss.value(y, d);
    }
}
