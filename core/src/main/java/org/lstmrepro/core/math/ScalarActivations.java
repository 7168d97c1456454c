package org.lstmrepro.core.math;

/** The scalar form of {@link ActivationKernels}: {@link Squash#scalar} element by element. */
final class ScalarActivations implements ActivationKernel {

    @Override
    public void apply(Squash f, double amplitude, double[] src, int srcOff, double[] dst, int dstOff, int n) {
        switch (f) {
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOff + i] = Exponential.sigmoid(src[srcOff + i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOff + i] = Exponential.tanh(src[srcOff + i]);
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOff + i] = Exponential.symmetricSigmoid(src[srcOff + i], amplitude);
                }
            }
        }
    }
}
