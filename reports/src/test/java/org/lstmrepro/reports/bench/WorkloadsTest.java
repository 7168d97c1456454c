package org.lstmrepro.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.tasks.TaskRegistry;

class WorkloadsTest {

    @Test
    void thePoolCyclesThroughItsBatchesAndCountsWhatItHandsOut() {
        SequencePool pool = new SequencePool(TaskRegistry.create("adding", Map.of("length", "22")), 2, 3,
                RandomStream.root(1));
        List<Sequence> first = pool.nextBatch();
        pool.nextBatch();
        pool.nextBatch();
        assertThat(pool.nextBatch()).isSameAs(first);
        Work w = pool.handedOut();
        assertThat(w.sequences()).isEqualTo(8);
        // Adding problem: lengths in [T, T + T/10] = [22, 24], one target (at the end) per sequence.
        assertThat(w.steps()).isBetween(8L * 22, 8L * 24);
        assertThat(w.targetSteps()).isEqualTo(8);
        assertThat(w.since(new Work(2, 44, 2)).sequences()).isEqualTo(6);
        assertThatThrownBy(pool::next).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theTruncated1997WorkloadTrainsThePapersAddingNetworkOnline() {
        Truncated1997Workload w = new Truncated1997Workload(22, 4, 3);
        assertThat(w.settings()).containsEntry("weights", 93).containsEntry("rule", "truncated1997")
                .containsEntry("optimizer", "sgd(lr=0.5)").containsEntry("schedule", "online");
        Work work = w.run(6);
        assertThat(work.sequences()).isEqualTo(6);
        assertThat(work.targetSteps()).isEqualTo(6);
        assertThat(work.steps()).isBetween(6L * 22, 6L * 24);
    }

    @Test
    void theVanillaWorkloadUpdatesOncePerMinibatch() {
        VanillaWorkload w = new VanillaWorkload(4, 3, 22, 5, 3);
        assertThat(w.sequencesPerUnit()).isEqualTo(3);
        assertThat(w.settings()).containsEntry("rule", "bptt").containsEntry("batchSize", 3).containsEntry("hidden", 4);
        assertThat(w.run(2).sequences()).isEqualTo(6);
        assertThatThrownBy(() -> new VanillaWorkload(4, 0, 22, 5, 3)).hasMessageContaining("--batch");
    }
}
