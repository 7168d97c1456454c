package org.lstmrepro.core.math;

/**
 * The three squashing functions of {@link Exponential} that {@link ActivationKernels} applies to arrays;
 * {@link #scalar} is the reference every kernel reproduces bit for bit.
 */
enum Squash {
    /** {@link Exponential#sigmoid}. */
    SIGMOID {
        @Override
        double scalar(double x, double amplitude) {
            return Exponential.sigmoid(x);
        }
    },
    /** {@link Exponential#symmetricSigmoid}, with the amplitude an argument. */
    SYMMETRIC_SIGMOID {
        @Override
        double scalar(double x, double amplitude) {
            return Exponential.symmetricSigmoid(x, amplitude);
        }
    },
    /** {@link Exponential#tanh}. */
    TANH {
        @Override
        double scalar(double x, double amplitude) {
            return Exponential.tanh(x);
        }
    };

    /** The function at x (the amplitude is read by {@link #SYMMETRIC_SIGMOID} only). */
    abstract double scalar(double x, double amplitude);
}
