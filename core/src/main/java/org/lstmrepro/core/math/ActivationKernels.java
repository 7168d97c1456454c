package org.lstmrepro.core.math;

/**
 * The squashing functions of {@link Exponential} applied to whole arrays (a gate block, a layer):
 * {@link #sigmoid}, {@link #tanh} and {@link #symmetricSigmoid}, each element with exactly the bits of
 * the scalar function, and {@link #apply} for an {@link Activation} chosen by configuration (one
 * dispatch per block, not per element).
 *
 * <p><b>SIMD.</b> Like {@link Kernels}' products, the functions run four elements at a time on the
 * Vector API ({@link VectorActivations}) when the JVM has the module {@code jdk.incubator.vector} and
 * the products do ({@link Kernels#vectorised()}; {@code -D}{@value Kernels#PROPERTY}{@code =scalar}
 * switches both off), and element by element otherwise ({@link ScalarActivations}); the two give the
 * same bits for every argument (every branch of the scalar code included: the exponential's fallback
 * beyond |x| = 700 and for NaN, the saturation beyond 40, tanh's series below 1/8 and its sign), so a
 * run gives the same numbers with or without the module.
 *
 * <p>Every method has an in-place form ({@code a[off .. off + n)}) and a from/to form; in the latter
 * the source and destination ranges must be the same or must not overlap.
 */
public final class ActivationKernels {

    private static final ActivationKernel KERNEL = choose();

    private ActivationKernels() {
    }

    private static ActivationKernel choose() {
        if (!Kernels.vectorised()) {
            return new ScalarActivations();
        }
        try {
            return (ActivationKernel) Class.forName("org.lstmrepro.core.math.VectorActivations")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return new ScalarActivations();
        }
    }

    /** Whether the functions run on SIMD lanes. */
    public static boolean vectorised() {
        return !(KERNEL instanceof ScalarActivations);
    }

    /** {@code a[off + i] = }{@link Exponential#sigmoid}{@code (a[off + i])} for i &lt; n. */
    public static void sigmoid(double[] a, int off, int n) {
        KERNEL.apply(Squash.SIGMOID, 1.0, a, off, a, off, n);
    }

    /** {@code dst[dstOff + i] = }{@link Exponential#sigmoid}{@code (src[srcOff + i])} for i &lt; n. */
    public static void sigmoid(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        KERNEL.apply(Squash.SIGMOID, 1.0, src, srcOff, dst, dstOff, n);
    }

    /** {@code a[off + i] = }{@link Exponential#tanh}{@code (a[off + i])} for i &lt; n. */
    public static void tanh(double[] a, int off, int n) {
        KERNEL.apply(Squash.TANH, 1.0, a, off, a, off, n);
    }

    /** {@code dst[dstOff + i] = }{@link Exponential#tanh}{@code (src[srcOff + i])} for i &lt; n. */
    public static void tanh(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        KERNEL.apply(Squash.TANH, 1.0, src, srcOff, dst, dstOff, n);
    }

    /**
     * {@code a[off + i] = }{@link Exponential#symmetricSigmoid}{@code (a[off + i], amplitude)} for i &lt; n:
     * the 1997 squashing functions h (amplitude 1) and g (amplitude 2).
     */
    public static void symmetricSigmoid(double[] a, int off, int n, double amplitude) {
        KERNEL.apply(Squash.SYMMETRIC_SIGMOID, amplitude, a, off, a, off, n);
    }

    /** {@code dst[dstOff + i] = }{@link Exponential#symmetricSigmoid}{@code (src[srcOff + i], amplitude)} for i &lt; n. */
    public static void symmetricSigmoid(double[] src, int srcOff, double[] dst, int dstOff, int n, double amplitude) {
        KERNEL.apply(Squash.SYMMETRIC_SIGMOID, amplitude, src, srcOff, dst, dstOff, n);
    }

    /**
     * {@code dst[dstOff + i] = f.apply(src[srcOff + i])} for i &lt; n, with the bits of {@link Activation#apply}:
     * the SIMD kernels for {@link Activation#SIGMOID} and {@link Activation#TANH}, a copy for
     * {@link Activation#IDENTITY}, element by element for the others.
     */
    public static void apply(Activation f, double[] src, int srcOff, double[] dst, int dstOff, int n) {
        switch (f) {
            case SIGMOID -> KERNEL.apply(Squash.SIGMOID, 1.0, src, srcOff, dst, dstOff, n);
            case TANH -> KERNEL.apply(Squash.TANH, 1.0, src, srcOff, dst, dstOff, n);
            case IDENTITY -> {
                if (src != dst || srcOff != dstOff) {
                    System.arraycopy(src, srcOff, dst, dstOff, n);
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOff + i] = f.apply(src[srcOff + i]);
                }
            }
        }
    }

    /** {@code a[off + i] = f.apply(a[off + i])} for i &lt; n (see {@link #apply(Activation, double[], int, double[], int, int)}). */
    public static void apply(Activation f, double[] a, int off, int n) {
        apply(f, a, off, a, off, n);
    }
}
