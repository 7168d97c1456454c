package org.lstmrepro.reports.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RunProgressTest {

    private final AtomicLong nanos = new AtomicLong();
    private final StringWriter err = new StringWriter();

    private void at(double seconds) {
        nanos.set((long) (seconds * 1e9));
    }

    private List<String> lines() {
        return Arrays.stream(err.toString().split("\n")).filter(l -> !l.isBlank()).toList();
    }

    @Test
    void logLinesComeAtMostEveryFewSecondsWhenSomethingFinishedAndAsAHeartbeat() {
        RunProgress p = new RunProgress(new PrintWriter(err), false, nanos::get);
        at(0);
        p.started(10, 2, 2);
        p.trialStarted(null);
        p.trialStarted(null);
        at(1);
        p.tick();
        assertThat(lines()).containsExactly("10 trials: 2 already in the store, 8 to run on 2 workers");
        at(3);
        p.trialFinished(null, null);
        p.tick();
        assertThat(lines()).hasSize(1);
        at(5);
        p.tick();
        at(6);
        p.tick();
        assertThat(lines()).hasSize(2);
        at(30);
        p.tick();
        assertThat(lines()).as("nothing finished since the last line").hasSize(2);
        at(65);
        p.tick();
        assertThat(lines()).as("heartbeat").hasSize(3);
        p.finished();
        assertThat(lines()).hasSize(4);
        // 1 of the 8 to run finished in 65 s, 7 remain: 7 x 65 s
        assertThat(lines().get(3)).isEqualTo("3/10 trials done, 1 running, 0 failed | 1m05s elapsed, about 7m35s left");
    }

    @Test
    void aTerminalGetsOneRedrawnLine() {
        RunProgress p = new RunProgress(new PrintWriter(err), true, nanos::get);
        p.started(4, 0, 1);
        p.trialStarted(null);
        at(2);
        p.tick();
        assertThat(err.toString()).endsWith("\r0/4 trials done, 1 running, 0 failed | 2s elapsed, time left unknown yet\u001b[K");
    }

    @Test
    void aRunWithEverythingDoneHasNothingLeft() {
        RunProgress p = new RunProgress(new PrintWriter(err), false, nanos::get);
        p.started(2, 2, 1);
        p.finished();
        assertThat(lines()).containsExactly("2 trials: 2 already in the store, 0 to run on 1 worker",
                "2/2 trials done, 0 running, 0 failed | 0s elapsed, nothing left");
    }

    @Test
    void formatsDurations() {
        assertThat(RunProgress.duration(44.6)).isEqualTo("45s");
        assertThat(RunProgress.duration(185)).isEqualTo("3m05s");
        assertThat(RunProgress.duration(2 * 3600 + 7 * 60 + 59)).isEqualTo("2h07m");
    }
}
