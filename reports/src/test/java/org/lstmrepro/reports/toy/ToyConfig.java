package org.lstmrepro.reports.toy;

import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.loss.OutputUnits;

/** The toy network's parameter-file {@code config}: every key, as written and read back. */
record ToyConfig(int inputSize, int hiddenSize, int outputSize, String outputActivation, String loss,
                 double toyScale) {

    OutputUnits outputUnits() {
        return new OutputUnits(OutputActivation.fromId(outputActivation),
                org.lstmrepro.core.loss.Loss.fromId(loss));
    }
}
