package org.lstmrepro.core.loss;

/**
 * The error measure of one step that has a target, as the interchange spec defines the loss.
 */
public enum Loss {
    /** E = 0.5 * sum_k (y_k - d_k)^2 (the 1997 tasks; linear or sigmoid outputs). */
    SQUARED_ERROR("squared-error"),
    /** E = -sum_k d_k log y_k (softmax outputs, one-hot or probability targets). */
    CROSS_ENTROPY("cross-entropy");

    private final String id;

    Loss(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Loss fromId(String id) {
        for (Loss l : values()) {
            if (l.id.equalsIgnoreCase(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + id + "' (expected squared-error or cross-entropy)");
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
        for (int k = 0; k < y.length; k++) {
            if (d[k] != 0) {
                e -= d[k] * Math.log(y[k]);
            }
        }
        return e;
    }
}
