package org.lstmrepro.core.optim;

import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

/**
 * Gradient norm clipping (Pascanu, Mikolov &amp; Bengio 2013, Algorithm 1): with {@code g} the
 * concatenation of the selected gradients, if {@code ||g||_2 > threshold} then
 * {@code g <- g * threshold / ||g||_2}. The direction is kept; only the length shrinks.
 *
 * <p>Output-layer parameters ({@link Parameter#isOutputLayer()}) can be left out: then they neither
 * count towards the norm nor get rescaled.
 *
 * <p>If the norm is not finite (a selected gradient holds NaN or an infinity) the gradients are left
 * as they are and {@link #clip} returns NaN, so the caller's divergence check still sees them.
 */
public final class GlobalNormClipping implements GradientClipping {

    private final double threshold;
    private final boolean includeOutputLayer;

    /**
     * @param threshold          the largest allowed L2 norm; positive, finite
     * @param includeOutputLayer whether output-layer gradients are part of the norm and rescaled
     */
    public GlobalNormClipping(double threshold, boolean includeOutputLayer) {
        this.threshold = Settings.positive("clipping threshold", threshold);
        this.includeOutputLayer = includeOutputLayer;
    }

    /** @return {@code threshold / ||g||} if clipped, 1 if the norm was within the threshold, NaN if it was not finite */
    @Override
    public double clip(ParameterSet parameters) {
        double norm = norm(parameters);
        if (Double.isNaN(norm) || Double.isInfinite(norm)) {
            return Double.NaN;
        }
        if (norm <= threshold) {
            return 1.0;
        }
        double scale = threshold / norm;
        for (int k = 0, count = parameters.count(); k < count; k++) {
            Parameter p = parameters.get(k);
            if (selects(p)) {
                double[] g = p.gradient();
                for (int i = 0; i < g.length; i++) {
                    g[i] *= scale;
                }
            }
        }
        return scale;
    }

    /** The L2 norm of the selected gradients, without overflow for huge (finite) entries. */
    public double norm(ParameterSet parameters) {
        double sumOfSquares = 0;
        double maxAbs = 0;
        for (int k = 0, count = parameters.count(); k < count; k++) {
            Parameter p = parameters.get(k);
            if (selects(p)) {
                for (double gi : p.gradient()) {
                    sumOfSquares += gi * gi;
                    maxAbs = Math.max(maxAbs, Math.abs(gi));
                }
            }
        }
        if (sumOfSquares != Double.POSITIVE_INFINITY || Double.isInfinite(maxAbs)) {
            return Math.sqrt(sumOfSquares);
        }
        // The squares overflowed although every entry is finite: sum (g / max)^2 instead.
        double scaledSum = 0;
        for (int k = 0, count = parameters.count(); k < count; k++) {
            Parameter p = parameters.get(k);
            if (selects(p)) {
                for (double gi : p.gradient()) {
                    double r = gi / maxAbs;
                    scaledSum += r * r;
                }
            }
        }
        return maxAbs * Math.sqrt(scaledSum);
    }

    private boolean selects(Parameter p) {
        return includeOutputLayer || !p.isOutputLayer();
    }

    public double threshold() {
        return threshold;
    }

    public boolean includesOutputLayer() {
        return includeOutputLayer;
    }

    @Override
    public String describe() {
        return "norm(threshold=" + threshold + ", outputLayer=" + (includeOutputLayer ? "included" : "excluded") + ")";
    }
}
