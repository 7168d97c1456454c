package org.lstmrepro.tasks;

import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.train.StoppingRule;
import org.lstmrepro.core.train.TargetCriterion;

/**
 * A task whose shape (input and output units), output units, success criterion, stopping rule and
 * test-set size are fixed by its paper and settings (the long-time-lag tasks of Hochreiter and
 * Schmidhuber 1997, section 5): each task passes them once to this constructor instead of spelling out
 * the same six accessors.
 */
abstract class PaperTask implements Task {

    /** The test-set size of the 1997 long-lag experiments: 2560 sequences. */
    static final int TEST_SET_1997 = 2560;

    private final int inputSize;
    private final int outputSize;
    private final OutputUnits outputUnits;
    private final TargetCriterion criterion;
    private final StoppingRule stopping;
    private final int testSetSize;

    PaperTask(int inputSize, int outputSize, OutputUnits outputUnits, TargetCriterion criterion, StoppingRule stopping,
              int testSetSize) {
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.outputUnits = outputUnits;
        this.criterion = criterion;
        this.stopping = stopping;
        this.testSetSize = testSetSize;
    }

    @Override
    public final int inputSize() {
        return inputSize;
    }

    @Override
    public final int outputSize() {
        return outputSize;
    }

    @Override
    public final OutputUnits outputUnits() {
        return outputUnits;
    }

    @Override
    public final TargetCriterion criterion() {
        return criterion;
    }

    @Override
    public final StoppingRule stoppingRule() {
        return stopping;
    }

    @Override
    public final int testSetSize() {
        return testSetSize;
    }
}
