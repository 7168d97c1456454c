package org.lstmrepro.core.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD form of {@link ActivationKernels} on the Vector API ({@code jdk.incubator.vector}), four
 * elements at a time in the lanes of {@link DoubleVector#SPECIES_256}, with the bits of
 * {@link Exponential}: each lane performs the scalar function's IEEE 754 operations ({@code fma},
 * {@code *}, {@code +}, {@code /}, all specified lane-wise as the scalar operations) in the same order
 * on the same constants; the table lookup 2^(j/64) is a gather from the same table. The scalar code's
 * branches are taken so that the selected value of every lane is the scalar value:
 * <ul>
 *   <li>a group of four in which the scalar code would leave the common path in any lane is done by the
 *       scalar function, element by element: the sigmoid's exponential's fallback to
 *       {@link StrictMath#exp} beyond |x| = 700, the saturation of {@link Exponential#symmetricSigmoid}
 *       beyond |x| = 40 and of tanh beyond |x| = 20 (2|x| = 40) to ±amplitude, and NaN. So the vector
 *       path selects no saturated value: two comparisons and two blends fewer after the division, which
 *       lies on the 1997 step's recurrent critical path; such arguments are rare in training;</li>
 *   <li>tanh's Taylor polynomial for |x| &lt;= 1/8, selected lane by lane ({@code blend}) against the
 *       ratio, and its {@link Math#copySign} (the sign bit of x on the non-negative value);</li>
 *   <li>the elements after the last full group of four: the scalar function.</li>
 * </ul>
 *
 * <p>The Vector API's traps on Java 17 (see {@link VectorProducts}): no vector crosses a method call
 * and no vector variable merges two branches (the three functions share the exponential and then each
 * stores from its own branch); the one method is larger than the JIT's limit for inlining a hot callee,
 * so it is compiled on its own. The gather reads its four table indices from an int array, one per
 * thread (trials may train in parallel), fetched once per call.
 *
 * <p>A third trap, found here (docs/benchmarks.md, "What changed"): a conversion whose target species
 * is looked up at run time ({@code reinterpretAsLongs()}) was now and then compiled as a call, and every
 * vector after it was boxed (about one JVM in ten ran the vanilla family twice as slowly, allocating
 * kilobytes per step); every conversion here names its species as a constant ({@link #BITS}).
 *
 * <p>Only loaded when the module is present ({@link ActivationKernels}); never reference it directly.
 */
final class VectorActivations implements ActivationKernel {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Integer> INDEX_SPECIES = IntVector.SPECIES_128;
    /**
     * The species the doubles' bits are read in. Every reinterpretation names its species as a constant
     * ({@code reinterpretShape(BITS, 0)}, not {@code reinterpretAsLongs()}, which looks the species up at
     * run time): with the looked-up species C2 now and then compiled the conversion as a call, and every
     * vector after it, down to the stores, was then boxed on the heap (about one JVM in ten).
     */
    private static final VectorSpecies<Long> BITS = LongVector.SPECIES_256;
    private static final int L = 4;
    private static final long SIGN = Long.MIN_VALUE;
    private static final ThreadLocal<int[]> TABLE_INDEX = ThreadLocal.withInitial(() -> new int[L]);

    VectorActivations() {
        if (S.length() != L || INDEX_SPECIES.length() != L) {
            throw new IllegalStateException("DoubleVector.SPECIES_256 has " + S.length() + " lanes");
        }
    }

    @Override
    public void apply(Squash f, double amplitude, double[] src, int srcOff, double[] dst, int dstOff, int n) {
        int[] index = TABLE_INDEX.get();
        boolean tanh = f == Squash.TANH;
        boolean sigmoid = f == Squash.SIGMOID;
        double scale = tanh ? 2.0 : 1.0;
        // beyond this |x| a group is done by the scalar function: the exponential's fallback (sigmoid), or
        // the saturation to +-amplitude (symmetric sigmoid beyond 40, tanh where 2|x| is beyond 40), so that
        // the vector path has no saturation to select (rare in training; each group is checked anyway)
        double vectorRange = sigmoid ? Exponential.LIMIT : tanh ? Exponential.SATURATED / 2 : Exponential.SATURATED;
        int i = 0;
        for (; i + L <= n; i += L) {
            // made here, not before the loop (the JIT hoists them itself): a precaution, so that no vector
            // is live at the loop head, where an on-stack-replacement compilation receives its values
            // from the interpreter
            VectorMask<Double> absolute = S.maskAll(tanh);
            DoubleVector ln2Hi = DoubleVector.broadcast(S, Exponential.LN2_HI);
            DoubleVector ln2Lo = DoubleVector.broadcast(S, Exponential.LN2_LO);
            DoubleVector x = DoubleVector.fromArray(S, src, srcOff + i);
            DoubleVector ax = x.abs();
            if (!ax.compare(VectorOperators.LE, vectorRange).allTrue()) {
                for (int q = i; q < i + L; q++) {                   // saturated, StrictMath.exp's range, or NaN
                    dst[dstOff + q] = f.scalar(src[srcOff + q], amplitude);
                }
                continue;
            }
            DoubleVector u = x.blend(ax.mul(scale), absolute);      // sigmoids: x; tanh: 2|x| (exact); no multiply on
                                                                    // the sigmoids' path (the 1997 step's critical one)
            DoubleVector v = u.neg();                               // e = exp(v) as Exponential.exp
            DoubleVector shifted = v.fma(Exponential.SCALE, Exponential.ROUND);
            LongVector nk = ((LongVector) shifted.reinterpretShape(BITS, 0)).sub(Exponential.ROUND_BITS);
            DoubleVector minusNd = shifted.sub(Exponential.ROUND).neg();
            DoubleVector r = minusNd.fma(ln2Lo, minusNd.fma(ln2Hi, v));
            ((IntVector) nk.and(Exponential.TABLE_SIZE - 1).convertShape(VectorOperators.L2I, INDEX_SPECIES, 0))
                    .intoArray(index, 0);
            DoubleVector twoToJ = DoubleVector.fromArray(S, Exponential.TWO_TO_J, 0, index, 0);
            DoubleVector twoToK = (DoubleVector) nk.lanewise(VectorOperators.ASHR, Exponential.TABLE_BITS).add(1023)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretShape(S, 0);
            DoubleVector scaled = twoToJ.mul(twoToK);
            DoubleVector r2 = r.mul(r);
            DoubleVector low = r.fma(1.0 / 6, 0.5);
            DoubleVector high = r.fma(1.0 / 120, 1.0 / 24);
            DoubleVector em1 = r2.fma(r2.fma(high, low), r);
            DoubleVector e = scaled.fma(em1, scaled);
            DoubleVector denominator = e.add(1.0);
            if (sigmoid) {                                          // 1 / (1 + e^-x)
                DoubleVector.broadcast(S, 1.0).div(denominator).intoArray(dst, dstOff + i);
            } else if (!tanh) {                                     // amplitude (1 - e^-x) / (1 + e^-x)
                e.fma(-amplitude, amplitude).div(denominator).intoArray(dst, dstOff + i);
            } else {                                                // tanh: ratio or series; sign of x
                DoubleVector x2 = ax.mul(ax);
                DoubleVector p = x2.fma(Exponential.T15, Exponential.T13);
                p = x2.fma(p, DoubleVector.broadcast(S, Exponential.T11));
                p = x2.fma(p, DoubleVector.broadcast(S, Exponential.T9));
                p = x2.fma(p, DoubleVector.broadcast(S, Exponential.T7));
                p = x2.fma(p, DoubleVector.broadcast(S, Exponential.T5));
                p = x2.fma(p, DoubleVector.broadcast(S, Exponential.T3));
                DoubleVector series = ax.mul(x2).fma(p, ax);
                DoubleVector t = e.fma(-1.0, 1.0).div(denominator)
                        .blend(series, ax.compare(VectorOperators.LE, Exponential.TANH_SERIES));
                ((DoubleVector) ((LongVector) t.reinterpretShape(BITS, 0)).and(~SIGN)
                        .or(((LongVector) x.reinterpretShape(BITS, 0)).and(SIGN)).reinterpretShape(S, 0))
                        .intoArray(dst, dstOff + i);
            }
        }
        for (; i < n; i++) {
            dst[dstOff + i] = f.scalar(src[srcOff + i], amplitude);
        }
    }
}
