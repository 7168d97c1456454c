package org.lstmrepro.core.train;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.learn.LearningRule;
import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

/**
 * Test fixture: a "network" y(t) = w * x(t) with one weight and no recurrence, linear output, squared
 * error, and its exact gradient as a learning rule that reports every target step (online).
 */
final class ScalarNetwork implements RecurrentNetwork, LearningRule {

    private final ParameterSet parameters = new ParameterSet();
    private final Parameter w = parameters.add(Parameter.vector("w", 1));
    private final OutputUnits units = new OutputUnits(OutputActivation.LINEAR, Loss.SQUARED_ERROR);
    private final double[] y = new double[1];
    private final double[] delta = new double[1];

    ScalarNetwork(double initialWeight) {
        w.value()[0] = initialWeight;
    }

    double weight() {
        return w.value()[0];
    }

    @Override
    public String modelId() {
        return "scalar";
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
        return units;
    }

    @Override
    public double forward(Sequence sequence, StepObserver observer) {
        return run(sequence, observer, null);
    }

    @Override
    public String id() {
        return "exact";
    }

    @Override
    public RecurrentNetwork network() {
        return this;
    }

    @Override
    public double accumulate(Sequence sequence, StepObserver observer, GradientListener listener) {
        return run(sequence, observer, listener);
    }

    private double run(Sequence sequence, StepObserver observer, GradientListener listener) {
        double loss = 0;
        for (int t = 0; t < sequence.length(); t++) {
            double x = sequence.inputs()[t][0];
            y[0] = w.value()[0] * x;
            observer.onStep(t, y);
            double[] d = sequence.targets()[t];
            if (d != null) {
                loss += units.lossAndDelta(y, d, delta);
                if (listener != null) {
                    w.gradient()[0] += delta[0] * x;
                    listener.gradientReady(t);
                }
            }
        }
        return loss;
    }
}
