package org.lstmrepro.core.train;

import java.util.Arrays;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.random.RandomStream;

/**
 * Additive Gaussian input noise on training sequences (Greff et al. 2015's input-noise
 * hyperparameter): {@code x_t + sigma * N(0, 1)} for every input value, targets unchanged. The noisy
 * copy is written into buffers reused across sequences (one set per batch slot), so the data set is
 * never modified; a returned sequence stays valid until the same slot is used again.
 */
final class InputNoise {

    private final double sigma;
    private final RandomStream rng;
    private final double[][][] rows;

    /** @param slots how many noisy sequences must be alive at once (the batch size) */
    InputNoise(double sigma, RandomStream rng, int slots) {
        this.sigma = sigma;
        this.rng = rng;
        this.rows = new double[slots][0][];
    }

    Sequence apply(Sequence s, int slot) {
        int steps = s.length();
        int width = s.inputSize();
        double[][] buffer = rows[slot];
        if (buffer.length < steps || (buffer.length > 0 && buffer[0].length != width)) {
            buffer = new double[Math.max(steps, buffer.length)][width];
            rows[slot] = buffer;
        }
        double[][] in = s.inputs();
        for (int t = 0; t < steps; t++) {
            double[] x = in[t];
            double[] out = buffer[t];
            for (int k = 0; k < width; k++) {
                out[k] = x[k] + sigma * rng.nextGaussian();
            }
        }
        return new Sequence(buffer.length == steps ? buffer : Arrays.copyOf(buffer, steps), s.targets());
    }
}
