package org.lstmrepro.core.train;

import java.util.List;

/**
 * Extra columns of a learning curve: named quantities of the network (for example the weight from
 * each input unit to each input gate) read whenever the trainer takes a learning-curve sample, so that
 * a run's internal course can be plotted beside its error.
 */
public interface CurveProbe {

    /** A probe with no columns. */
    CurveProbe NONE = new CurveProbe() {
        @Override
        public List<String> names() {
            return List.of();
        }

        @Override
        public void read(double[] into) {
        }
    };

    /** The column names, in the order {@link #read} fills them. */
    List<String> names();

    /** Writes the current value of each column into {@code into} (length {@code names().size()}). */
    void read(double[] into);
}
