package org.lstmrepro.reports.bench;

import java.util.Map;

import org.lstmrepro.tasks.JsbChoralesTask;
import org.lstmrepro.tasks.TaskRegistry;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark suites of {@code lstm-repro bench}.
 */
public enum Suite {
    /** The 1997 adding network under the 1997 truncated gradient with online SGD. */
    TRUNCATED1997("truncated1997"),
    /** The vanilla LSTM under full BPTT, one case per hidden size. */
    VANILLA("vanilla"),
    /**
     * The vanilla LSTM under full BPTT on the shape of Greff et al.'s JSB Chorales study: 88 inputs, 88
     * logistic outputs with the binary cross-entropy, the published training chorales.
     */
    JSB("jsb");

    private final String id;

    Suite(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether {@code --hidden} and {@code --batch} apply. */
    public boolean hasHiddenSizes() {
        return this != TRUNCATED1997;
    }

    /** The hidden sizes measured when {@code --hidden} is not given: the sizes of issue 10. */
    public List<Integer> defaultHidden() {
        return this == JSB ? List.of(20, 64, 200) : List.of(8, 32, 128);
    }

    /**
     * The workloads of this suite.
     *
     * @param length   the adding problem's minimal length T
     * @param hidden   vanilla: hidden sizes H, one case each
     * @param batch    vanilla: sequences per update
     * @param poolSize pre-generated sequences per case
     * @param seed     weights and sequences
     */
    public List<Workload> workloads(int length, List<Integer> hidden, int batch, int poolSize, long seed) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("--pool must be at least 1 sequence, was " + poolSize);
        }
        return switch (this) {
            case TRUNCATED1997 -> List.of(new Truncated1997Workload(length, poolSize, seed));
            case VANILLA, JSB -> {
                if (hidden.isEmpty()) {
                    throw new IllegalArgumentException("--hidden needs at least one size");
                }
                List<Workload> cases = new ArrayList<>();
                for (int h : hidden) {
                    cases.add(this == JSB
                            ? new VanillaWorkload(TaskRegistry.create(JsbChoralesTask.ID, Map.of()), h, batch, poolSize, seed)
                            : new VanillaWorkload(h, batch, length, poolSize, seed));
                }
                yield cases;
            }
        };
    }
}
