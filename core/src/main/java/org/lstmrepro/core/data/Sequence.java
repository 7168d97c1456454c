package org.lstmrepro.core.data;

import java.util.Arrays;

/**
 * One input sequence with its targets, as in the sequence file of the interchange spec: {@code T}
 * input vectors, and for each step either a target vector or {@code null} where no error is given
 * (the 1997 long-lag tasks give a target at the last step only).
 *
 * <p>Arrays are shared, not copied: treat them as read-only.
 *
 * @param inputs  {@code inputs[t]} is the input vector at step {@code t}; all of one length
 * @param targets {@code targets[t]} is the target at step {@code t} or {@code null}; same length as
 *                {@code inputs}; all non-null targets of one length
 */
public record Sequence(double[][] inputs, double[][] targets) {

    public Sequence {
        if (inputs == null || targets == null) {
            throw new IllegalArgumentException("a sequence needs inputs and targets (targets may hold nulls)");
        }
        if (inputs.length == 0) {
            throw new IllegalArgumentException("a sequence needs at least one step");
        }
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException("a sequence has " + inputs.length + " inputs but "
                    + targets.length + " target entries");
        }
        int inputSize = -1;
        int targetSize = -1;
        for (int t = 0; t < inputs.length; t++) {
            if (inputs[t] == null) {
                throw new IllegalArgumentException("input at step " + t + " is missing");
            }
            if (inputSize < 0) {
                inputSize = inputs[t].length;
            } else if (inputs[t].length != inputSize) {
                throw new IllegalArgumentException("input at step " + t + " has " + inputs[t].length
                        + " values, step 0 has " + inputSize);
            }
            checkFinite(inputs[t], "input", t);
            if (targets[t] != null) {
                if (targetSize < 0) {
                    targetSize = targets[t].length;
                } else if (targets[t].length != targetSize) {
                    throw new IllegalArgumentException("target at step " + t + " has " + targets[t].length
                            + " values, an earlier target has " + targetSize);
                }
                checkFinite(targets[t], "target", t);
            }
        }
    }

    private static void checkFinite(double[] v, String what, int t) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(what + " at step " + t + " has a non-finite value " + v[i]
                        + " at index " + i);
            }
        }
    }

    /** Number of time steps T. */
    public int length() {
        return inputs.length;
    }

    /** Size of every input vector. */
    public int inputSize() {
        return inputs[0].length;
    }

    /** Whether an error is given at step {@code t}. */
    public boolean hasTarget(int t) {
        return targets[t] != null;
    }

    /** Size of the target vectors, or -1 if the sequence has no target at all. */
    public int targetSize() {
        for (double[] target : targets) {
            if (target != null) {
                return target.length;
            }
        }
        return -1;
    }

    /** How many steps have a target. */
    public int targetSteps() {
        int n = 0;
        for (double[] target : targets) {
            if (target != null) {
                n++;
            }
        }
        return n;
    }

    /** The last step that has a target, or -1. */
    public int lastTargetStep() {
        for (int t = targets.length - 1; t >= 0; t--) {
            if (targets[t] != null) {
                return t;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sequence s && Arrays.deepEquals(inputs, s.inputs) && Arrays.deepEquals(targets, s.targets);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(inputs) + Arrays.deepHashCode(targets);
    }

    @Override
    public String toString() {
        return "Sequence[T=" + length() + ", inputSize=" + inputSize() + ", targetSize=" + targetSize() + "]";
    }
}
