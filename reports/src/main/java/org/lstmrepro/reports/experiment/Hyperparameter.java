package org.lstmrepro.reports.experiment;

import java.util.List;

/**
 * How an experiment sets one hyperparameter: one fixed value, a grid axis (every value is tried;
 * several axes expand to their cross product), or a distribution a random search samples from.
 */
sealed interface Hyperparameter {

    /** One value for every trial. */
    record Fixed(double value) implements Hyperparameter {
    }

    /** Every value in turn. */
    record Grid(List<Double> values) implements Hyperparameter {
        public Grid {
            values = List.copyOf(values);
        }
    }

    /** A fresh draw for every sample of the random search. */
    record Sampled(Distribution distribution) implements Hyperparameter {
    }
}
