package org.lstmrepro.vanilla;

/**
 * How a network's weights start: every weight matrix, peephole vector and the output weights are
 * drawn from {@code weights}; the recurrent matrices follow {@code recurrent}; biases start at
 * constants (0 unless a configuration sets a gate bias).
 *
 * @param weights   the distribution of the initial weights
 * @param recurrent how {@code weight_hh} is initialised
 */
public record Initialisation(WeightDistribution weights, RecurrentInit recurrent) {

    /** Uniform in [-0.1, 0.1), recurrent weights likewise. */
    public static final Initialisation DEFAULT = new Initialisation(WeightDistribution.uniform(0.1), RecurrentInit.SAME);

    public Initialisation {
        if (weights == null || recurrent == null) {
            throw new IllegalArgumentException("an initialisation needs a weight distribution and a recurrent initialisation");
        }
    }
}
