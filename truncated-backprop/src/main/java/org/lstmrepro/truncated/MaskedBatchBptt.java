package org.lstmrepro.truncated;

import java.util.Arrays;
import java.util.List;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.model.BatchBpttNetwork;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.model.Trajectory;

/**
 * Full BPTT over a minibatch of sequences of different lengths, run side by side through a
 * {@link BatchBpttNetwork} ({@link FullBptt#accumulateBatch}). The sequences are ordered longest first
 * (stable), so the ones still running at step t are the first {@code active(t)} rows; a sequence that
 * has ended is masked: not computed forward, no error, no carry, no gradient. Every sequence starts
 * from the zero state and its backward pass from a zero carry at its own last step, so the gradient is
 * the sum of the per-sequence full-BPTT gradients.
 *
 * <p>The batch runs forward and backward through the network's whole-sequence methods
 * ({@link BatchBpttNetwork#forwardBatchSteps}, {@link BatchBpttNetwork#backwardBatchSteps}), so that
 * input projections and weight gradients can be single matrix products over all steps and rows.
 *
 * <p>Buffers grow with the largest batch and longest sequence seen; nothing is allocated per step.
 */
final class MaskedBatchBptt {

    private final BatchBpttNetwork network;
    private final OutputUnits outputUnits;
    private final int inputSize;
    private final int outputSize;
    private final int carrySize;
    private final double[] outputRow;
    private final double[] deltaRow;
    private final BpttNetwork.OutputErrors errors = this::errorsAt;

    private int rows;
    private Trajectory trajectory;
    /** {@code stepInputs[t]}: the inputs of the rows running at step t, row-major [activeAt[t], inputSize]. */
    private double[][] stepInputs;
    /** {@code activeAt[t]}: the number of sequences running at step t. */
    private int[] activeAt;
    /** The loss of the errors handed to the backward pass so far. */
    private double loss;
    private double[] carry;
    private double[] outputDelta;
    /** {@code order[r]}: the index in the batch of the sequence in row r (longest first). */
    private int[] order;
    /** {@code rowOf[i]}: the row of sequence i of the batch. */
    private int[] rowOf;
    private Sequence[] sequenceOfRow;

    MaskedBatchBptt(BatchBpttNetwork network) {
        this.network = network;
        this.outputUnits = network.outputUnits();
        this.inputSize = network.inputSize();
        this.outputSize = network.outputSize();
        this.carrySize = network.carrySize();
        this.outputRow = new double[outputSize];
        this.deltaRow = new double[outputSize];
    }

    /** The summed loss; the summed gradient is added to the parameters' buffers. */
    double accumulate(List<Sequence> batch, StepObserver observer) {
        int b = batch.size();
        check(batch);
        ensureRows(b);
        orderLongestFirst(batch);
        int steps = sequenceOfRow[0].length();
        trajectory.ensureCapacity(steps);
        ensureSteps(steps);
        int active = b;
        for (int t = 0; t < steps; t++) {
            while (sequenceOfRow[active - 1].length() <= t) {
                active--;                                       // the shortest running sequence has ended
            }
            activeAt[t] = active;
            double[] in = stepInputs[t];
            for (int r = 0; r < active; r++) {
                System.arraycopy(sequenceOfRow[r].inputs()[t], 0, in, r * inputSize, inputSize);
            }
        }
        network.forwardBatchSteps(trajectory, stepInputs, activeAt, 0, steps);
        if (observer != StepObserver.NONE) {
            observe(observer, b);
        }
        Arrays.fill(carry, 0, b * carrySize, 0.0);
        loss = 0;
        network.backwardBatchSteps(trajectory, steps - 1, 0, errors, carry);
        return loss;
    }

    /**
     * The output errors of the rows running at step t (row-major, zeros for a row without a target),
     * or null when no row has one; adds their loss.
     */
    private double[] errorsAt(int t) {
        int active = activeAt[t];
        double[] outputs = network.batchOutput(trajectory, t);
        boolean anyError = false;
        for (int r = 0; r < active; r++) {
            double[] target = sequenceOfRow[r].targets()[t];
            if (target == null) {
                Arrays.fill(outputDelta, r * outputSize, (r + 1) * outputSize, 0.0);
            } else {
                System.arraycopy(outputs, r * outputSize, outputRow, 0, outputSize);
                loss += outputUnits.lossAndDelta(outputRow, target, deltaRow);
                System.arraycopy(deltaRow, 0, outputDelta, r * outputSize, outputSize);
                anyError = true;
            }
        }
        return anyError ? outputDelta : null;
    }

    /** Room for the inputs and running counts of {@code steps} steps (grown at least twofold, rarely). */
    private void ensureSteps(int steps) {
        if (stepInputs != null && stepInputs.length >= steps) {
            return;
        }
        int grown = Math.max(steps, stepInputs == null ? 0 : 2 * stepInputs.length);
        stepInputs = new double[grown][rows * inputSize];
        activeAt = new int[grown];
    }

    private void check(List<Sequence> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("a minibatch needs at least one sequence");
        }
        for (int i = 0; i < batch.size(); i++) {
            Sequence s = batch.get(i);
            if (s.inputSize() != inputSize) {
                throw new IllegalArgumentException("sequence " + i + " of the batch has inputs of size " + s.inputSize()
                        + ", the network expects " + inputSize);
            }
            int targetSize = s.targetSize();
            if (targetSize >= 0 && targetSize != outputSize) {
                throw new IllegalArgumentException("sequence " + i + " of the batch has targets of size " + targetSize
                        + ", the network has " + outputSize + " outputs");
            }
        }
    }

    private void ensureRows(int b) {
        if (b <= rows) {
            return;
        }
        rows = b;
        trajectory = network.newBatchTrajectory(b, 128);
        stepInputs = null;                                      // rows changed: re-sized by ensureSteps
        carry = new double[b * carrySize];
        outputDelta = new double[b * outputSize];
        order = new int[b];
        rowOf = new int[b];
        sequenceOfRow = new Sequence[b];
    }

    /** Stable insertion sort of the batch indices by length, longest first (B is small). */
    private void orderLongestFirst(List<Sequence> batch) {
        int b = batch.size();
        for (int i = 0; i < b; i++) {
            int len = batch.get(i).length();
            int r = i;
            while (r > 0 && batch.get(order[r - 1]).length() < len) {
                order[r] = order[r - 1];
                r--;
            }
            order[r] = i;
        }
        for (int r = 0; r < b; r++) {
            sequenceOfRow[r] = batch.get(order[r]);
            rowOf[order[r]] = r;
        }
    }

    /** Shows the observer every sequence's outputs, sequence by sequence in batch order, as one by one would. */
    private void observe(StepObserver observer, int b) {
        for (int i = 0; i < b; i++) {
            int row = rowOf[i];
            for (int t = 0; t < sequenceOfRow[row].length(); t++) {
                System.arraycopy(network.batchOutput(trajectory, t), row * outputSize, outputRow, 0, outputSize);
                observer.onStep(t, outputRow);
            }
        }
    }
}
