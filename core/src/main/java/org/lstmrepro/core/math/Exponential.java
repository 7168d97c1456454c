package org.lstmrepro.core.math;

/**
 * e^x in plain Java arithmetic, for the hot loops of the recurrent kernels: inlined by the JIT
 * compiler where {@link Math#exp} is a call into a runtime stub (which makes the compiled loop around
 * it save and reload its live registers), and the same bits on every platform (only
 * {@link Math#fma}, exactly specified, and a table from {@link StrictMath#pow}).
 *
 * <p>Method (the classic table-driven reduction): {@code x = (64 k + j) ln2 / 64 + r} with j in
 * [0, 64) and |r| &lt;= ln2 / 128, so {@code e^x = 2^k 2^(j/64) e^r}; e^r - 1 by its Taylor polynomial
 * of degree 5 (the next term is below 4e-17 relative), 2^(j/64) from a table. Within 2 units in the
 * last place of the exact value over the whole range (tested against {@link Math#exp}); outside
 * [-700, 700], and for NaN, it returns {@link Math#exp}.
 */
public final class Exponential {

    private static final int TABLE_BITS = 6;
    private static final int TABLE_SIZE = 1 << TABLE_BITS;
    /** 2^(j/64), j = 0 .. 63. */
    private static final double[] TWO_TO_J = new double[TABLE_SIZE];
    private static final double SCALE = TABLE_SIZE / Math.log(2.0);
    /** ln2 / 64 in two parts: the first has 32 significant bits, so k * LN2_HI is exact for |k| < 2^21. */
    private static final double LN2_HI;
    private static final double LN2_LO;
    private static final double LIMIT = 700.0;

    static {
        for (int j = 0; j < TABLE_SIZE; j++) {
            TWO_TO_J[j] = StrictMath.pow(2.0, j / (double) TABLE_SIZE);
        }
        double ln2 = 0x1.62e42fefa39efp-1; // ln 2 rounded to double
        double ln2Lo = 0x1.abc9e3b39803fp-56; // ln 2 - ln2, rounded
        double hi = Double.longBitsToDouble(Double.doubleToRawLongBits(ln2) & 0xFFFFFFFFF8000000L);
        LN2_HI = hi / TABLE_SIZE;
        LN2_LO = ((ln2 - hi) + ln2Lo) / TABLE_SIZE;
    }

    private Exponential() {
    }

    /** e^x, within 2 ulp; {@link Math#exp} outside [-700, 700] and for NaN. */
    public static double exp(double x) {
        if (!(Math.abs(x) <= LIMIT)) {
            return Math.exp(x);
        }
        double nd = Math.rint(x * SCALE); // n = round(64 x / ln2) = 64 k + j
        long n = (long) nd;
        double r = Math.fma(-nd, LN2_LO, Math.fma(-nd, LN2_HI, x));
        // e^r - 1 = r + r^2 (1/2 + r (1/6 + r (1/24 + r / 120)))
        double p = Math.fma(r, 1.0 / 120, 1.0 / 24);
        p = Math.fma(r, p, 1.0 / 6);
        p = Math.fma(r, p, 0.5);
        double em1 = Math.fma(r * r, p, r);
        double t = TWO_TO_J[(int) n & (TABLE_SIZE - 1)];
        long k = n >> TABLE_BITS; // floor(n / 64), also for negative n
        double twoToK = Double.longBitsToDouble((k + 1023) << 52);
        return Math.fma(t, em1, t) * twoToK;
    }

    /** The logistic sigmoid 1 / (1 + e^-x) with {@link #exp}. */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + exp(-x));
    }
}
