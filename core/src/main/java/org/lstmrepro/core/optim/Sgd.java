package org.lstmrepro.core.optim;

import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

/**
 * Plain gradient descent, {@code w <- w - lr * dE/dw}: the weight change of Hochreiter &amp;
 * Schmidhuber (1997), who write it as {@code Delta w = alpha * delta * y} with the error signal's
 * sign flipped; our gradients are dLoss/dw, hence the minus.
 */
public final class Sgd implements Optimizer {

    private final double learningRate;

    /** @param learningRate the step size {@code lr} (the 1997 paper's {@code alpha}); positive, finite */
    public Sgd(double learningRate) {
        this.learningRate = Settings.positive("learning rate", learningRate);
    }

    @Override
    public void step(ParameterSet parameters) {
        for (int k = 0, count = parameters.count(); k < count; k++) {
            Parameter p = parameters.get(k);
            double[] w = p.value();
            double[] g = p.gradient();
            for (int i = 0; i < w.length; i++) {
                w[i] -= learningRate * g[i];
            }
        }
    }

    public double learningRate() {
        return learningRate;
    }

    @Override
    public String describe() {
        return "sgd(lr=" + learningRate + ")";
    }
}
