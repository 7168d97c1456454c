package org.lstmrepro.reports.store;

import java.util.List;

import org.lstmrepro.core.train.TrainingResult;

/**
 * How a trial trained by epochs with early stopping ended (Greff et al. 2015), as a results store keeps
 * it. Losses are per target step: for {@code jsb-chorales} the negative log-likelihood per frame in nats.
 *
 * @param epochs    epochs run
 * @param bestEpoch the epoch with the lowest validation loss (its weights were tested); 0 if none finished
 * @param validLoss the lowest validation loss, or null if no epoch finished
 * @param testLoss  the test loss with the best epoch's weights, or null
 * @param curve     per epoch {@code [epoch, trainLoss, validLoss]}
 */
public record EpochOutcome(int epochs, int bestEpoch, Double validLoss, Double testLoss, List<double[]> curve) {

    public EpochOutcome {
        curve = curve == null ? List.of() : List.copyOf(curve);
    }

    /** The outcome of a result, or null for a run on a stream of sequences. */
    public static EpochOutcome of(TrainingResult r) {
        if (r.epochs() == null) {
            return null;
        }
        List<double[]> curve = r.epochs().epochs().stream()
                .map(e -> new double[] {e.epoch(), e.trainLoss(), e.validLoss()}).toList();
        return new EpochOutcome(r.epochs().epochs().size(), r.epochs().bestEpoch(),
                finite(r.epochs().bestValid()), r.test() == null ? null : finite(r.test().lossPerTarget()), curve);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** For the record's readers: the per-epoch validation losses. */
    public double[] validCurve() {
        return curve.stream().mapToDouble(p -> p[2]).toArray();
    }
}
