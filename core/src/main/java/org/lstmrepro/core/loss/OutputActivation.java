package org.lstmrepro.core.loss;

import org.lstmrepro.core.Identified;
import org.lstmrepro.core.math.Exponential;

/**
 * The activation of a network's output units, applied to their net inputs.
 */
public enum OutputActivation implements Identified {
    /** y = net. */
    LINEAR("linear"),
    /** y = 1 / (1 + e^-net), element-wise (the 1997 output units). */
    SIGMOID("sigmoid"),
    /** y = softmax(net) over all output units. */
    SOFTMAX("softmax");

    private final String id;

    OutputActivation(String id) {
        this.id = id;
    }

    /** The name used in configuration and parameter files. */
    @Override
    public String id() {
        return id;
    }

    /** The activation with that name ({@code linear}, {@code sigmoid}, {@code softmax}). */
    public static OutputActivation fromId(String id) {
        return Identified.fromId(OutputActivation.class, id, "output activation");
    }

    /** Writes the activations of {@code net} into {@code y} (same length; may be the same array). */
    public void apply(double[] net, double[] y) {
        switch (this) {
            case LINEAR -> System.arraycopy(net, 0, y, 0, net.length);
            case SIGMOID -> {
                for (int k = 0; k < net.length; k++) {
                    y[k] = 1.0 / (1.0 + Exponential.exp(-net[k]));
                }
            }
            case SOFTMAX -> {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : net) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int k = 0; k < net.length; k++) {
                    y[k] = Exponential.exp(net[k] - max);
                    sum += y[k];
                }
                for (int k = 0; k < net.length; k++) {
                    y[k] /= sum;
                }
            }
        }
    }
}
