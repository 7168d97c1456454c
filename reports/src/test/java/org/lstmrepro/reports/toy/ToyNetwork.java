package org.lstmrepro.reports.toy;

import java.util.Arrays;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;

/**
 * Test fixture: a diagonal tanh RNN, h_t = tanh(W x_t + r ⊙ h_{t-1}), h_{-1} = 0, read by output units
 * y_t = f(V h_t + c). Small enough to write in a test, a real network for every command.
 */
final class ToyNetwork implements BpttNetwork {

    private final ToyConfig config;
    private final OutputUnits units;
    private final ParameterSet parameters = new ParameterSet();
    private final Parameter w;
    private final Parameter r;
    private final Parameter v;
    private final Parameter c;
    private final int nIn;
    private final int nH;
    private final int nOut;

    ToyNetwork(ToyConfig config, RandomStream random) {
        this.config = config;
        this.units = config.outputUnits();
        this.nIn = config.inputSize();
        this.nH = config.hiddenSize();
        this.nOut = config.outputSize();
        this.w = parameters.add(Parameter.matrix("weight_ih", nH, nIn));
        this.r = parameters.add(Parameter.vector("recurrent", nH));
        this.v = parameters.add(Parameter.outputMatrix("output.weight", nOut, nH));
        this.c = parameters.add(Parameter.outputVector("output.bias", nOut));
        for (Parameter p : new Parameter[] {w, v}) {
            for (int i = 0; i < p.size(); i++) {
                p.value()[i] = random.nextDouble(-0.1, 0.1);
            }
        }
        Arrays.fill(r.value(), config.toyScale());
    }

    ToyConfig config() {
        return config;
    }

    @Override
    public String modelId() {
        return ToyFamily.ID;
    }

    @Override
    public int inputSize() {
        return nIn;
    }

    @Override
    public int outputSize() {
        return nOut;
    }

    @Override
    public ParameterSet parameters() {
        return parameters;
    }

    @Override
    public OutputUnits outputUnits() {
        return units;
    }

    @Override
    public double forward(Sequence sequence, StepObserver observer) {
        Steps tr = new Steps(sequence.length());
        double loss = 0;
        for (int t = 0; t < sequence.length(); t++) {
            forwardStep(tr, t, sequence.inputs()[t]);
            observer.onStep(t, tr.y[t]);
            if (sequence.hasTarget(t)) {
                loss += units.loss().value(tr.y[t], sequence.targets()[t]);
            }
        }
        return loss;
    }

    @Override
    public Trajectory newTrajectory(int capacity) {
        return new Steps(capacity);
    }

    @Override
    public void forwardStep(Trajectory trajectory, int t, double[] input) {
        Steps tr = (Steps) trajectory;
        tr.ensureCapacity(t + 1);
        tr.x[t] = input.clone();
        double[] h = tr.h[t];
        for (int i = 0; i < nH; i++) {
            double a = t == 0 ? 0 : r.value()[i] * tr.h[t - 1][i];
            for (int j = 0; j < nIn; j++) {
                a += w.value()[i * nIn + j] * input[j];
            }
            h[i] = Math.tanh(a);
        }
        double[] net = new double[nOut];
        for (int k = 0; k < nOut; k++) {
            net[k] = c.value()[k];
            for (int i = 0; i < nH; i++) {
                net[k] += v.value()[k * nH + i] * h[i];
            }
        }
        units.activation().apply(net, tr.y[t]);
    }

    @Override
    public double[] output(Trajectory trajectory, int t) {
        return ((Steps) trajectory).y[t];
    }

    @Override
    public int carrySize() {
        return nH;
    }

    @Override
    public void backwardStep(Trajectory trajectory, int t, double[] outputNetDelta, double[] carry) {
        Steps tr = (Steps) trajectory;
        double[] h = tr.h[t];
        double[] dh = carry.clone();                       // dE/dh_t through step t + 1
        if (outputNetDelta != null) {
            for (int k = 0; k < nOut; k++) {
                c.gradient()[k] += outputNetDelta[k];
                for (int i = 0; i < nH; i++) {
                    v.gradient()[k * nH + i] += outputNetDelta[k] * h[i];
                    dh[i] += v.value()[k * nH + i] * outputNetDelta[k];
                }
            }
        }
        for (int i = 0; i < nH; i++) {
            double delta = dh[i] * (1 - h[i] * h[i]);      // dE/da_t
            for (int j = 0; j < nIn; j++) {
                w.gradient()[i * nIn + j] += delta * tr.x[t][j];
            }
            double previous = t == 0 ? 0 : tr.h[t - 1][i];
            r.gradient()[i] += delta * previous;
            carry[i] = delta * r.value()[i];               // dE/dh_{t-1}
        }
    }

    /** The activations of every step. */
    private final class Steps implements Trajectory {
        double[][] x = new double[0][];
        double[][] h = new double[0][];
        double[][] y = new double[0][];

        Steps(int capacity) {
            ensureCapacity(capacity);
        }

        @Override
        public int capacity() {
            return h.length;
        }

        @Override
        public void ensureCapacity(int steps) {
            int old = h.length;
            if (steps <= old) {
                return;
            }
            x = Arrays.copyOf(x, steps);
            h = Arrays.copyOf(h, steps);
            y = Arrays.copyOf(y, steps);
            for (int t = old; t < steps; t++) {
                h[t] = new double[nH];
                y[t] = new double[nOut];
            }
        }
    }
}
