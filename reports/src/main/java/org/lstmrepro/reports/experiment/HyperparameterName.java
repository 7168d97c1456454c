package org.lstmrepro.reports.experiment;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.lstmrepro.reports.run.CommonOptions;
import org.lstmrepro.reports.run.ModelOption;

/** The hyperparameters an experiment may fix, grid or sample, with the values each allows. */
enum HyperparameterName {
    /** The optimizer's learning rate (the model's default when not set). */
    LEARNING_RATE("learningRate", "positive"),
    /** The momentum of a momentum or Nesterov optimizer. */
    MOMENTUM("momentum", "in [0, 1)"),
    /** The model option {@code hiddenSize}. */
    HIDDEN_SIZE(CommonOptions.HIDDEN_SIZE),
    /** The model option {@code initRange}. */
    INIT_RANGE(CommonOptions.INIT_RANGE),
    /** Tasks with a fixed data set: standard deviation of Gaussian noise added to the training inputs. */
    INPUT_NOISE("inputNoise", "finite and >= 0");

    final String key;
    private final String allowed;
    /** The model option this hyperparameter sets, or null for a training setting. */
    private final ModelOption<?> option;

    HyperparameterName(String key, String allowed) {
        this.key = key;
        this.allowed = allowed;
        this.option = null;
    }

    HyperparameterName(ModelOption<?> option) {
        this.key = option.key();
        this.allowed = option.type().allowed();
        this.option = option;
    }

    /** Whether values are integers (drawn with logUniformInt). */
    boolean integer() {
        return option != null && option.type().cliType() == Integer.class;
    }

    /** The model option this hyperparameter sets, or null for a training setting (learning rate, momentum). */
    ModelOption<?> option() {
        return option;
    }

    /** A value as its model option takes it (an Integer for an integer option). */
    Object value(double v) {
        return integer() ? (Object) (int) v : (Object) v;
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
        if (option != null) {
            boolean whole = v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE;
            if (integer() && !whole) {
                throw new IllegalArgumentException(key + " must be " + allowed + ", was " + v);
            }
            option.check(value(v), key);
            return v;
        }
        boolean ok = switch (this) {
            case LEARNING_RATE -> v > 0 && Double.isFinite(v);
            case MOMENTUM -> v >= 0 && v < 1;
            case INPUT_NOISE -> v >= 0 && Double.isFinite(v);
            default -> throw new IllegalStateException(key + " has no check");
        };
        if (!ok) {
            throw new IllegalArgumentException(key + " must be " + allowed + ", was " + v);
        }
        return v;
    }
}
