package org.lstmrepro.reports.flow;

import java.util.List;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.GateProbe;
import org.lstmrepro.core.model.Trajectory;

/**
 * How open the gates are on a set of sequences: for each gate and unit (block or cell), the mean
 * activation over all steps and the distribution of activations in equal bins over [0, 1]. A gate that sits
 * near 0 blocks its path (an input gate near 0 protects the cell from irrelevant inputs; an output gate near 0
 * keeps the cell from disturbing the rest of the net); a forget gate near 1 keeps the CEC intact.
 *
 * @param gateNames   the gates, as {@link GateProbe#gateNames()}
 * @param unitName    "block" or "cell"
 * @param mean        {@code mean[gate][unit]}
 * @param histogram   {@code histogram[gate][unit][bin]}: fraction of steps whose activation fell in the bin
 * @param steps       how many steps were seen
 */
public record GateStatistics(List<String> gateNames, String unitName, double[][] mean, double[][][] histogram,
                             long steps) {

    /** Number of equal bins over [0, 1]. */
    public static final int BINS = 20;

    /** Runs {@code network} (an LSTM) over {@code sequences} and collects the statistics. */
    public static GateStatistics measure(BpttNetwork network, List<Sequence> sequences) {
        GateProbe probe = network.gateProbe().orElseThrow(() -> new IllegalArgumentException("model "
                + network.modelId() + " has no gates (gate statistics are for LSTMs)"));
        int gates = probe.gateNames().size();
        int units = probe.unitsPerGate();
        double[][] sum = new double[gates][units];
        double[][][] counts = new double[gates][units][BINS];
        double[][] now = new double[gates][units];
        double[] cells = new double[probe.cellCount()];
        Trajectory trajectory = network.newTrajectory(2);
        long steps = 0;
        for (Sequence s : sequences) {
            double[][] inputs = s.inputs();
            trajectory.ensureCapacity(inputs.length);
            for (int t = 0; t < inputs.length; t++) {
                network.forwardStep(trajectory, t, inputs[t]);
                probe.read(trajectory, t, now, cells);
                for (int g = 0; g < gates; g++) {
                    for (int u = 0; u < units; u++) {
                        double v = now[g][u];
                        sum[g][u] += v;
                        counts[g][u][bin(v)]++;
                    }
                }
            }
            steps += inputs.length;
        }
        if (steps == 0) {
            throw new IllegalArgumentException("gate statistics need at least one step");
        }
        for (int g = 0; g < gates; g++) {
            for (int u = 0; u < units; u++) {
                sum[g][u] /= steps;
                for (int b = 0; b < BINS; b++) {
                    counts[g][u][b] /= steps;
                }
            }
        }
        return new GateStatistics(List.copyOf(probe.gateNames()), probe.unitName(), sum, counts, steps);
    }

    /** The bin of an activation in [0, 1] (1 falls in the last bin). */
    static int bin(double v) {
        return Math.max(0, Math.min(BINS - 1, (int) (v * BINS)));
    }

    /** The centre of bin {@code b}. */
    public static double binCentre(int b) {
        return (b + 0.5) / BINS;
    }
}
