package org.lstmrepro.reports.flow;

import java.util.Arrays;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.Trajectory;

/**
 * The error signal dE(T)/d(state at t) for every step t before the last target step T of one sequence:
 * the carry of a backward pass into which only the error of step T is injected.
 *
 * <p>With the ordinary backward step this is the exact derivative of E(T) with respect to the recurrent
 * state of step t (full BPTT); with {@link org.lstmrepro.truncated.CecNetwork#detached()} it is what
 * the 1997 truncated gradient lets flow back (only through the CEC).
 *
 * @param lastStep T, the last step with a target (where the error is injected)
 * @param carry    {@code carry[t]} = dE(T)/d(state at t) for t in [0, T), in the network's carry layout
 */
public record ErrorSignals(int lastStep, double[][] carry) {

    /**
     * Runs {@code view} forward over {@code sequence}, then backward from its last target step with that
     * step's error only (errors at earlier targets are ignored). Parameter gradients that the backward
     * steps add are cleared again, so the network is left as it was.
     */
    public static ErrorSignals measure(BpttNetwork view, Sequence sequence) {
        int last = sequence.lastTargetStep();
        if (last < 1) {
            throw new IllegalArgumentException("the sequence needs a target after its first step to show error flow"
                    + " (last target at step " + last + ")");
        }
        Trajectory trajectory = view.newTrajectory(last + 1);
        trajectory.ensureCapacity(last + 1);
        double[][] inputs = sequence.inputs();
        for (int t = 0; t <= last; t++) {
            view.forwardStep(trajectory, t, inputs[t]);
        }
        OutputUnits units = view.outputUnits();
        double[] delta = new double[view.outputSize()];
        units.lossAndDelta(view.output(trajectory, last), sequence.targets()[last], delta);
        view.parameters().zeroGradients();
        double[] carry = new double[view.carrySize()];
        double[][] signals = new double[last][view.carrySize()];
        for (int t = last; t >= 1; t--) {
            view.backwardStep(trajectory, t, t == last ? delta : null, carry); // carry: dE(T)/d(state at t - 1)
            System.arraycopy(carry, 0, signals[t - 1], 0, carry.length);
        }
        view.parameters().zeroGradients();
        return new ErrorSignals(last, signals);
    }

    /** dE(T)/d(state at T - lag), for lag in [1, T]. */
    public double[] atLag(int lag) {
        if (lag < 1 || lag > lastStep) {
            throw new IllegalArgumentException("lag " + lag + " is outside [1, " + lastStep + "]");
        }
        return carry[lastStep - lag];
    }

    @Override
    public String toString() {
        return "ErrorSignals[T=" + lastStep + ", carry size " + (carry.length == 0 ? 0 : carry[0].length) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorSignals e && e.lastStep == lastStep && Arrays.deepEquals(e.carry, carry);
    }

    @Override
    public int hashCode() {
        return 31 * lastStep + Arrays.deepHashCode(carry);
    }
}
