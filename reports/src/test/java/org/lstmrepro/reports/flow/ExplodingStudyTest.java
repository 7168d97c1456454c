package org.lstmrepro.reports.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exploding networks of {@code gradient-flow --compare} ({@link GradientFlow#EXPLODING}) must show what
 * the figure claims: on the adding problem (T = 100) at initialisation, the error on the recurrent state
 * at the largest lag is many times the error at lag 1, and clipping has something to clip.
 */
class ExplodingStudyTest {

    @ParameterizedTest
    @ValueSource(strings = {"vanilla:NFG", "gru"})
    void theComparisonsExplodingNetworksGrowByDecadesOverTheLag(String model) {
        FlowSettings s = FlowSettings.defaults("adding", Map.of("length", "100")).withTrainSequences(0)
                .withSequences(FlowSettings.DEFAULT_FLOW_SEQUENCES, 4);
        ExplodingCase e = GradientFlow.exploding(model, GradientFlow.EXPLODING.get(model), s);
        FlowCurve c = e.curve();
        assertThat(c.maxLag()).isGreaterThanOrEqualTo(99);
        assertThat(c.stateNorm(c.maxLag()) / c.stateNorm(1)).as(e.label()).isGreaterThan(1e3);
        assertThat(e.clipping().clippedCount()).as(e.label()).isPositive();
    }
}
