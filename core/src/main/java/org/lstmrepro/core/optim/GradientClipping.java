package org.lstmrepro.core.optim;

import org.lstmrepro.core.param.ParameterSet;

/**
 * Changes gradients in place before an update, to keep exploding gradients from wrecking the
 * weights.
 */
public interface GradientClipping {

    /** Leaves gradients as they are. */
    GradientClipping NONE = new GradientClipping() {
        @Override
        public double clip(ParameterSet parameters) {
            return 1.0;
        }

        @Override
        public String describe() {
            return "none";
        }
    };

    /**
     * Clips the gradient buffers in place.
     *
     * @return the factor the gradient was scaled by (1 when nothing was clipped; for element-wise
     *         clipping, 1 when no element was clipped and the smallest per-element ratio otherwise)
     */
    double clip(ParameterSet parameters);

    String describe();
}
