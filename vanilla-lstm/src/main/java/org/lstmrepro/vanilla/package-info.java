/**
 * The vanilla LSTM of Greff et al. (2015, "LSTM: A Search Space Odyssey") with its eight variants
 * as configurations of one cell ({@link org.lstmrepro.vanilla.VanillaLstm},
 * {@link org.lstmrepro.vanilla.Variant}, {@link org.lstmrepro.vanilla.CellStructure}), and the
 * simple tanh RNN and GRU baselines ({@link org.lstmrepro.vanilla.SimpleRnn},
 * {@link org.lstmrepro.vanilla.Gru}). All implement {@link org.lstmrepro.core.model.BpttNetwork}, so
 * full and truncated BPTT train them unchanged; tensor names and layouts are those of the
 * interchange spec (PyTorch {@code nn.LSTM} / {@code nn.GRU} / {@code nn.RNN}).
 *
 * <p>Every per-step quantity is kept as a [1, width] EJML matrix and the weight products are
 * matrix-matrix kernels, so that a batch of B sequences ([B, width] slots) needs an outer loop over
 * rows in the element-wise code, not a new design.
 */
package org.lstmrepro.vanilla;
