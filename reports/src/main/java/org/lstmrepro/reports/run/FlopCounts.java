package org.lstmrepro.reports.run;

import java.util.List;

import org.lstmrepro.original.Lstm1997Layout;
import org.lstmrepro.truncated.CecNetwork;

/**
 * FLOP counts of the families that declare one ({@link ModelFamily#flopCount}), derived from the loops of the code they time. Convention:
 * every weight, bias included (input 1), costs one multiply-add per use; a multiply-add is 2 FLOPs.
 */
final class FlopCounts {

    private FlopCounts() {
    }

    /**
     * The 1997 LSTM under the 1997 truncated gradient with online SGD (Hochreiter and Schmidhuber 1997,
     * section 4 and appendix A), symbols of {@link Lstm1997Layout}: I inputs, B blocks, C cells, H
     * hidden units, N = I + R sources, M output sources, K outputs, G traced groups.
     *
     * <p>Every step: the forward pass uses each weight once (hidden layer (C + H + 2B)(N + 1), output
     * layer K(M + 1): together the network's weight count W), and the trace recursion
     * {@code ds_c/dw_rm = phi_c ds_c/dw_rm + q_c z_m} runs for G C (N + 1) entries, two multiply-adds
     * each (TruncatedGradient1997.advanceTraces; the input-gate traces are per cell, not per gate). At
     * a step with a target: the output layer's gradient and its error to the cells, the untraced
     * units' gradients (output gates, hidden units), {@code sum_c e_s_c ds_c/dw} for the traced
     * groups, adding those to the gradient buffers, and the SGD step {@code w -= lr g}.
     */
    static FlopCount truncated1997(Lstm1997Layout l, CecNetwork network) {
        int n1 = l.sources() + 1;
        int groups = network.tracedGroupCount();
        int cells = network.cellCount();
        long tracedRows = 0;
        for (int g = 0; g < groups; g++) {
            tracedRows += network.tracedRowCount(g);
        }
        int hiddenLayerRows = l.cells() + l.hidden() + 2 * l.blocks();
        int k = l.outputs();
        int m = l.outputSources();
        long weights = (long) hiddenLayerRows * n1 + (long) k * (m + 1);
        List<FlopTerm> perStep = List.of(
                madd("forward: hidden-layer net inputs", "(C + H + 2B)(N + 1) = " + hiddenLayerRows + " * " + n1,
                        (long) hiddenLayerRows * n1),
                madd("forward: output net inputs", "K(M + 1) = " + k + " * " + (m + 1), (long) k * (m + 1)),
                madd("traces ds_c/dw = phi ds_c/dw + q z (2 multiply-adds)",
                        "2 G C (N + 1) = 2 * " + groups + " * " + cells + " * " + n1, 2L * groups * cells * n1));
        List<FlopTerm> perTarget = List.of(
                madd("output layer: gradient and error to the cells", "K(2M + 1) = " + k + " * " + (2 * m + 1),
                        (long) k * (2 * m + 1)),
                madd("untraced unit gradients (output gates, hidden units)",
                        "(B + H)(N + 1) = " + (l.blocks() + l.hidden()) + " * " + n1, (long) (l.blocks() + l.hidden()) * n1),
                madd("traced gradients sum_c e_s_c ds_c/dw", "G C (N + 1) = " + groups + " * " + cells + " * " + n1,
                        (long) groups * cells * n1),
                new FlopTerm("traced gradients into the buffers (adds)", "(traced rows)(N + 1) = " + tracedRows + " * " + n1,
                        tracedRows * n1, FlopTerm.ADD),
                madd("SGD step w -= lr g", "W = " + weights, weights));
        return new FlopCount(perStep, perTarget,
                "activation functions and element-wise gate/cell arithmetic (O(C + B) per step), the cell-state"
                        + " errors (O(C) per target), zeroing buffers and finiteness checks");
    }

    /**
     * The LSTM layer of Greff et al. (2015, appendix: forward pass and BPTT) with I inputs and H blocks,
     * per time step, forward plus backward, as VanillaLstm computes it. Forward: the stacked net inputs
     * {@code W x_t + R y_(t-1) + b}, 4H(I + H + 1) multiply-adds, and the peepholes 3H. Backward: the
     * weight gradients {@code dW += d x_t^T, dR += d y_(t-1)^T, db += d}, 4H(I + H + 1), the peephole
     * gradients 3H, the error to the previous step {@code R^T d}, 4H H, and through the peepholes to
     * {@code c_(t-1)} and {@code c_t}, 3H. No error is sent to the inputs x_t (nothing reads it).
     */
    static FlopCount vanillaLstmLayer(int inputs, int hidden, boolean peepholes) {
        long gates = 4L * hidden;
        long p = peepholes ? 3L * hidden : 0;
        String stacked = "4H(I + H + 1) = " + gates + " * " + (inputs + hidden + 1);
        long stackedCount = gates * (inputs + hidden + 1);
        List<FlopTerm> perStep = List.of(
                madd("forward: W x + R y_prev + b", stacked, stackedCount),
                madd("forward: peepholes p * c", peepholes ? "3H = " + p : "0 (no peepholes)", p),
                madd("backward: dW, dR, db", stacked, stackedCount),
                madd("backward: peephole gradients", peepholes ? "3H = " + p : "0 (no peepholes)", p),
                madd("backward: R^T d to y_prev", "4H H = " + gates + " * " + hidden, gates * hidden),
                madd("backward: peephole errors to c", peepholes ? "3H = " + p : "0 (no peepholes)", p));
        return new FlopCount(perStep, List.of(),
                "activation functions and element-wise gate/cell arithmetic (O(H) per step), the output layer,"
                        + " the optimizer update");
    }

    /**
     * {@link #vanillaLstmLayer} plus the output layer of K units reading the H block outputs, per time
     * step (every step has a target in JSB Chorales; the adding problem's single target makes it a
     * small overcount there): forward {@code W_out y_t + b_out}, K(H + 1) multiply-adds, backward its
     * gradient, K(H + 1), and the error to the blocks {@code W_out^T delta}, K H.
     */
    static FlopCount vanillaLstm(int inputs, int hidden, boolean peepholes, int outputs) {
        FlopCount layer = vanillaLstmLayer(inputs, hidden, peepholes);
        long k = outputs;
        String out = "K(H + 1) = " + k + " * " + (hidden + 1);
        List<FlopTerm> perStep = new java.util.ArrayList<>(layer.perStep());
        perStep.add(madd("forward: output layer W_out y + b_out", out, k * (hidden + 1)));
        perStep.add(madd("backward: output layer gradient", out, k * (hidden + 1)));
        perStep.add(madd("backward: W_out^T delta to y", "K H = " + k + " * " + hidden, k * hidden));
        return new FlopCount(List.copyOf(perStep), List.of(),
                "activation functions and element-wise gate/cell arithmetic (O(H + K) per step), the optimizer update");
    }

    private static FlopTerm madd(String what, String formula, long count) {
        return new FlopTerm(what, formula, count, FlopTerm.MULTIPLY_ADD);
    }
}
