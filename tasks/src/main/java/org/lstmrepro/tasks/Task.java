package org.lstmrepro.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lstmrepro.core.data.DataSplits;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.core.train.StoppingRule;
import org.lstmrepro.core.train.TargetCriterion;

/**
 * A sequence-learning task with fixed parameters: a generator of training sequences, a test set
 * that is a pure function of the test seed, and the paper's success and stopping criteria.
 */
public interface Task {

    /** The registry id, e.g. {@code adding}. */
    String id();

    /** The settings this instance was made with (e.g. {@code length=100}), for run summaries. */
    Map<String, String> settings();

    int inputSize();

    int outputSize();

    /** The output units the paper uses for this task (activation and loss). */
    OutputUnits outputUnits();

    /** One sequence, drawing only from {@code rng}. */
    Sequence generate(RandomStream rng);

    /** When an output at a target step counts as correct (the paper's criterion). */
    TargetCriterion criterion();

    /** The paper's stopping criterion. */
    StoppingRule stoppingRule();

    /**
     * The fixed training, validation and test sets of a task read from a data set (JSB Chorales), or
     * empty for a task that generates its sequences. A task with splits is trained by epochs over its
     * training set with early stopping on the validation set; {@link #generate} then draws a training
     * sequence and {@link #testSet} is the test split.
     */
    default Optional<DataSplits> splits() {
        return Optional.empty();
    }

    /** The paper's test-set size. */
    int testSetSize();

    /**
     * The test set: {@link #testSetSize()} sequences that depend only on this task's settings and
     * {@code testSeed}, so two runs with the same settings are evaluated on the same sequences.
     */
    default List<Sequence> testSet(long testSeed) {
        RandomStream rng = RandomStream.root(testSeed).derive("test-set/" + id());
        List<Sequence> out = new ArrayList<>(testSetSize());
        for (int i = 0; i < testSetSize(); i++) {
            out.add(generate(rng));
        }
        return out;
    }
}
