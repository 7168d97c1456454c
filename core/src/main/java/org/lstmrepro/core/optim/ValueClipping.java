package org.lstmrepro.core.optim;

import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

/**
 * Element-wise gradient clipping: every selected gradient entry is clipped to
 * {@code [-limit, limit]} (the form used e.g. by Graves 2013 for LSTM derivatives). Unlike
 * {@link GlobalNormClipping} this can change the gradient's direction.
 *
 * <p>Output-layer parameters ({@link Parameter#isOutputLayer()}) can be left out. NaN entries are
 * left as they are.
 */
public final class ValueClipping implements GradientClipping {

    private final double limit;
    private final boolean includeOutputLayer;

    /**
     * @param limit              the largest allowed magnitude of one gradient entry; positive, finite
     * @param includeOutputLayer whether output-layer gradients are clipped too
     */
    public ValueClipping(double limit, boolean includeOutputLayer) {
        this.limit = Settings.positive("clipping limit", limit);
        this.includeOutputLayer = includeOutputLayer;
    }

    /** @return 1 if no entry was clipped, else the smallest {@code limit / |g_i|} over the clipped entries */
    @Override
    public double clip(ParameterSet parameters) {
        double smallestRatio = 1.0;
        for (int k = 0, count = parameters.count(); k < count; k++) {
            Parameter p = parameters.get(k);
            if (!includeOutputLayer && p.isOutputLayer()) {
                continue;
            }
            double[] g = p.gradient();
            for (int i = 0; i < g.length; i++) {
                double magnitude = Math.abs(g[i]);
                if (magnitude > limit) {
                    smallestRatio = Math.min(smallestRatio, limit / magnitude);
                    g[i] = Math.copySign(limit, g[i]);
                }
            }
        }
        return smallestRatio;
    }

    public double limit() {
        return limit;
    }

    public boolean includesOutputLayer() {
        return includeOutputLayer;
    }

    @Override
    public String describe() {
        return "value(limit=" + limit + ", outputLayer=" + (includeOutputLayer ? "included" : "excluded") + ")";
    }
}
