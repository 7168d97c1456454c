package org.lstmrepro.core.math;

/**
 * One implementation of {@link Kernels#mult}: the SIMD one ({@link VectorProducts}) or the scalar one
 * ({@link ScalarProducts}); both compute every result element as the same chain of {@link Math#fma}.
 */
interface ProductKernel {

    /** See {@link Kernels#mult}. */
    void mult(double[] a, int aOff, int aRowStride, int aColStride, double[] b, int bOff, int ldb, double[] c,
              int n, int k, int m, boolean add);
}
