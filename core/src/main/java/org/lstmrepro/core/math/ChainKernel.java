package org.lstmrepro.core.math;

/**
 * The small fused kernels of the 1997 truncated gradient's step ({@link Kernels#affineChains},
 * {@link Kernels#outerChains}, {@link Kernels#sumChains}): chains of IEEE operations per result element
 * that start from the element's old value (or a bias), in a fixed order, so that the SIMD form
 * ({@link VectorChains}, lanes over independent elements) and the scalar form ({@link ScalarChains}) give
 * the same bits.
 */
interface ChainKernel {

    /** See {@link Kernels#affineChains}. */
    void affineChains(double[] wt, int ld, int width, double[] z, int[] list, int listCount, int denseFrom,
                      int denseTo, double[] out, int outOff);

    /** See {@link Kernels#outerChains}. */
    void outerChains(double[] c, int ldc, int rows, int[] groups, int groupCount, int denseFrom, int denseTo,
                     double[] q, int ldq, double[][] z, int steps);

    /** See {@link Kernels#sumChains}. */
    void sumChains(double[] c, int rows, double[] q, int ldq, int steps);
}
