package org.lstmrepro.core.loss;

import org.lstmrepro.core.Identified;

/**
 * The error measure of one step that has a target, as the interchange spec defines the loss.
 */
public enum Loss implements Identified {
    /** E = 0.5 * sum_k (y_k - d_k)^2 (the 1997 tasks; linear or sigmoid outputs). */
    SQUARED_ERROR("squared-error"),
    /** E = -sum_k d_k log y_k (softmax outputs, one-hot or probability targets). */
    CROSS_ENTROPY("cross-entropy"),
    /**
     * E = -sum_k [d_k log y_k + (1 - d_k) log(1 - y_k)]: independent logistic output units, each the
     * probability that its unit is on (the negative log-likelihood of a binary target vector in nats;
     * Boulanger-Lewandowski, Bengio and Vincent 2012 and Greff et al. 2015 on polyphonic music). The
     * outputs are clamped to [{@value #MIN_PROBABILITY}, 1 - {@value #MIN_PROBABILITY}] so a saturated
     * wrong unit costs at most about 27.6 nats instead of infinity.
     */
    BINARY_CROSS_ENTROPY("binary-cross-entropy");

    /** The smallest probability the binary cross-entropy takes the log of. */
    public static final double MIN_PROBABILITY = 1e-12;

    private final String id;

    Loss(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static Loss fromId(String id) {
        return Identified.fromId(Loss.class, id, "loss");
    }

    /** The loss of output {@code y} against target {@code d}. */
    public double value(double[] y, double[] d) {
        double e = 0;
        if (this == SQUARED_ERROR) {
            for (int k = 0; k < y.length; k++) {
                double diff = y[k] - d[k];
                e += diff * diff;
            }
            return 0.5 * e;
        }
        if (this == BINARY_CROSS_ENTROPY) {
            for (int k = 0; k < y.length; k++) {
                double p = Math.min(1 - MIN_PROBABILITY, Math.max(MIN_PROBABILITY, y[k]));
                if (d[k] != 0) {
                    e -= d[k] * StrictMath.log(p);
                }
                if (d[k] != 1) {
                    e -= (1 - d[k]) * StrictMath.log1p(-p);
                }
            }
            return e;
        }
        for (int k = 0; k < y.length; k++) {
            if (d[k] != 0) {
                e -= d[k] * StrictMath.log(y[k]);
            }
        }
        return e;
    }
}
