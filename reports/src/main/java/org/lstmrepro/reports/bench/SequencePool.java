package org.lstmrepro.reports.bench;

import java.util.ArrayList;
import java.util.List;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.tasks.Task;

/**
 * Training sequences generated before the timing starts, handed out in minibatches in a fixed cycle,
 * so a benchmark times training and not data generation. Keeps running totals of what it handed out.
 * Handing out allocates nothing.
 */
public final class SequencePool {

    private final List<List<Sequence>> batches;
    private final int[] batchSteps;
    private final int[] batchTargets;
    private int next;
    private long sequences;
    private long steps;
    private long targetSteps;

    /**
     * @param task      generates the sequences
     * @param batchSize sequences per minibatch, at least 1
     * @param batches   distinct minibatches in the cycle, at least 1
     * @param random    the only source of randomness
     */
    public SequencePool(Task task, int batchSize, int batches, RandomStream random) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        if (batches < 1) {
            throw new IllegalArgumentException("the sequence pool needs at least 1 batch, was " + batches);
        }
        this.batches = new ArrayList<>(batches);
        this.batchSteps = new int[batches];
        this.batchTargets = new int[batches];
        for (int b = 0; b < batches; b++) {
            List<Sequence> batch = new ArrayList<>(batchSize);
            for (int i = 0; i < batchSize; i++) {
                Sequence s = task.generate(random);
                batch.add(s);
                batchSteps[b] += s.length();
                batchTargets[b] += targetSteps(s);
            }
            this.batches.add(List.copyOf(batch));
        }
    }

    private static int targetSteps(Sequence s) {
        int n = 0;
        for (double[] target : s.targets()) {
            if (target != null) {
                n++;
            }
        }
        return n;
    }

    /** The next minibatch of the cycle. */
    public List<Sequence> nextBatch() {
        List<Sequence> batch = batches.get(next);
        sequences += batch.size();
        steps += batchSteps[next];
        targetSteps += batchTargets[next];
        next = next + 1 == batches.size() ? 0 : next + 1;
        return batch;
    }

    /** The only sequence of the next minibatch; for pools of batch size 1. */
    public Sequence next() {
        if (batches.get(next).size() != 1) {
            throw new IllegalStateException("next() is for pools of batch size 1, this one has "
                    + batches.get(next).size());
        }
        return nextBatch().get(0);
    }

    /** Everything handed out so far. */
    public Work handedOut() {
        return new Work(sequences, steps, targetSteps);
    }

    /** Mean time steps per sequence in the pool. */
    public double meanLength() {
        long total = 0;
        for (int s : batchSteps) {
            total += s;
        }
        return (double) total / (batches.size() * (long) batches.get(0).size());
    }
}
