package org.lstmrepro.core.random;

import java.nio.charset.StandardCharsets;

import org.apache.commons.math3.random.AbstractRandomGenerator;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A seeded stream of pseudo-random numbers whose every draw is specified here, so that a run is
 * bit-for-bit reproducible on any JVM, now and later.
 *
 * <p>The generator is SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014): a 64-bit counter advanced by the golden-ratio increment and passed
 * through a bijective mixing function. It is fast, passes BigCrush, and is simple enough to check by
 * eye.
 *
 * <p><b>Streams.</b> One master seed drives a run. Every component takes its own stream with
 * {@link #derive(String)}; the child's seed is a hash of the parent's <em>seed</em> and the name, not
 * of the parent's state, so a child does not depend on how many numbers the parent or its siblings
 * have drawn. Adding a component (a new named stream) therefore never shifts the numbers any other
 * component sees.
 *
 * <p>Not thread-safe: give each thread its own derived stream.
 */
public final class RandomStream {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private final long seed;
    private long state;
    private double nextNextGaussian;
    private boolean haveNextNextGaussian;

    private RandomStream(long seed) {
        this.seed = seed;
        this.state = seed;
    }

    /** The root stream of a run: the one master seed everything else is derived from. */
    public static RandomStream root(long masterSeed) {
        return new RandomStream(mix64(masterSeed));
    }

    /**
     * The child stream of the given name, e.g. {@code "init"}, {@code "train-data"},
     * {@code "test-data"}. Independent of how much this stream has been used.
     */
    public RandomStream derive(String name) {
        return new RandomStream(mix64(seed ^ mix64(fnv1a64(name))));
    }

    /** The child stream with the given index (e.g. the i-th trial or the i-th sequence). */
    public RandomStream derive(long index) {
        return new RandomStream(mix64(seed + GOLDEN_GAMMA * (index + 1) ^ 0x5851f42d4c957f2dL));
    }

    /** The seed this stream started from (after mixing); two streams with equal seeds agree. */
    public long seed() {
        return seed;
    }

    /** Next 64 uniformly distributed bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** Uniform in [0, 1), with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in [lo, hi). */
    public double nextDouble(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform integer in [0, bound), without modulo bias (rejection sampling). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        // Lemire-style rejection on the top 31 bits, so each value in [0, bound) is equally likely.
        int limit = Integer.MAX_VALUE - (Integer.MAX_VALUE % bound);
        int r;
        do {
            r = (int) (nextLong() >>> 33);
        } while (r >= limit);
        return r % bound;
    }

    /** Uniform integer in [lo, hiInclusive]. */
    public int nextInt(int lo, int hiInclusive) {
        if (hiInclusive < lo) {
            throw new IllegalArgumentException("empty range [" + lo + ", " + hiInclusive + "]");
        }
        return lo + nextInt(hiInclusive - lo + 1);
    }

    /** True with probability 1/2. */
    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** Standard normal, by the Marsaglia polar method (values come in pairs). */
    public double nextGaussian() {
        if (haveNextNextGaussian) {
            haveNextNextGaussian = false;
            return nextNextGaussian;
        }
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double multiplier = Math.sqrt(-2 * StrictMath.log(s) / s);
        nextNextGaussian = v2 * multiplier;
        haveNextNextGaussian = true;
        return v1 * multiplier;
    }

    /**
     * This stream seen as a Commons Math generator, for its distributions (draws consume this
     * stream). {@code setSeed} is refused: a stream's seed is fixed by its derivation.
     */
    public RandomGenerator asRandomGenerator() {
        RandomStream self = this;
        return new AbstractRandomGenerator() {
            @Override
            public void setSeed(long s) {
                throw new UnsupportedOperationException("a RandomStream's seed is fixed by its derivation");
            }

            @Override
            public double nextDouble() {
                return self.nextDouble();
            }
        };
    }

    /** SplitMix64's finaliser (Stafford's variant 13): a bijection on 64-bit values. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the UTF-8 bytes: a fixed, documented string hash (String.hashCode is only 32 bits). */
    static long fnv1a64(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
