package org.lstmrepro.core.train;

/**
 * One epoch of a run trained by epochs ({@link EarlyStopping}).
 *
 * @param epoch      1-based
 * @param sequences  training sequences processed by the end of this epoch
 * @param trainLoss  the training loss per target step over the epoch, measured on the (possibly noisy)
 *                   inputs while the weights changed
 * @param validLoss  the loss per target step on the validation set with the weights at the end of the
 *                   epoch (for JSB Chorales: the NLL per frame in nats)
 * @param seconds    wall time since the run started
 */
public record EpochRecord(int epoch, long sequences, double trainLoss, double validLoss, double seconds) {
}
