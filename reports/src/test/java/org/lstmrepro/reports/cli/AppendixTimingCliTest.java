package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The appendix's timing end to end: the option reaches the network, the records say so, and it changes the run. */
class AppendixTimingCliTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> network(Map<String, Object> summary) {
        return (Map<String, Object>) ((Map<String, Object>) summary.get("settings")).get("network");
    }

    @Test
    void aTinyRunUnderTheAppendixTimingDiffersFromTheExperimentsOnly() throws Exception {
        String[] base = {"train", "--model", "original1997", "--task", "adding", "--length", "30", "--seed", "2",
                "--max-sequences", "100", "--quiet"};
        CliRun experiments = CliRun.of(base);
        String[] withTiming = java.util.Arrays.copyOf(base, base.length + 2);
        withTiming[base.length] = "--timing";
        withTiming[base.length + 1] = "appendix";
        CliRun appendix = CliRun.of(withTiming);
        assertThat(experiments.status()).as(experiments.err()).isZero();
        assertThat(appendix.status()).as(appendix.err()).isZero();
        Map<String, Object> e = experiments.summary();
        Map<String, Object> a = appendix.summary();
        assertThat(network(e)).containsEntry("timing", "experiments");
        assertThat(network(a)).containsEntry("timing", "appendix");
        assertThat(a.get("testMse")).isNotEqualTo(e.get("testMse"));
        // the default is the network of before the option: the same run as naming it
        withTiming[base.length + 1] = "experiments";
        assertThat(CliRun.of(withTiming).summary().get("testMse")).isEqualTo(e.get("testMse"));
    }
}
