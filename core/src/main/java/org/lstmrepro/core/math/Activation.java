package org.lstmrepro.core.math;

/**
 * Squashing functions with their derivatives.
 *
 * <p>The 1997 squashing functions (Hochreiter and Schmidhuber 1997, section 5):
 * the cell input squashing {@code g(x) = 4 sigma(x) - 2} in [-2, 2] and the cell output squashing
 * {@code h(x) = 2 sigma(x) - 1} in [-1, 1], with {@code sigma} the logistic sigmoid.
 *
 * <p>{@link #derivative(double)} takes the net input {@code x}; {@link #derivativeFromOutput(double)}
 * takes the activation {@code y = f(x)} instead, which is cheaper where a forward pass has kept it
 * (every function here has a derivative that is a function of its output).
 */
public enum Activation {
    /** f(x) = x. */
    IDENTITY("identity") {
        @Override
        public double apply(double x) {
            return x;
        }

        @Override
        public double derivativeFromOutput(double y) {
            return 1.0;
        }
    },
    /** The logistic sigmoid, f(x) = 1 / (1 + e^-x), in (0, 1). */
    SIGMOID("sigmoid") {
        @Override
        public double apply(double x) {
            return 1.0 / (1.0 + Math.exp(-x));
        }

        @Override
        public double derivativeFromOutput(double y) {
            return y * (1.0 - y);
        }
    },
    /** tanh(x), in (-1, 1). */
    TANH("tanh") {
        @Override
        public double apply(double x) {
            return Math.tanh(x);
        }

        @Override
        public double derivativeFromOutput(double y) {
            return 1.0 - y * y;
        }
    },
    /** The 1997 cell input squashing g(x) = 4 sigma(x) - 2, in (-2, 2); g'(x) = 4 sigma (1 - sigma). */
    G_1997("g1997") {
        @Override
        public double apply(double x) {
            return 4.0 / (1.0 + Math.exp(-x)) - 2.0;
        }

        @Override
        public double derivativeFromOutput(double y) {
            // sigma = (y + 2) / 4, g' = 4 sigma (1 - sigma) = (y + 2)(2 - y) / 4
            return (2.0 + y) * (2.0 - y) / 4.0;
        }
    },
    /** The 1997 cell output squashing h(x) = 2 sigma(x) - 1, in (-1, 1); h'(x) = 2 sigma (1 - sigma). */
    H_1997("h1997") {
        @Override
        public double apply(double x) {
            return 2.0 / (1.0 + Math.exp(-x)) - 1.0;
        }

        @Override
        public double derivativeFromOutput(double y) {
            // sigma = (y + 1) / 2, h' = 2 sigma (1 - sigma) = (1 + y)(1 - y) / 2
            return (1.0 + y) * (1.0 - y) / 2.0;
        }
    };

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    /** The name used in configuration files: identity, sigmoid, tanh, g1997, h1997. */
    public String id() {
        return id;
    }

    /** The activation with that name. */
    public static Activation fromId(String id) {
        for (Activation a : values()) {
            if (a.id.equalsIgnoreCase(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + id
                + "' (expected identity, sigmoid, tanh, g1997 or h1997)");
    }

    /** f(x). */
    public abstract double apply(double x);

    /** f'(x) expressed through y = f(x). */
    public abstract double derivativeFromOutput(double y);

    /** f'(x). */
    public double derivative(double x) {
        return derivativeFromOutput(apply(x));
    }
}
