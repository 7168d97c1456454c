package org.lstmrepro.core.optim;

import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

/**
 * Gradient descent with classical or Nesterov momentum, with a velocity {@code v} per weight
 * (starting at 0) and {@code g = dLoss/dw} at the current weights.
 *
 * <p>Classical momentum (Sutskever et al. 2013, eq. 1-2):
 * <pre>
 *   v &lt;- mu * v - lr * g
 *   w &lt;- w + v
 * </pre>
 *
 * <p>Nesterov momentum (Sutskever et al. 2013, eq. 3-4, the variant Greff et al. 2015 train with)
 * evaluates the gradient at the look-ahead point {@code w + mu * v}. We use the equivalent
 * reformulation of Bengio, Boulanger-Lewandowski &amp; Pascanu (2013, "Advances in optimizing
 * recurrent networks"), whose stored weights <em>are</em> the look-ahead point, so the gradient
 * the learning rule computes at the stored weights is the right one:
 * <pre>
 *   v &lt;- mu * v - lr * g
 *   w &lt;- w + mu * v - lr * g        (v is the new velocity)
 * </pre>
 * (With {@code W = theta + mu * v_old} this is exactly Sutskever's update of {@code theta}.)
 */
public final class MomentumSgd implements Optimizer {

    private final double learningRate;
    private final double momentum;
    private final boolean nesterov;
    private final StateBuffers velocity = new StateBuffers(1);

    /**
     * @param learningRate step size {@code lr}; positive, finite
     * @param momentum     {@code mu} in [0, 1)
     * @param nesterov     Nesterov's look-ahead momentum instead of classical momentum
     */
    public MomentumSgd(double learningRate, double momentum, boolean nesterov) {
        this.learningRate = Settings.positive("learning rate", learningRate);
        this.momentum = Settings.coefficient("momentum", momentum);
        this.nesterov = nesterov;
    }

    @Override
    public void step(ParameterSet parameters) {
        for (int k = 0, count = parameters.count(); k < count; k++) {
            Parameter p = parameters.get(k);
            double[] w = p.value();
            double[] g = p.gradient();
            double[] v = velocity.of(p)[0];
            for (int i = 0; i < w.length; i++) {
                v[i] = momentum * v[i] - learningRate * g[i];
                w[i] += nesterov ? momentum * v[i] - learningRate * g[i] : v[i];
            }
        }
    }

    public double learningRate() {
        return learningRate;
    }

    public double momentum() {
        return momentum;
    }

    public boolean isNesterov() {
        return nesterov;
    }

    @Override
    public String describe() {
        return (nesterov ? "nesterov" : "momentum") + "(lr=" + learningRate + ", mu=" + momentum + ")";
    }
}
