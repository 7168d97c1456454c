package org.lstmrepro.reports.flow;

import java.util.ArrayList;
import java.util.List;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.GateProbe;
import org.lstmrepro.core.model.Trajectory;

/**
 * The cell states of an LSTM over one sequence, with the steps that carry information to remember (the
 * marked pairs of the adding problem), and the cell that responds most to them: the one whose state
 * jumps most at the marked steps beyond its typical change per step elsewhere.
 *
 * @param cellSymbol  s (1997) or c (vanilla)
 * @param states      {@code states[t][cell]}
 * @param markers     the marked steps (ascending)
 * @param storingCell the cell that responds most to the markers, or -1 without markers
 */
public record CellTrace(String cellSymbol, double[][] states, int[] markers, int storingCell) {

    /**
     * Runs {@code network} over {@code sequence}.
     *
     * @param markerInput the input index whose value 1 marks a step (adding problem: 1), or -1 for none
     */
    public static CellTrace measure(BpttNetwork network, Sequence sequence, int markerInput) {
        GateProbe probe = network.gateProbe().orElseThrow(() -> new IllegalArgumentException("model "
                + network.modelId() + " has no gates (gate statistics are for LSTMs)"));
        double[][] inputs = sequence.inputs();
        Trajectory trajectory = network.newTrajectory(inputs.length);
        double[][] gates = new double[probe.gateNames().size()][probe.unitsPerGate()];
        double[][] states = new double[inputs.length][probe.cellCount()];
        List<Integer> marked = new ArrayList<>();
        for (int t = 0; t < inputs.length; t++) {
            network.forwardStep(trajectory, t, inputs[t]);
            probe.read(trajectory, t, gates, states[t]);
            if (markerInput >= 0 && inputs[t][markerInput] == 1.0) {
                marked.add(t);
            }
        }
        int[] markers = marked.stream().mapToInt(Integer::intValue).toArray();
        return new CellTrace(probe.cellSymbol(), states, markers, storingCell(states, markers));
    }

    /** argmax over cells of (mean |Δs| at the marked steps) - (mean |Δs| at the other steps). */
    static int storingCell(double[][] states, int[] markers) {
        if (markers.length == 0 || states.length < 2) {
            return -1;
        }
        int cells = states[0].length;
        int best = -1;
        double bestScore = -1;
        for (int c = 0; c < cells; c++) {
            double atMarks = 0;
            double elsewhere = 0;
            int m = 0;
            for (int t = 0; t < states.length; t++) {
                double change = Math.abs(states[t][c] - (t == 0 ? 0.0 : states[t - 1][c]));
                if (m < markers.length && markers[m] == t) {
                    atMarks += change;
                    m++;
                } else {
                    elsewhere += change;
                }
            }
            double score = atMarks / markers.length - elsewhere / Math.max(1, states.length - markers.length);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    public int cellCount() {
        return states.length == 0 ? 0 : states[0].length;
    }
}
