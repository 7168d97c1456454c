package org.lstmrepro.core.data;

import java.util.List;

/**
 * A fixed data set in its published split: the training sequences a trainer runs epochs over, the
 * validation sequences early stopping watches, and the test sequences the result is reported on.
 *
 * @param train training sequences, in the file's order
 * @param valid validation sequences
 * @param test  test sequences
 */
public record DataSplits(List<Sequence> train, List<Sequence> valid, List<Sequence> test) {

    public DataSplits {
        if (train == null || valid == null || test == null || train.isEmpty() || valid.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("a data split needs non-empty training, validation and test sets");
        }
        train = List.copyOf(train);
        valid = List.copyOf(valid);
        test = List.copyOf(test);
    }

    /** Steps with a target over a set of sequences (for the NLL per frame: the predicted frames). */
    public static long targetSteps(List<Sequence> sequences) {
        long n = 0;
        for (Sequence s : sequences) {
            n += s.targetSteps();
        }
        return n;
    }
}
