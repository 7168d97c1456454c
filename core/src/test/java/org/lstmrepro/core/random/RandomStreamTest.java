package org.lstmrepro.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class RandomStreamTest {

    @Test
    void sameSeedGivesSameNumbers() {
        RandomStream a = RandomStream.root(42);
        RandomStream b = RandomStream.root(42);
        for (int i = 0; i < 1000; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
    }

    @Test
    void splitMix64MatchesItsPublishedReferenceOutput() {
        // Reference: Vigna's splitmix64.c with x = 0 gives 0xe220a8397b1dcdaf as its first output.
        // root() mixes the master seed, so compare the raw generator through a stream whose seed is 0:
        // mix64 is a bijection and mix64(0) == 0.
        assertThat(RandomStream.mix64(0)).isZero();
        assertThat(RandomStream.root(0).nextLong()).isEqualTo(0xe220a8397b1dcdafL);
    }

    @Test
    void derivedStreamsDoNotDependOnHowMuchTheParentDrew() {
        RandomStream fresh = RandomStream.root(7);
        RandomStream used = RandomStream.root(7);
        for (int i = 0; i < 100; i++) {
            used.nextDouble();
        }
        assertThat(used.derive("init").nextLong()).isEqualTo(fresh.derive("init").nextLong());
        assertThat(used.derive(3).nextLong()).isEqualTo(fresh.derive(3).nextLong());
    }

    @Test
    void differentNamesAndIndicesGiveDifferentStreams() {
        RandomStream root = RandomStream.root(7);
        assertThat(root.derive("init").nextLong()).isNotEqualTo(root.derive("data").nextLong());
        assertThat(root.derive(0).nextLong()).isNotEqualTo(root.derive(1).nextLong());
        assertThat(RandomStream.root(1).nextLong()).isNotEqualTo(RandomStream.root(2).nextLong());
    }

    @Test
    void nextIntIsUniformOverItsRange() {
        RandomStream r = RandomStream.root(1);
        int bound = 10;
        long[] counts = new long[bound];
        for (int i = 0; i < 100_000; i++) {
            int v = r.nextInt(bound);
            assertThat(v).isBetween(0, bound - 1);
            counts[v]++;
        }
        double[] expected = new double[bound];
        java.util.Arrays.fill(expected, 10_000.0);
        // A fair generator fails this at the 0.1% level once in a thousand seeds; the seed is fixed.
        assertThat(new ChiSquareTest().chiSquareTest(expected, counts, 0.001)).isFalse();
    }

    @Test
    void nextIntRangeIsInclusive() {
        RandomStream r = RandomStream.root(3);
        boolean sawLo = false;
        boolean sawHi = false;
        for (int i = 0; i < 10_000; i++) {
            int v = r.nextInt(10, 20);
            assertThat(v).isBetween(10, 20);
            sawLo |= v == 10;
            sawHi |= v == 20;
        }
        assertThat(sawLo).isTrue();
        assertThat(sawHi).isTrue();
        assertThatThrownBy(() -> r.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.nextInt(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nextDoubleAndGaussianHaveTheRightMoments() {
        RandomStream r = RandomStream.root(5);
        SummaryStatistics u = new SummaryStatistics();
        SummaryStatistics g = new SummaryStatistics();
        for (int i = 0; i < 200_000; i++) {
            double d = r.nextDouble();
            assertThat(d).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
            u.addValue(d);
            g.addValue(r.nextGaussian());
        }
        assertThat(u.getMean()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.005));
        assertThat(u.getVariance()).isCloseTo(1.0 / 12, org.assertj.core.data.Offset.offset(0.002));
        assertThat(g.getMean()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(g.getStandardDeviation()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void commonsMathAdapterDrawsFromTheStream() {
        RandomStream a = RandomStream.root(9);
        RandomStream b = RandomStream.root(9);
        assertThat(a.asRandomGenerator().nextDouble()).isEqualTo(b.nextDouble());
        assertThatThrownBy(() -> a.asRandomGenerator().setSeed(1L)).isInstanceOf(UnsupportedOperationException.class);
    }
}
