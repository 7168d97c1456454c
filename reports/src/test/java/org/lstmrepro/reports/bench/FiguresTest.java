package org.lstmrepro.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lstmrepro.reports.run.FlopCount;
import org.lstmrepro.reports.run.FlopTerm;

/** The arithmetic from raw repetitions to the reported figures. */
class FiguresTest {

    @Test
    void aRepetitionsFiguresFollowFromItsTimeWorkAndBytes() {
        // 2 ms for 40 sequences of 50 steps (one target each), 1000 bytes.
        Repetition r = new Repetition(2_000_000, 1_000_000, new Work(40, 2000, 40), 1000);
        assertThat(r.nanosPerStep()).isEqualTo(1000.0);
        assertThat(r.sequencesPerSecond()).isCloseTo(20_000, within(1e-9));
        assertThat(r.stepsPerSecond()).isCloseTo(1_000_000, within(1e-6));
        assertThat(r.bytesPerStep()).isEqualTo(0.5);
        assertThat(r.cpuNanosPerStep()).isEqualTo(500.0);
        assertThat(r.cpuShare()).isEqualTo(0.5);
        FlopCount f = new FlopCount(List.of(new FlopTerm("x", "", 500, FlopTerm.MULTIPLY_ADD)),
                List.of(new FlopTerm("y", "", 1000, FlopTerm.ADD)), "");
        // (2000 * 1000 + 40 * 1000) FLOPs in 2 ms = 1.02 GFLOP/s
        assertThat(r.gigaflopsPerSecond(f)).isCloseTo(1.02, within(1e-12));
        assertThat(new Repetition(1, -1, new Work(1, 1, 0), -1).bytesPerStep()).isNaN();
        assertThat(new Repetition(1, -1, new Work(1, 1, 0), -1).cpuShare()).isNaN();
    }

    @Test
    void spreadIsMedianMinAndMax() {
        Spread odd = Spread.of(List.of(3.0, 1.0, 2.0), Double::doubleValue);
        assertThat(odd).isEqualTo(new Spread(2.0, 1.0, 3.0));
        assertThat(odd.relativeRange()).isEqualTo(1.0);
        assertThat(Spread.of(List.of(4.0, 1.0, 2.0, 10.0), Double::doubleValue).median()).isEqualTo(3.0);
        assertThatThrownBy(() -> Spread.of(List.<Double>of(), Double::doubleValue))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCaseSummarisesItsRepetitions() {
        CaseResult c = new CaseResult("c", Map.of(), new FlopCount(List.of(), List.of(), ""), List.of(
                new Repetition(300, 300, new Work(1, 3, 1), 0),
                new Repetition(100, 100, new Work(1, 1, 1), 0),
                new Repetition(400, 400, new Work(1, 2, 1), 0)));
        assertThat(c.nanosPerStep()).isEqualTo(new Spread(100.0, 100.0, 200.0));
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new BenchSettings(-1, 1, 1)).hasMessageContaining("--warmup");
        assertThatThrownBy(() -> new BenchSettings(0, 0, 1)).hasMessageContaining("--repetitions");
        assertThatThrownBy(() -> new BenchSettings(0, 1, 0)).hasMessageContaining("--repetition-seconds");
    }

    @Test
    void theThreadCountersSeeAnAllocationAndCpuTime() {
        ThreadCounters meter = new ThreadCounters();
        if (meter.cpuAvailable()) {
            long cpu = meter.cpuNanos();
            long spin = System.nanoTime() + 20_000_000;
            while (System.nanoTime() < spin) {
                Thread.onSpinWait();
            }
            assertThat(meter.cpuNanos()).isGreaterThan(cpu);
        }
        if (!meter.allocationAvailable()) {
            assertThat(meter.allocatedBytes()).isEqualTo(-1);
            return;
        }
        long before = meter.allocatedBytes();
        byte[] block = new byte[1 << 20];
        long after = meter.allocatedBytes();
        assertThat(block).hasSize(1 << 20);
        assertThat(after - before).isGreaterThanOrEqualTo(1 << 20);
    }
}
