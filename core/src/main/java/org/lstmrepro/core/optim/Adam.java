package org.lstmrepro.core.optim;

import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

/**
 * Adam (Kingma &amp; Ba 2015, Algorithm 1), with bias-corrected moment estimates. At step
 * {@code t = 1, 2, ...}, for every weight with gradient {@code g}:
 * <pre>
 *   m &lt;- beta1 * m + (1 - beta1) * g
 *   v &lt;- beta2 * v + (1 - beta2) * g^2
 *   w &lt;- w - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
 * </pre>
 * {@code m} and {@code v} start at 0. The step count {@code t} counts calls of {@link #step}, one
 * for all parameters.
 */
public final class Adam implements Optimizer {

    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    /** Slot 0: first moment m; slot 1: second moment v. */
    private final StateBuffers moments = new StateBuffers(2);
    private long t;

    /** Adam with the paper's defaults beta1 = 0.9, beta2 = 0.999, eps = 1e-8. */
    public Adam(double learningRate) {
        this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /**
     * @param learningRate step size {@code lr} (the paper's alpha); positive, finite
     * @param beta1        decay of the first moment, in [0, 1)
     * @param beta2        decay of the second moment, in [0, 1)
     * @param epsilon      added to the root of the second moment; positive, finite
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = Settings.positive("learning rate", learningRate);
        this.beta1 = Settings.coefficient("beta1", beta1);
        this.beta2 = Settings.coefficient("beta2", beta2);
        this.epsilon = Settings.positive("epsilon", epsilon);
    }

    @Override
    public void step(ParameterSet parameters) {
        t++;
        double correction1 = 1 - StrictMath.pow(beta1, t);
        double correction2 = 1 - StrictMath.pow(beta2, t);
        for (int k = 0, count = parameters.count(); k < count; k++) {
            Parameter p = parameters.get(k);
            double[] w = p.value();
            double[] g = p.gradient();
            double[][] state = moments.of(p);
            double[] m = state[0];
            double[] v = state[1];
            for (int i = 0; i < w.length; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                w[i] -= learningRate * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + epsilon);
            }
        }
    }

    /** Number of steps taken so far. */
    public long steps() {
        return t;
    }

    @Override
    public String describe() {
        return "adam(lr=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + epsilon + ")";
    }
}
