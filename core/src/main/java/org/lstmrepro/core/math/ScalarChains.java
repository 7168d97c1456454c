package org.lstmrepro.core.math;

/**
 * The scalar form of the chain kernels of {@link Kernels}: the chains {@link VectorChains} runs in its
 * lanes, one element after another, several interleaved so that the processor can overlap them (the net
 * inputs' chains 4 at a time, the traces' 16; the order of each chain's own operations is what fixes the
 * bits, not the interleaving). Runs without the Vector API module.
 */
final class ScalarChains implements ChainKernel {

    @Override
    public void affineChains(double[] wt, int ld, int width, double[] z, int[] list, int listCount, int denseFrom,
                             int denseTo, double[] out, int outOff) {
        int terms = listCount + denseTo - denseFrom;
        int j = 0;
        for (; j + 4 <= width; j += 4) {              // four chains at a time, which the processor overlaps
            double s0 = wt[j], s1 = wt[j + 1], s2 = wt[j + 2], s3 = wt[j + 3];
            for (int k = 0; k < terms; k++) {
                int m = k < listCount ? list[k] : denseFrom + k - listCount;
                double zm = z[m];
                int w = (m + 1) * ld + j;
                s0 = Math.fma(wt[w], zm, s0);
                s1 = Math.fma(wt[w + 1], zm, s1);
                s2 = Math.fma(wt[w + 2], zm, s2);
                s3 = Math.fma(wt[w + 3], zm, s3);
            }
            out[outOff + j] = s0;
            out[outOff + j + 1] = s1;
            out[outOff + j + 2] = s2;
            out[outOff + j + 3] = s3;
        }
        for (; j < width; j++) {
            out[outOff + j] = affineChain(wt, ld, j, z, list, listCount, denseFrom, denseTo);
        }
    }

    /** One element of {@link Kernels#affineChains} (and the columns that do not fill the SIMD form's 4 lanes). */
    static double affineChain(double[] wt, int ld, int j, double[] z, int[] list, int listCount, int denseFrom,
                              int denseTo) {
        double s = wt[j];
        for (int k = 0; k < listCount; k++) {
            int m = list[k];
            s = Math.fma(wt[(m + 1) * ld + j], z[m], s);
        }
        for (int m = denseFrom; m < denseTo; m++) {
            s = Math.fma(wt[(m + 1) * ld + j], z[m], s);
        }
        return s;
    }

    @Override
    public void outerChains(double[] c, int ldc, int rows, int[] groups, int groupCount, int denseFrom, int denseTo,
                            double[] q, int ldq, double[][] z, int steps) {
        for (int r = 0; r < rows; r += 4) {
            for (int g = 0; g < groupCount; g++) {
                tile(c, ldc, r, groups[g], q, ldq, z, steps);
            }
            for (int m = denseFrom; m < denseTo; m += 4) {
                tile(c, ldc, r, m, q, ldq, z, steps);
            }
        }
    }

    /** The 4 x 4 block of c from row r and column m, its sums in registers over the steps. */
    private static void tile(double[] c, int ldc, int r, int m, double[] q, int ldq, double[][] z, int steps) {
        int t0 = r * ldc + m;
        int t1 = t0 + ldc;
        int t2 = t1 + ldc;
        int t3 = t2 + ldc;
        double a00 = c[t0], a01 = c[t0 + 1], a02 = c[t0 + 2], a03 = c[t0 + 3];
        double a10 = c[t1], a11 = c[t1 + 1], a12 = c[t1 + 2], a13 = c[t1 + 3];
        double a20 = c[t2], a21 = c[t2 + 1], a22 = c[t2 + 2], a23 = c[t2 + 3];
        double a30 = c[t3], a31 = c[t3 + 1], a32 = c[t3 + 2], a33 = c[t3 + 3];
        for (int k = 0; k < steps; k++) {
            double[] zk = z[k];
            double z0 = zk[m], z1 = zk[m + 1], z2 = zk[m + 2], z3 = zk[m + 3];
            int f = k * ldq + r;
            double q0 = q[f], q1 = q[f + 1], q2 = q[f + 2], q3 = q[f + 3];
            a00 = Math.fma(q0, z0, a00);
            a01 = Math.fma(q0, z1, a01);
            a02 = Math.fma(q0, z2, a02);
            a03 = Math.fma(q0, z3, a03);
            a10 = Math.fma(q1, z0, a10);
            a11 = Math.fma(q1, z1, a11);
            a12 = Math.fma(q1, z2, a12);
            a13 = Math.fma(q1, z3, a13);
            a20 = Math.fma(q2, z0, a20);
            a21 = Math.fma(q2, z1, a21);
            a22 = Math.fma(q2, z2, a22);
            a23 = Math.fma(q2, z3, a23);
            a30 = Math.fma(q3, z0, a30);
            a31 = Math.fma(q3, z1, a31);
            a32 = Math.fma(q3, z2, a32);
            a33 = Math.fma(q3, z3, a33);
        }
        c[t0] = a00; c[t0 + 1] = a01; c[t0 + 2] = a02; c[t0 + 3] = a03;
        c[t1] = a10; c[t1 + 1] = a11; c[t1 + 2] = a12; c[t1 + 3] = a13;
        c[t2] = a20; c[t2 + 1] = a21; c[t2 + 2] = a22; c[t2 + 3] = a23;
        c[t3] = a30; c[t3 + 1] = a31; c[t3 + 2] = a32; c[t3 + 3] = a33;
    }

    @Override
    public void sumChains(double[] c, int rows, double[] q, int ldq, int steps) {
        for (int r = 0; r < rows; r++) {
            double s = c[r];
            for (int k = 0; k < steps; k++) {
                s += q[k * ldq + r];
            }
            c[r] = s;
        }
    }
}
