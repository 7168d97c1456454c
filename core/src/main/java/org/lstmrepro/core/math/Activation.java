package org.lstmrepro.core.math;

import org.lstmrepro.core.Identified;

/**
 * Squashing functions with their derivatives.
 *
 * <p>The 1997 squashing functions (Hochreiter and Schmidhuber 1997, section 5):
 * the cell input squashing {@code g(x) = 4 sigma(x) - 2} in [-2, 2] and the cell output squashing
 * {@code h(x) = 2 sigma(x) - 1} in [-1, 1], with {@code sigma} the logistic sigmoid.
 *
 * <p>{@link #derivative(double)} takes the net input {@code x} and is accurate to a few ulps for every
 * x: the logistic-based derivatives are computed as {@code sigma(x) sigma(-x) = e/(1+e)^2} with
 * {@code e = exp(-|x|)} (scaled by 4 for g, 2 for h), tanh's as {@code 4e/(1+e)^2} with
 * {@code e = exp(-2|x|)}. {@link #derivativeFromOutput(double)} takes the activation {@code y = f(x)}
 * instead, which is cheaper where a forward pass has kept it, but forms a difference like {@code 1 - y}
 * that keeps only about {@code eps / (1 - |y|)} relative precision: in deep saturation (|x| around 25 to
 * 30, as a 1997 cell state reaches) it loses most digits, and for h with x below -37 it is exactly 0.
 * {@link #derivative(double, double)} takes both and uses the output only where that is exact to about
 * 1e-13, the net input elsewhere: the form the backward passes use where the net input can be large.
 */
public enum Activation implements Identified {
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
            return 1.0 / (1.0 + Exponential.exp(-x));
        }

        @Override
        public double derivativeFromOutput(double y) {
            return y * (1.0 - y);
        }

        @Override
        public double derivative(double x) {
            return logisticSlope(x);
        }

        @Override
        boolean saturated(double y) {
            return 1.0 - y < SATURATED;
        }
    },
    /** tanh(x), in (-1, 1). */
    TANH("tanh") {
        @Override
        public double apply(double x) {
            return Exponential.tanh(x);
        }

        @Override
        public double derivativeFromOutput(double y) {
            return 1.0 - y * y;
        }

        @Override
        public double derivative(double x) {
            double e = Exponential.exp(-2.0 * Math.abs(x));
            return 4.0 * e / ((1.0 + e) * (1.0 + e));
        }

        @Override
        boolean saturated(double y) {
            return 1.0 - Math.abs(y) < SATURATED;
        }
    },
    /** The 1997 cell input squashing g(x) = 4 sigma(x) - 2, in (-2, 2); g'(x) = 4 sigma (1 - sigma). */
    G_1997("g1997") {
        @Override
        public double apply(double x) {
            return 4.0 / (1.0 + Exponential.exp(-x)) - 2.0;
        }

        @Override
        public double derivativeFromOutput(double y) {
            // sigma = (y + 2) / 4, g' = 4 sigma (1 - sigma) = (y + 2)(2 - y) / 4
            return (2.0 + y) * (2.0 - y) / 4.0;
        }

        @Override
        public double derivative(double x) {
            return 4.0 * logisticSlope(x);
        }

        @Override
        boolean saturated(double y) {
            return 2.0 - Math.abs(y) < 2 * SATURATED;
        }
    },
    /** The 1997 cell output squashing h(x) = 2 sigma(x) - 1, in (-1, 1); h'(x) = 2 sigma (1 - sigma). */
    H_1997("h1997") {
        @Override
        public double apply(double x) {
            return 2.0 / (1.0 + Exponential.exp(-x)) - 1.0;
        }

        @Override
        public double derivativeFromOutput(double y) {
            // sigma = (y + 1) / 2, h' = 2 sigma (1 - sigma) = (1 + y)(1 - y) / 2
            return (1.0 + y) * (1.0 - y) / 2.0;
        }

        @Override
        public double derivative(double x) {
            return 2.0 * logisticSlope(x);
        }

        @Override
        boolean saturated(double y) {
            return 1.0 - Math.abs(y) < SATURATED;
        }
    };

    /**
     * Where {@link #derivativeFromOutput} stops being exact: with {@code 1 - |y|} (or its scaled form)
     * at least 2^-10, the difference keeps all but about 10 bits, a relative error below 1e-13.
     */
    static final double SATURATED = 0x1p-10;

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    /** The name used in configuration files: identity, sigmoid, tanh, g1997, h1997. */
    @Override
    public String id() {
        return id;
    }

    /** The activation with that name. */
    public static Activation fromId(String id) {
        return Identified.fromId(Activation.class, id, "activation");
    }

    /** f(x). */
    public abstract double apply(double x);

    /** f'(x) expressed through y = f(x). */
    public abstract double derivativeFromOutput(double y);

    /** f'(x), accurate for every x (see the class comment). */
    public double derivative(double x) {
        return derivativeFromOutput(apply(x));
    }

    /**
     * f'(x) given both the net input and y = f(x): from y (cheap) unless y is saturated, then from x
     * (accurate). The form for backward passes whose net inputs can be large (a cell state).
     */
    public double derivative(double x, double y) {
        return saturated(y) ? derivative(x) : derivativeFromOutput(y);
    }

    /** Whether {@link #derivativeFromOutput} would lose precision at this output. */
    boolean saturated(double y) {
        return false;
    }

    /** sigma'(x) = sigma(x) sigma(-x) = e / (1 + e)^2 with e = exp(-|x|): no cancellation, no underflow before e does. */
    private static double logisticSlope(double x) {
        double e = Exponential.exp(-Math.abs(x));
        return e / ((1.0 + e) * (1.0 + e));
    }
}
