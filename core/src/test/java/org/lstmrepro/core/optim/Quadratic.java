package org.lstmrepro.core.optim;

import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

/** E(w) = 1/2 sum_i c_i w_i^2 on one vector parameter "w": a diagonal quadratic with known gradient c_i w_i. */
final class Quadratic {

    final double[] curvature;
    final ParameterSet parameters = new ParameterSet();
    final Parameter w;

    Quadratic(double[] curvature, double[] start) {
        this.curvature = curvature.clone();
        this.w = parameters.add(Parameter.vector("w", curvature.length));
        System.arraycopy(start, 0, w.value(), 0, start.length);
    }

    double loss() {
        double e = 0;
        for (int i = 0; i < curvature.length; i++) {
            e += 0.5 * curvature[i] * w.value()[i] * w.value()[i];
        }
        return e;
    }

    /** Writes dE/dw at the current weights into the gradient buffer. */
    void computeGradient() {
        for (int i = 0; i < curvature.length; i++) {
            w.gradient()[i] = curvature[i] * w.value()[i];
        }
    }

    /** Runs {@code steps} updates of {@code optimizer} and returns the final loss. */
    double minimise(Optimizer optimizer, int steps) {
        for (int k = 0; k < steps; k++) {
            computeGradient();
            optimizer.step(parameters);
        }
        return loss();
    }
}
