package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A run whose logistic outputs are pinned for the whole window says so, beside its status. */
class SaturationTest {

    private static JsonNode train(String lr, String model) throws Exception {
        CliRun run = CliRun.of("train", "--model", model, "--task", "adding", "--length", "22", "--lr", lr,
                "--optimizer", "sgd", "--max-sequences", "300", "--stop-window", "100", "--quiet");
        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = run.outLines();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    @Test
    void aHugeLearningRatePinsTheLogisticOutputsAndIsFlagged() throws Exception {
        for (String model : List.of("rnn", "original1997", "vanilla")) {
            JsonNode pinned = train("1e6", model);
            assertThat(pinned.get("status").asText()).as(model).isEqualTo("BUDGET_EXHAUSTED");
            assertThat(pinned.get("saturated").asBoolean()).as(model).isTrue();
            JsonNode normal = train("0.01", model);
            assertThat(normal.get("saturated").asBoolean()).as(model + " at a sane rate").isFalse();
        }
    }
}
