package org.lstmrepro.reports.render;

import java.util.List;
import java.util.Map;

import org.lstmrepro.reports.analysis.SearchDimension;
import org.lstmrepro.reports.analysis.StudyTrial;
import org.lstmrepro.reports.store.TrialRecord;

/**
 * Reads the analysis's view of a stored trial trained by epochs: its best validation loss, its test loss
 * and its sampled hyperparameters (the learning rate, the momentum of its {@code nesterov:MU} or
 * {@code momentum:MU} optimizer, the hidden size and the input noise, NaN where the spec has none), all
 * from the trial's spec, so they are the values the random search drew.
 */
final class StudyTrials {

    /** The hyperparameters in the order of {@link StudyTrial#hyperparameters()}. */
    static final List<String> NAMES = List.of("learningRate", "momentum", "hiddenSize", "inputNoise");
    static final List<SearchDimension.Scale> SCALES = List.of(SearchDimension.Scale.LOG,
            SearchDimension.Scale.ONE_MINUS_LOG, SearchDimension.Scale.LOG, SearchDimension.Scale.LINEAR);

    private StudyTrials() {
    }

    static boolean trainedByEpochs(TrialRecord r) {
        return r.epochs() != null;
    }

    static StudyTrial of(TrialRecord r) {
        Double valid = r.epochs().validLoss();
        Double test = r.epochs().testLoss();
        Map<String, Object> spec = r.spec();
        double[] h = {number(spec.get("learningRate")), momentum(spec.get("optimizer")), hidden(spec.get("modelOptions")),
                spec.containsKey("inputNoise") ? number(spec.get("inputNoise")) : 0};
        return new StudyTrial(r.modelLabel(), valid == null ? Double.NaN : valid, test == null ? Double.NaN : test, h);
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static double momentum(Object optimizer) {
        if (!(optimizer instanceof String s)) {
            return Double.NaN;
        }
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon);
        if (colon < 0 || !(kind.equalsIgnoreCase("nesterov") || kind.equalsIgnoreCase("momentum"))) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double hidden(Object options) {
        return options instanceof Map<?, ?> m ? number(m.get("hiddenSize")) : Double.NaN;
    }
}
