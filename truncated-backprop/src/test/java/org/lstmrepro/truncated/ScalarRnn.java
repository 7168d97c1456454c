package org.lstmrepro.truncated;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

/**
 * A linear recurrent network with one unit, {@code h(t) = w h(t-1) + u x(t)}, {@code y(t) = h(t)}, whose
 * gradients have closed forms. Its backward step reads h(t - 1), so it needs the step before a window
 * in the trajectory.
 */
final class ScalarRnn implements BpttNetwork {

    private final ParameterSet parameters = new ParameterSet();
    final Parameter w = parameters.add(Parameter.vector("w", 1));
    final Parameter u = parameters.add(Parameter.vector("u", 1));

    ScalarRnn(double w, double u) {
        this.w.value()[0] = w;
        this.u.value()[0] = u;
    }

    private static final class Steps implements Trajectory {
        double[] h;
        double[] x;
        double[][] y;
        int[] step;

        Steps(int capacity) {
            allocate(capacity);
        }

        private void allocate(int capacity) {
            h = new double[capacity];
            x = new double[capacity];
            y = new double[capacity][1];
            step = new int[capacity];
            java.util.Arrays.fill(step, -1);
        }

        @Override
        public int capacity() {
            return h.length;
        }

        @Override
        public void ensureCapacity(int steps) {
            if (steps > h.length) {
                allocate(steps); // between sequences only, in these tests
            }
        }

        int slot(int t) {
            int s = t % h.length;
            if (step[s] != t) {
                throw new IllegalStateException("step " + t + " not held");
            }
            return s;
        }
    }

    @Override
    public Trajectory newTrajectory(int capacity) {
        return new Steps(capacity);
    }

    @Override
    public void forwardStep(Trajectory trajectory, int t, double[] input) {
        Steps s = (Steps) trajectory;
        double previous = t == 0 ? 0 : s.h[s.slot(t - 1)];
        int slot = t % s.h.length;
        s.step[slot] = t;
        s.x[slot] = input[0];
        s.h[slot] = w.value()[0] * previous + u.value()[0] * input[0];
        s.y[slot][0] = s.h[slot];
    }

    @Override
    public double[] output(Trajectory trajectory, int t) {
        Steps s = (Steps) trajectory;
        return s.y[s.slot(t)];
    }

    @Override
    public int carrySize() {
        return 1;
    }

    @Override
    public void backwardStep(Trajectory trajectory, int t, double[] outputNetDelta, double[] carry) {
        Steps s = (Steps) trajectory;
        double dh = carry[0] + (outputNetDelta == null ? 0 : outputNetDelta[0]);
        double previous = t == 0 ? 0 : s.h[s.slot(t - 1)];
        w.gradient()[0] += dh * previous;
        u.gradient()[0] += dh * s.x[s.slot(t)];
        carry[0] = dh * w.value()[0];
    }

    @Override
    public String modelId() {
        return "rnn";
    }

    @Override
    public int inputSize() {
        return 1;
    }

    @Override
    public int outputSize() {
        return 1;
    }

    @Override
    public ParameterSet parameters() {
        return parameters;
    }

    @Override
    public OutputUnits outputUnits() {
        return new OutputUnits(OutputActivation.LINEAR, Loss.SQUARED_ERROR);
    }

    @Override
    public double forward(Sequence sequence, StepObserver observer) {
        Trajectory tr = newTrajectory(2);
        double loss = 0;
        for (int t = 0; t < sequence.length(); t++) {
            forwardStep(tr, t, sequence.inputs()[t]);
            observer.onStep(t, output(tr, t));
            if (sequence.hasTarget(t)) {
                loss += Loss.SQUARED_ERROR.value(output(tr, t), sequence.targets()[t]);
            }
        }
        return loss;
    }
}
