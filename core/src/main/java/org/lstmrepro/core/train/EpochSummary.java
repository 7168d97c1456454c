package org.lstmrepro.core.train;

import java.util.List;

/**
 * What early stopping saw in a run trained by epochs.
 *
 * @param epochs    every epoch run, in order
 * @param bestEpoch the epoch with the lowest validation loss, whose weights the test set was evaluated
 *                  with; 0 when no epoch finished
 * @param bestValid the lowest validation loss per target step, NaN when no epoch finished
 */
public record EpochSummary(List<EpochRecord> epochs, int bestEpoch, double bestValid) {

    public EpochSummary {
        epochs = List.copyOf(epochs);
    }
}
