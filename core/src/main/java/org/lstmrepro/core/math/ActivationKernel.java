package org.lstmrepro.core.math;

/**
 * One implementation of {@link ActivationKernels}: the SIMD one ({@link VectorActivations}) or the
 * scalar one ({@link ScalarActivations}); both give every element the bits of {@link Squash#scalar}.
 */
interface ActivationKernel {

    /**
     * {@code dst[dstOff + i] = f(src[srcOff + i])} for i &lt; n; the two ranges are the same (in place)
     * or do not overlap.
     */
    void apply(Squash f, double amplitude, double[] src, int srcOff, double[] dst, int dstOff, int n);
}
