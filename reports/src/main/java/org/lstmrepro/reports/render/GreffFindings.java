package org.lstmrepro.reports.render;

import java.util.Map;

/**
 * The published figures and findings on JSB Chorales that a random search of the vanilla LSTM family is
 * compared with. Greff et al. (2015) give no table for this data set: their figures are read off their
 * figure 3 and their text; Bai, Kolter and Koltun (2018, "An Empirical Evaluation of Generic
 * Convolutional and Recurrent Networks for Sequence Modeling", table 1) give single numbers.
 */
final class GreffFindings {

    static final String GREFF = "Greff, Srivastava, Koutník, Steunebrink & Schmidhuber 2015 (LSTM: A Search Space Odyssey), "
            + "JSB Chorales: figure 3 and section on the results";
    static final String BAI = "Bai, Kolter & Koltun 2018, table 1 (test NLL per frame on JSB Chorales)";

    /** What the paper found for each variant against vanilla on JSB Chorales. */
    enum Expected {
        WORSE("significantly worse"),
        NO_DIFFERENCE("no significant difference");

        final String text;

        Expected(String text) {
            this.text = text;
        }
    }

    /** By variant name (the part after {@code vanilla:}). */
    static final Map<String, Expected> VARIANTS = Map.of(
            "NIG", Expected.NO_DIFFERENCE,
            "NFG", Expected.WORSE,
            "NOG", Expected.NO_DIFFERENCE,
            "NIAF", Expected.NO_DIFFERENCE,
            "NOAF", Expected.WORSE,
            "NP", Expected.NO_DIFFERENCE,
            "CIFG", Expected.NO_DIFFERENCE,
            "FGR", Expected.NO_DIFFERENCE);

    /** Published test NLL per frame by model family, with its source. */
    static final Map<String, String> PUBLISHED = Map.of(
            "vanilla", "8.45 (Bai et al., LSTM); best trials about 8.4-8.5 (Greff et al., fig. 3)",
            "gru", "8.43 (Bai et al.)",
            "rnn", "8.91 (Bai et al.)");

    /** The target for vanilla's best trial (issue: at most 8.5). */
    static final double VANILLA_TARGET = 8.5;

    /** "Momentum below a few percent": the largest main-effect fraction we call that. */
    static final double MOMENTUM_SMALL = 0.05;

    /** The significance level of the comparisons (after Holm's correction). */
    static final double ALPHA = 0.05;

    private GreffFindings() {
    }
}
