package org.lstmrepro.core.model;

import org.lstmrepro.core.param.Parameter;

/**
 * A square n x n block of a weight matrix that maps the previous step's hidden output to a net input,
 * as a network declares it ({@link RecurrentNetwork#recurrentBlocks}).
 *
 * @param name      the papers' symbol, e.g. {@code W_hh} or {@code R_f}
 * @param parameter the tensor holding the block
 * @param rowOffset first row of the block
 * @param colOffset first column of the block
 * @param n         the block's size
 */
public record RecurrentBlock(String name, Parameter parameter, int rowOffset, int colOffset, int n) {
}
