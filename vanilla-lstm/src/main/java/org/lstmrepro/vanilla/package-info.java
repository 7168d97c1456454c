/**
 * The vanilla LSTM of Greff et al. (2015, "LSTM: A Search Space Odyssey") with its eight variants
 * as configurations of one cell ({@link org.lstmrepro.vanilla.VanillaLstm},
 * {@link org.lstmrepro.vanilla.Variant}, {@link org.lstmrepro.vanilla.CellStructure}), and the
 * simple tanh RNN and GRU baselines ({@link org.lstmrepro.vanilla.SimpleRnn},
 * {@link org.lstmrepro.vanilla.Gru}). All implement {@link org.lstmrepro.core.model.BatchBpttNetwork}, so
 * full and truncated BPTT train them unchanged, one sequence at a time or as masked minibatches; the
 * LSTM is also a {@link org.lstmrepro.truncated.CecNetwork} for the 1997-style truncated gradient.
 * Tensor names and layouts are those of the interchange spec (PyTorch {@code nn.LSTM} / {@code nn.GRU}
 * / {@code nn.RNN}).
 *
 * <p>Every per-step quantity is kept as a [B, width] EJML matrix (B = 1 for one sequence), used with
 * as many rows as sequences still run at the step, and the weight products are matrix-matrix kernels;
 * the element-wise code loops over rows. There is one kernel per network: the single-sequence methods
 * are the batch of one. The three networks share their plumbing and the whole-sequence products
 * ({@link org.lstmrepro.vanilla.LayerNetwork}): the input projections of a range of steps before the
 * recurrence, and the weight gradients of a backward pass after it, each one matrix product.
 */
package org.lstmrepro.vanilla;
