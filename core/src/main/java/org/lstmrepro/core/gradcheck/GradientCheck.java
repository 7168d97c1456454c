package org.lstmrepro.core.gradcheck;

import java.util.function.ToDoubleFunction;

import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

/**
 * Finite-difference check of an analytic gradient, for the tests of every model in the project.
 *
 * <p>For each weight w, the numeric derivative is the central difference
 * {@code (E(w + eps) - E(w - eps)) / (2 eps)}, with error O(eps^2). It is compared with the analytic
 * value a by the relative error {@code |a - n| / max(|a|, |n|, floor)}; the floor keeps derivatives
 * that are both (nearly) zero from counting as large relative errors.
 *
 * <p>Usage: put the analytic gradient in the parameters' gradient buffers, then
 * {@code GradientCheck.against(params, p -> lossOf(p)).maxRelativeError()}. The loss function must
 * not touch the gradient buffers it is compared with, and must depend only on the parameter values.
 */
public final class GradientCheck {

    /** Default step: a good compromise between truncation and round-off error for doubles. */
    public static final double DEFAULT_EPSILON = 1e-6;
    /** Default floor of the relative error's denominator. */
    public static final double DEFAULT_FLOOR = 1e-8;

    private final double epsilon;
    private final double floor;

    private GradientCheck(double epsilon, double floor) {
        if (!(epsilon > 0) || !(floor > 0)) {
            throw new IllegalArgumentException("epsilon and floor must be positive");
        }
        this.epsilon = epsilon;
        this.floor = floor;
    }

    /** A checker with the given step and relative-error floor. */
    public static GradientCheck withSteps(double epsilon, double floor) {
        return new GradientCheck(epsilon, floor);
    }

    /** Checks every weight with the default step and floor. */
    public static Result against(ParameterSet parameters, ToDoubleFunction<ParameterSet> loss) {
        return new GradientCheck(DEFAULT_EPSILON, DEFAULT_FLOOR).check(parameters, loss);
    }

    /**
     * Compares the gradient buffers of {@code parameters} with central differences of {@code loss}.
     * Values are restored exactly afterwards.
     */
    public Result check(ParameterSet parameters, ToDoubleFunction<ParameterSet> loss) {
        double worst = 0;
        String worstName = null;
        int worstIndex = -1;
        double worstAnalytic = 0;
        double worstNumeric = 0;
        int checked = 0;
        for (Parameter p : parameters.all()) {
            double[] w = p.value();
            double[] g = p.gradient();
            for (int i = 0; i < w.length; i++) {
                double original = w[i];
                w[i] = original + epsilon;
                double plus = loss.applyAsDouble(parameters);
                w[i] = original - epsilon;
                double minus = loss.applyAsDouble(parameters);
                w[i] = original;
                double numeric = (plus - minus) / (2 * epsilon);
                double analytic = g[i];
                double rel = relativeError(analytic, numeric, floor);
                checked++;
                double score = Double.isNaN(rel) ? Double.POSITIVE_INFINITY : rel;
                if (worstName == null || score > worst) {
                    worst = score;
                    worstName = p.name();
                    worstIndex = i;
                    worstAnalytic = analytic;
                    worstNumeric = numeric;
                }
            }
        }
        return new Result(worst, worstName, worstIndex, worstAnalytic, worstNumeric, checked);
    }

    /** {@code |a - n| / max(|a|, |n|, floor)}. */
    public static double relativeError(double analytic, double numeric, double floor) {
        double denom = Math.max(Math.max(Math.abs(analytic), Math.abs(numeric)), floor);
        return Math.abs(analytic - numeric) / denom;
    }

    /**
     * The outcome of a check: the largest relative error and where it occurred.
     *
     * @param maxRelativeError the largest relative error over all weights (infinite if any was NaN)
     * @param worstParameter   the parameter holding the worst weight
     * @param worstIndex       its index in that parameter's row-major values
     * @param analytic         the analytic derivative there
     * @param numeric          the central difference there
     * @param weightsChecked   how many weights were checked
     */
    public record Result(double maxRelativeError, String worstParameter, int worstIndex, double analytic,
                         double numeric, int weightsChecked) {

        @Override
        public String toString() {
            return String.format("max relative error %.3e at %s[%d] (analytic %.10e, numeric %.10e; %d weights)",
                    maxRelativeError, worstParameter, worstIndex, analytic, numeric, weightsChecked);
        }
    }
}
