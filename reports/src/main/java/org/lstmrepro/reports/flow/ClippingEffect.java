package org.lstmrepro.reports.flow;

import java.util.List;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.optim.GlobalNormClipping;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.truncated.FullBptt;

/**
 * What global-norm clipping (Pascanu, Mikolov and Bengio 2013) does to the weight gradient, one
 * sequence (one update) at a time: the gradient's L2 norm as computed, and after clipping. Clipping
 * keeps the direction and caps the length at the threshold, so an exploding gradient becomes an update of
 * bounded size instead of a jump that throws the weights far away.
 *
 * @param before    {@code before[i]}: the gradient norm for sequence i
 * @param after     {@code after[i]}: the norm after clipping (min(before, threshold) up to rounding)
 * @param threshold the clipping threshold
 */
public record ClippingEffect(double[] before, double[] after, double threshold) {

    /**
     * Computes the gradient of each sequence's loss with {@code view}'s backward pass (full BPTT over that
     * view: the exact gradient, or the 1997 truncated gradient for a detached view), then clips it. The
     * weights do not change; the gradient buffers are left at zero.
     */
    public static ClippingEffect measure(BpttNetwork view, List<Sequence> sequences, GlobalNormClipping clipping) {
        ParameterSet parameters = view.parameters();
        FullBptt backprop = new FullBptt(view);
        double[] before = new double[sequences.size()];
        double[] after = new double[sequences.size()];
        for (int i = 0; i < sequences.size(); i++) {
            parameters.zeroGradients();
            backprop.accumulate(sequences.get(i), StepObserver.NONE, GradientListener.NONE);
            before[i] = clipping.norm(parameters);
            clipping.clip(parameters);
            after[i] = clipping.norm(parameters);
        }
        parameters.zeroGradients();
        return new ClippingEffect(before, after, clipping.threshold());
    }

    /** How many of the updates clipping shortened. */
    public int clippedCount() {
        int n = 0;
        for (double b : before) {
            if (b > threshold) {
                n++;
            }
        }
        return n;
    }

    /** The largest gradient norm before clipping. */
    public double maxBefore() {
        double max = 0;
        for (double b : before) {
            max = Math.max(max, b);
        }
        return max;
    }

    /** The median gradient norm before clipping. */
    public double medianBefore() {
        double[] sorted = before.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
