package org.lstmrepro.core.train;

/**
 * Training by epochs over a fixed training set, with early stopping on the validation set, as Greff
 * et al. (2015, "Network architectures and training" in their experimental setup) train on their
 * three data sets: at most {@code maxEpochs} passes, stopping once the validation loss has not
 * improved for {@code patience} epochs; the result is that of the epoch with the best validation loss
 * (its weights are restored before the test set is evaluated). The paper: at most 150 epochs,
 * patience 15.
 *
 * <p>Each epoch visits every training sequence once, in an order shuffled afresh from the run's
 * {@code epoch-order} stream; with {@code inputNoise} &gt; 0 every training input gets additive
 * Gaussian noise of that standard deviation (stream {@code input-noise}; validation and test inputs
 * are never perturbed), the paper's fourth hyperparameter.
 *
 * @param maxEpochs  the most passes over the training set
 * @param patience   epochs without a new best validation loss before stopping
 * @param inputNoise standard deviation of the additive Gaussian input noise; 0 = none
 */
public record EarlyStopping(int maxEpochs, int patience, double inputNoise) {

    /** The paper's epoch cap. */
    public static final int PAPER_MAX_EPOCHS = 150;
    /** The paper's patience. */
    public static final int PAPER_PATIENCE = 15;

    public EarlyStopping {
        if (maxEpochs < 1) {
            throw new IllegalArgumentException("the epoch cap must be at least 1, was " + maxEpochs);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("the early-stopping patience must be at least 1 epoch, was " + patience);
        }
        if (!(inputNoise >= 0) || Double.isInfinite(inputNoise)) {
            throw new IllegalArgumentException("the input noise must be a finite standard deviation >= 0, was " + inputNoise);
        }
    }
}
