package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


/**
 * The one-hot fast path (the 1997 network sums only the non-zero inputs, its fused truncated gradient
 * adds only the trace columns of inputs that were on, and Experiment 2c shares one input vector per
 * symbol) changes no bit of a training run: the same runs give the numbers the code gave before it
 * existed (pinned from the build of commit 7ed4f98, which computed every input densely), to the last
 * digit. 2c and 6a have one-hot inputs; adding's two inputs take the dense path.
 */
class SparseInputsGoldenTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "long-lag-2c --set q=30 --set p=30; 0.25047970483544757; 0.25061747320741484; 2560",
            "temporal-order-6a; 0.18853429893901616; 0.19331545966991073; 2560",
            "adding --length 30; 0.03823445563633078; 0.038328144621235974; 2145"})
    void aShortRunGivesThePinnedNumbers(String task, double testMse, double recentError, int testErrors) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--model", "original1997", "--task"));
        args.addAll(List.of(task.split(" ")));
        args.addAll(List.of("--max-sequences", "300", "--seed", "1", "--quiet"));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.status()).as(run.err()).isZero();
        Map<String, Object> s = run.summary();
        assertThat(s.get("testMse")).isEqualTo(testMse);
        assertThat(s.get("recentError")).isEqualTo(recentError);
        assertThat(s.get("testErrors")).isEqualTo(testErrors);
    }
}
