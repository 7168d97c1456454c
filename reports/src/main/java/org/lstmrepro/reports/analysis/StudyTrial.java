package org.lstmrepro.reports.analysis;

/**
 * One finished trial of a random search, as the Greff et al. (2015) analysis sees it.
 *
 * @param model           the model label (a variant, a baseline)
 * @param validLoss       the best validation loss of the run (early stopping's choice), NaN if none
 * @param testLoss        the test loss at the best validation epoch, NaN if none
 * @param hyperparameters the sampled values in natural units, in the order of the study's dimensions
 */
public record StudyTrial(String model, double validLoss, double testLoss, double[] hyperparameters) {

    /** Whether the run produced a test result. */
    public boolean finished() {
        return Double.isFinite(validLoss) && Double.isFinite(testLoss);
    }
}
