package org.lstmrepro.reports.analysis;

/**
 * One hyperparameter of a random search, in the coordinates it was sampled uniformly in (Greff et al.
 * 2015: the learning rate and hidden size log-uniform, the momentum as one minus a log-uniform value,
 * the input noise uniform). fANOVA's uniform measure on the box must be the search's distribution, so
 * the forest is fitted in these coordinates.
 *
 * @param name  e.g. {@code learningRate}
 * @param low   the lower end of the range, in natural units
 * @param high  the upper end, in natural units
 * @param scale how the range was sampled
 */
public record SearchDimension(String name, double low, double high, Scale scale) {

    /** The sampling scales. */
    public enum Scale {
        /** uniform in x */
        LINEAR,
        /** uniform in log10 x */
        LOG,
        /** uniform in log10(1 - x), with {@code low, high} the range of x (the momentum) */
        ONE_MINUS_LOG
    }

    public SearchDimension {
        if (!(low < high)) {
            throw new IllegalArgumentException(name + ": a search range needs low < high, was [" + low + ", " + high + "]");
        }
    }

    /** x in the sampling coordinates. */
    public double toUnit(double x) {
        return switch (scale) {
            case LINEAR -> x;
            case LOG -> Math.log10(x);
            case ONE_MINUS_LOG -> Math.log10(1 - x);
        };
    }

    /** The inverse of {@link #toUnit}. */
    public double fromUnit(double u) {
        return switch (scale) {
            case LINEAR -> u;
            case LOG -> Math.pow(10, u);
            case ONE_MINUS_LOG -> 1 - Math.pow(10, u);
        };
    }

    /** The lower corner of the box in sampling coordinates. */
    double lowerUnit() {
        return Math.min(toUnit(low), toUnit(high));
    }

    /** The upper corner of the box in sampling coordinates. */
    double upperUnit() {
        return Math.max(toUnit(low), toUnit(high));
    }
}
