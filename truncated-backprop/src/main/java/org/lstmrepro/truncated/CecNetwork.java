package org.lstmrepro.truncated;

import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.Trajectory;

/**
 * A network of memory cells with a constant error carousel (CEC), seen the way the 1997 truncated
 * gradient needs it ({@link TruncatedGradient1997}; Hochreiter and Schmidhuber 1997, appendix A).
 *
 * <p><b>The model this interface describes.</b> The network has {@link #cellCount()} cells with
 * internal states {@code s_c}. Every cell state follows
 * <pre>
 *   s_c(t) = phi_c(t) s_c(t-1) + (terms of the current step)
 * </pre>
 * where {@code phi_c(t)} is the <em>carousel factor</em>: exactly 1 in the 1997 LSTM, the forget gate's
 * activation {@code y^phi(t)} in the LSTM of Gers, Schmidhuber and Cummins (2000). The weights that
 * change {@code s_c(t)} directly (not through {@code s_c(t-1)}) are arranged in <em>traced groups</em>:
 * weight matrices whose rows are units that feed cells (1997: the cells' own input weights, group 0,
 * and the input gates, group 1; with a forget gate also the forget gates). Row {@code r} of a group
 * is one unit with net input {@code net_r(t) = sum_m w_rm z_m(t) + b_r}; every traced unit reads the
 * same source vector {@code z(t)} of {@link #sourceCount()} values (for the 1997 LSTM: the current
 * inputs and the previous step's hidden-layer activations). Each cell is driven by exactly one row of
 * each group ({@link #tracedRowOfCell(int, int)}).
 *
 * <p><b>What the rule computes from it.</b> With the previous-step activations in {@code z(t)} treated
 * as constants (the 1997 truncation), the derivative of {@code s_c(t)} with respect to a weight
 * {@code w_rm} of a row that drives cell {@code c} obeys the forward recursion
 * <pre>
 *   ds_c/dw_rm (t) = phi_c(t) ds_c/dw_rm (t-1) + q_c,r(t) z_m(t)      (z_bias = 1)
 * </pre>
 * with the <em>direct factor</em> {@code q_c,r(t) = d s_c(t) / d net_r(t)} holding {@code s_c(t-1)}
 * fixed: {@code y^in g'(net_c)} for the cell's own row, {@code g(net_c) f'(net_in)} for its input gate,
 * {@code s_c(t-1) f'(net_phi)} for a forget gate (Gers et al. 2000). The network reports
 * {@code z(t)}, {@code phi_c(t)} and {@code q} after each forward step ({@link #cecStep}); at a step
 * with an error it reports the error on each cell state {@code e_s_c(t) = dE(t)/ds_c(t)} through the
 * current step only, and adds the immediate gradients of every untraced weight (output layer, output
 * gates, conventional hidden units) itself ({@link #truncatedBackward}). The rule then adds
 * {@code sum_c e_s_c(t) ds_c/dw (t)} for the traced weights through {@link #addTracedGradient}.
 *
 * <p><b>Peepholes</b> (Gers and Schmidhuber 2000). A traced group may also have one peephole weight
 * per cell, {@code p_c}, from the cell's own previous state {@code s_c(t-1)} (held constant, like z(t))
 * into the net input of the row that drives the cell: {@link #tracedGroupHasPeepholes(int)}. Its trace
 * is {@code ds_c/dp_c (t) = phi_c(t) ds_c/dp_c (t-1) + q_c,r(t) s_c(t-1)}; the rule needs the sources
 * ({@link #peepholeSources}) and hands back the gradient ({@link #addPeepholeGradient}). A peephole
 * reaches only its own cell's trace, so a group with peepholes must drive each cell through a row of
 * its own. Peepholes of untraced units (an output gate's) are immediate, part of
 * {@link #truncatedBackward}. The defaults describe a network without peepholes.
 */
public interface CecNetwork extends BpttNetwork {

    /** Number of memory cells C (all blocks together). */
    int cellCount();

    /** Length N of the source vector z(t) shared by every traced unit, without the bias. */
    int sourceCount();

    /** Number of traced groups (1997 LSTM: 2, cells and input gates; with a forget gate: 3). */
    int tracedGroupCount();

    /** Number of units (rows) in traced group {@code group}. */
    int tracedRowCount(int group);

