package org.lstmrepro.core.math;

/**
 * The matrix products of the recurrent layers' hot loops, and the small chain kernels of the 1997
 * truncated gradient's step ({@link #affineChains}, {@link #outerChains}, {@link #sumChains}, each with
 * its own chains in its contract), in one place. The products follow one rounding rule:
 * <b>every result element is one chain of {@link Math#fma} over the shared dimension in index order,
 * started at 0</b> (and then added to the old value, for the accumulating forms). The result therefore
 * does not depend on the tiling, on the kernel ({@link #mult} on SIMD lanes or scalar, {@link #multTransB}
 * on the untransposed operand) or on how many rows one call gets.
 *
 * <p><b>SIMD.</b> {@link #mult} runs on the Vector API ({@code jdk.incubator.vector}, an incubator
 * module of Java 17) when the JVM was started with {@code --add-modules jdk.incubator.vector} (the
 * launcher {@code lstm-repro}, the Slurm scripts and the build's tests do), and otherwise on a scalar
 * kernel with the same chains: a run without the module gives the same numbers, bit for bit, only
 * slower. The choice is made once, when this class is loaded; {@link #path()} says which (the
 * {@code bench} command prints it). The system property {@value #PROPERTY}{@code =scalar} forces the
 * scalar kernel (to measure it, or to compare). The lanes run over adjacent result columns with a
 * fixed width of 4 ({@code DoubleVector.SPECIES_256}, on every platform), and are never reduced
 * across one another, so the SIMD kernel performs exactly the scalar kernel's IEEE 754 operations
 * ({@code fma}, {@code +}); no transcendental operation of the Vector API is used.
 */
public final class Kernels {

    /** The system property that forces the scalar kernel: {@code -Dlstmrepro.kernels=scalar}. */
    public static final String PROPERTY = "lstmrepro.kernels";

    private static final String MODULE = "jdk.incubator.vector";

    /** The {@code java} option that turns the SIMD kernel on (the launcher and the Slurm scripts pass it). */
    public static final String JAVA_OPTION = "--add-modules " + MODULE;

    private static final ProductKernel KERNEL = choose("VectorProducts", new ScalarProducts());

    private static final ChainKernel CHAINS = choose("VectorChains", new ScalarChains());

    private Kernels() {
    }

    /** The SIMD class {@code simdClass} of this package when the module is present and not switched off, else {@code scalar}. */
    @SuppressWarnings("unchecked")
    private static <K> K choose(String simdClass, K scalar) {
        if ("scalar".equals(System.getProperty(PROPERTY)) || ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return scalar;
        }
        try {
            return (K) Class.forName("org.lstmrepro.core.math." + simdClass).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return scalar;
        }
    }

    /** Whether the kernels run on SIMD lanes (the Vector API module is present and not switched off). */
    public static boolean vectorised() {
        return !(KERNEL instanceof ScalarProducts);
    }

    /** {@code "vector (4 lanes)"} or {@code "scalar"}, with how to get the other, for a benchmark's record. */
    public static String path() {
        return vectorised() ? "vector (jdk.incubator.vector, 4 lanes)"
                : "scalar (same results; start java with " + JAVA_OPTION + " for SIMD)";
    }

    /**
     * {@code c[r][j] (+)= Σ_p a(r, p) b[p][j]} for r &lt; n, j &lt; m, p &lt; k, with
     * {@code a(r, p) = a[aOff + r aRowStride + p aColStride]} (so that A or Aᵀ of a row-major array can
     * be read), {@code b[p][j] = b[bOff + p ldb + j]} and {@code c[r][j] = c[r m + j]}; with {@code add}
     * the chain's value is added to c, otherwise it replaces it.
     */
    public static void mult(double[] a, int aOff, int aRowStride, int aColStride, double[] b, int bOff, int ldb,
                            double[] c, int n, int k, int m, boolean add) {
        KERNEL.mult(a, aOff, aRowStride, aColStride, b, bOff, ldb, c, n, k, m, add);
    }

    /** {@code c (+)= a b}: a [n, k], b [k, m], c [n, m], row-major from index 0. */
    public static void mult(double[] a, double[] b, double[] c, int n, int k, int m, boolean add) {
        KERNEL.mult(a, 0, k, 1, b, 0, m, c, n, k, m, add);
    }

    /**
     * {@code c (+)= a bᵀ} read from b as it is (scalar: its rows are the chains' second operands):
     * a [n, k], b [m, k], c [n, m], row-major from index 0; the same bits as {@link #mult} with the
     * transpose of b. For a single use of b, where transposing it would cost as much as the product.
     */
    public static void multTransB(double[] a, int n, int k, double[] b, int m, double[] c, boolean add) {
        ScalarProducts.multTransB(a, n, k, b, m, c, add);
    }

    /**
     * Small affine layers with the bias first: {@code out[outOff + j] = s_j} for j &lt; width, where
     * s_j is the chain {@code s = wt[j]; s = fma(wt[(m + 1) ld + j], z[m], s)} over the sources m =
     * {@code list[0]}, .., {@code list[listCount - 1]}, then {@code denseFrom}, .., {@code denseTo - 1},
     * in that order. {@code wt} is source-major: row 0 holds the biases, row m + 1 the weights from
     * source m, {@code ld >= width} apart. The 1997 network's net inputs
     * {@code net_u = b_u + sum_m w_um z_m} (Hochreiter and Schmidhuber 1997, appendix A.1), four units
     * per SIMD lane group; the list names the non-zero inputs when they are sparse.
     */
    public static void affineChains(double[] wt, int ld, int width, double[] z, int[] list, int listCount, int denseFrom,
                                    int denseTo, double[] out, int outOff) {
        CHAINS.affineChains(wt, ld, width, z, list, listCount, denseFrom, denseTo, out, outOff);
    }

    /**
     * Sums of outer products onto c, each element its own chain from its old value: for r &lt; rows and
     * each column j of the 4-column groups starting at {@code groups[0]}, .., {@code groups[groupCount
     * - 1]}, then at {@code denseFrom}, {@code denseFrom + 4}, .. below {@code denseTo},
     * {@code c[r ldc + j] = fma(q[k ldq + r], z[k][j], c[r ldc + j])} for k = 0 .. steps-1 in order.
     * {@code rows} must be a multiple of 8 (the SIMD form's tile), {@code denseTo - denseFrom} a multiple of 4,
     * and every {@code z[k]} must
     * hold the 4 columns of every group. The 1997 rule's traces {@code ds_c/dw_rm += q_r z_m} over its
     * pending steps (appendix A.2, with carousel factor 1).
     */
    public static void outerChains(double[] c, int ldc, int rows, int[] groups, int groupCount, int denseFrom,
                                   int denseTo, double[] q, int ldq, double[][] z, int steps) {
        CHAINS.outerChains(c, ldc, rows, groups, groupCount, denseFrom, denseTo, q, ldq, z, steps);
    }

    /** {@code c[r] = c[r] + q[r] + q[ldq + r] + .. + q[(steps - 1) ldq + r]}, added in that order, for r &lt; rows. */
    public static void sumChains(double[] c, int rows, double[] q, int ldq, int steps) {
        CHAINS.sumChains(c, rows, q, ldq, steps);
    }

    /** {@code t = sᵀ}: s [rows, cols], t [cols, rows], row-major from index 0. */
    public static void transpose(double[] s, int rows, int cols, double[] t) {
        for (int i = 0; i < rows; i++) {
            int si = i * cols;
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = s[si + j];
            }
        }
    }
}
