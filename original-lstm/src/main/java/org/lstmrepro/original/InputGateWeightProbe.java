package org.lstmrepro.original;

import java.util.ArrayList;
import java.util.List;

import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.train.CurveProbe;

/**
 * Learning-curve columns of a 1997 LSTM: the weight from each input unit to each block's input gate,
 * {@code w_in_j,x_i} (Hochreiter and Schmidhuber 1997, section 4). On the adding problem input 1 is the
 * marker: a long-lag run leaves its plateau when one block's input gate learns to open on the marker,
 * its marker weight growing from about 0.05 to several units (issue 8's observation, measured here).
 *
 * <p>A network with more than {@value #MAX_INPUTS} input units (one-hot alphabets, e.g. Experiment 2c's
 * p + 4 symbols) has only its last {@value #MAX_INPUTS} input units probed: for Experiment 2c those
 * are e, b, x and y, the symbols that matter; a learning curve of every weight would be p times larger.
 */
public final class InputGateWeightProbe implements CurveProbe {

    /** The most input units probed per gate; beyond it, the last ones. */
    public static final int MAX_INPUTS = 4;

    private final Parameter weight;
    private final int firstInput;
    private final int blocks;
    private final int inputs;
    private final List<String> names;

    public InputGateWeightProbe(Lstm1997Network network) {
        Lstm1997Layout l = network.layout();
        this.weight = network.parameters().get("input_gate.weight");
        this.blocks = l.blocks();
        this.firstInput = l.inputs() > MAX_INPUTS ? l.inputs() - MAX_INPUTS : 0;
        this.inputs = l.inputs();
        List<String> n = new ArrayList<>();
        for (int j = 0; j < blocks; j++) {
            for (int i = firstInput; i < inputs; i++) {
                n.add("w_in" + (j + 1) + "_x" + (i + 1));
            }
        }
        this.names = List.copyOf(n);
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public void read(double[] into) {
        double[] w = weight.value();
        int cols = weight.cols();
        int k = 0;
        for (int j = 0; j < blocks; j++) {
            for (int i = firstInput; i < inputs; i++) {
                into[k++] = w[j * cols + i];
            }
        }
    }
}
