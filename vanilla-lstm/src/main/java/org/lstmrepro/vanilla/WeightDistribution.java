package org.lstmrepro.vanilla;

import org.lstmrepro.core.NameArgs;
import org.lstmrepro.core.random.RandomStream;

/**
 * The distribution initial weights are drawn from: uniform in [-scale, scale) or Gaussian with mean
 * 0 and standard deviation {@code scale}.
 *
 * @param kind  uniform or Gaussian
 * @param scale the half-range (uniform) or the standard deviation (Gaussian); positive and finite
 */
public record WeightDistribution(Kind kind, double scale) {

    /** The shape of the distribution. */
    public enum Kind { UNIFORM, GAUSSIAN }

    public WeightDistribution {
        if (kind == null) {
            throw new IllegalArgumentException("a weight distribution needs a kind (uniform or gaussian)");
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("weight distribution " + kind.name().toLowerCase()
                    + ": the " + (kind == Kind.UNIFORM ? "half-range" : "standard deviation")
                    + " must be positive and finite, was " + scale);
        }
    }

    /** {@code uniform:R} (uniform in [-R, R]) or {@code gaussian:S} (mean 0, standard deviation S). */
    public static WeightDistribution parse(String spec) {
        NameArgs s = NameArgs.parse("weight initialisation", spec);
        return switch (s.name()) {
            case "uniform" -> s.requireArgs(1, 1, "uniform:R").build(() -> uniform(s.arg(0)));
            case "gaussian" -> s.requireArgs(1, 1, "gaussian:S").build(() -> gaussian(s.arg(0)));
            default -> throw s.unknown("uniform:R or gaussian:S");
        };
    }

    /** The text {@link #parse} reads back. */
    public String spec() {
        return (kind == Kind.UNIFORM ? "uniform:" : "gaussian:") + scale;
    }

    public static WeightDistribution uniform(double halfRange) {
        return new WeightDistribution(Kind.UNIFORM, halfRange);
    }

    /** Normal with mean 0 and the given standard deviation. */
    public static WeightDistribution gaussian(double std) {
        return new WeightDistribution(Kind.GAUSSIAN, std);
    }

    /** One draw from {@code random}. */
    public double sample(RandomStream random) {
        return kind == Kind.UNIFORM ? random.nextDouble(-scale, scale) : scale * random.nextGaussian();
    }
}
