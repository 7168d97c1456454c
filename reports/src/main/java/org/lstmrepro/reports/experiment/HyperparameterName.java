package org.lstmrepro.reports.experiment;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The hyperparameters an experiment may fix, grid or sample, with the values each allows. */
enum HyperparameterName {
    /** The optimizer's learning rate (the model's default when not set). */
    LEARNING_RATE("learningRate", "positive"),
    /** The momentum of a momentum or Nesterov optimizer. */
    MOMENTUM("momentum", "in [0, 1)"),
    /** Hidden units of vanilla, rnn and gru models. */
    HIDDEN_SIZE("hiddenSize", "a positive integer"),
    /** Initial weights uniform in [-r, r]. */
    INIT_RANGE("initRange", "positive"),
    /** Tasks with a fixed data set: standard deviation of Gaussian noise added to the training inputs. */
    INPUT_NOISE("inputNoise", "finite and >= 0");

    final String key;
    private final String allowed;

    /** Whether values are integers (drawn with logUniformInt). */
    boolean integer() {
        return this == HIDDEN_SIZE;
    }

    HyperparameterName(String key, String allowed) {
        this.key = key;
        this.allowed = allowed;
    }

    static HyperparameterName fromKey(String key) {
        for (HyperparameterName n : values()) {
            if (n.key.equals(key)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown hyperparameter (known: " + keys() + ")");
    }

    static String keys() {
        return Arrays.stream(values()).map(n -> n.key).collect(Collectors.joining(", "));
    }

    /** Checks one value and returns it; the message says what is allowed. */
    double check(double v) {
        boolean ok = switch (this) {
            case LEARNING_RATE, INIT_RANGE -> v > 0 && Double.isFinite(v);
            case MOMENTUM -> v >= 0 && v < 1;
            case HIDDEN_SIZE -> v >= 1 && v <= 1_000_000 && v == Math.rint(v);
            case INPUT_NOISE -> v >= 0 && Double.isFinite(v);
        };
        if (!ok) {
            throw new IllegalArgumentException(key + " must be " + allowed + ", was " + v);
        }
        return v;
    }
}