    /** The row of traced group {@code group} whose net input drives cell {@code cell} directly. */
    int tracedRowOfCell(int group, int cell);

    /**
     * Reads the local derivatives of step {@code t}, which {@link #forwardStep} has just computed.
     *
     * @param sources       receives z(t) (length {@link #sourceCount()})
     * @param carouselFactor receives phi_c(t) = ds_c(t)/ds_c(t-1) along the carousel (length C)
     * @param directFactor  {@code directFactor[g][c]} receives q_c,r(t) = ds_c(t)/dnet_r(t) for the row r of
     *                      group g that drives cell c, with s_c(t-1) and z(t) held fixed
     */
    void cecStep(Trajectory trajectory, int t, double[] sources, double[] carouselFactor, double[][] directFactor);

    /**
     * The truncated backward pass of one step with an error: adds the gradient of every untraced weight,
     * from the error of this step only, to its gradient buffer, and writes the error on the cell states.
     *
     * @param outputNetDelta dE/dnet_k at the output units at step {@code t}
     * @param cellStateError receives e_s_c(t) = dE(t)/ds_c(t) through the current step's outputs only
     *                       (length C)
     */
    void truncatedBackward(Trajectory trajectory, int t, double[] outputNetDelta, double[] cellStateError);

    /**
     * Adds a gradient to the weights of traced group {@code group}.
     *
     * @param gradient row-major, {@code tracedRowCount(group)} rows of {@code sourceCount() + 1} values:
     *                 the weights on z_0 .. z_{N-1}, then the bias
     */
    void addTracedGradient(int group, double[] gradient);

    /**
     * Bounds on the traces of traced group {@code group}, an ablation of the long-lag study (not the
     * paper's rule): after every step the trace ds_c/dw of each weight with a bound L is clipped to
     * [-L, L]. Layout of {@link #addTracedGradient}; {@code Double.POSITIVE_INFINITY} for no bound. Null
     * (the default) when no weight of the group has one.
     */
    default double[] traceLimits(int group) {
        return null;
    }

    /**
     * The exact backward step of the detached graph: like {@link #backwardStep}, but the carry keeps only
     * the error on the cell states along the carousel (dE/ds_c(t-1) = phi_c(t) dE/ds_c(t) plus this step's
     * share) and drops every path through the previous step's activations in z(t), which the 1997
     * truncation holds constant.
     */
    void detachedBackwardStep(Trajectory trajectory, int t, double[] outputNetDelta, double[] carry);

    /**
     * The same network (same parameters, same forward pass) whose backward step is
     * {@link #detachedBackwardStep}: under full BPTT it yields what {@link TruncatedGradient1997} computes
     * with the weights held fixed, and it shows how error flows under that rule.
     */
    default BpttNetwork detached() {
        return new DetachedNetwork(this);
    }

    /**
     * Throws an {@link IllegalArgumentException} naming the setting that keeps the 1997 truncated
     * gradient from training this network as configured; returns if it can (the default).
     */
    default void checkTruncatedGradientSupported() {
    }

    /**
     * Whether the output of step t reads the hidden layer of step t-1 (the 1997 paper's appendix A.1
     * timing) rather than of step t (the default). Then {@link #truncatedBackward} at step t reports the
     * errors of the cell states of t-1, and {@link TruncatedGradient1997} multiplies them with the traces
     * as of t-1, before it adds step t.
     */
    default boolean outputsReadPreviousStep() {
        return false;
    }

    /** Whether the rows of traced group {@code group} also read their cell's s_c(t-1) through a peephole. */
    default boolean tracedGroupHasPeepholes(int group) {
        return false;
    }

    /**
     * Reads the peepholes' sources of step {@code t}: {@code previousCellStates[c]} receives s_c(t-1)
     * (0 at t = 0). Called after {@link #cecStep} when some group has peepholes.
     */
    default void peepholeSources(Trajectory trajectory, int t, double[] previousCellStates) {
        throw new UnsupportedOperationException("this network has no peepholes");
    }

    /**
     * Adds a gradient to the peephole weights of traced group {@code group}.
     *
     * @param gradient one value per cell: dE/dp_c of the peephole into the row that drives cell c
     */
    default void addPeepholeGradient(int group, double[] gradient) {
        throw new UnsupportedOperationException("this network has no peepholes");
    }
}
