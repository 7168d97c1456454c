package org.lstmrepro.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.DataSplits;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.random.RandomStream;

class JsbChoralesTaskTest {

    private static byte[] shipped() throws IOException {
        try (InputStream in = JsbChoralesData.class.getResourceAsStream(JsbChoralesData.RESOURCE)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theShippedSplitHasThePublishedSizes() {
        DataSplits d = JsbChoralesData.load();
        // chorales and frames as the data's provenance table gives them; a chorale of L frames predicts L - 1
        assertThat(d.train()).hasSize(229);
        assertThat(d.valid()).hasSize(76);
        assertThat(d.test()).hasSize(77);
        assertThat(DataSplits.targetSteps(d.train())).isEqualTo(13_807 - 229);
        assertThat(DataSplits.targetSteps(d.valid())).isEqualTo(4_602 - 76);
        assertThat(DataSplits.targetSteps(d.test())).isEqualTo(4_725 - 77);
    }

    @Test
    void theFirstTestChoraleIsEncodedOverMidi21To108AndShiftedByOneFrame() {
        Sequence s = JsbChoralesData.load().test().get(0);
        // the file's first test chorale begins [72, 76, 79, 84], [72, 76, 79, 84], [71, 74, 79, 86]
        assertThat(hot(s.inputs()[0])).containsExactly(72 - 21, 76 - 21, 79 - 21, 84 - 21);
        assertThat(hot(s.targets()[0])).containsExactly(72 - 21, 76 - 21, 79 - 21, 84 - 21);
        assertThat(hot(s.targets()[1])).containsExactly(71 - 21, 74 - 21, 79 - 21, 86 - 21);
        assertThat(s.targets()[0]).isSameAs(s.inputs()[1]);
        assertThat(s.inputSize()).isEqualTo(88);
        assertThat(s.targetSize()).isEqualTo(88);
    }

    private static int[] hot(double[] frame) {
        return java.util.stream.IntStream.range(0, frame.length).filter(k -> frame[k] == 1.0).toArray();
    }

    @Test
    void aHandMadeFileIsEncodedFrameByFrame() {
        String json = "{\"train\": [[[21], [108, 60], []]], \"valid\": [[[], [22]]], \"test\": [[[50], [50]]]}";
        DataSplits d = JsbChoralesData.parseUnchecked(json.getBytes(StandardCharsets.UTF_8), "hand.json");
        Sequence s = d.train().get(0);
        assertThat(s.length()).isEqualTo(2);
        assertThat(hot(s.inputs()[0])).containsExactly(0);
        assertThat(hot(s.inputs()[1])).containsExactly(39, 87);
        assertThat(hot(s.targets()[1])).isEmpty();
    }

    @Test
    void anAlteredFileIsRefusedWithOneLine() throws IOException {
        byte[] bytes = shipped();
        assertThat(JsbChoralesData.sha256(bytes)).isEqualTo(JsbChoralesData.SHA256);
        bytes[100] ^= 1;
        assertThatThrownBy(() -> JsbChoralesData.parse(bytes, "x.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the JSB Chorales data x.json has been altered: sha256 ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void malformedContentIsOneLineNamingThePlace() {
        assertThatThrownBy(() -> JsbChoralesData.parseUnchecked("{\"train\": [[[20], [30]]]}".getBytes(StandardCharsets.UTF_8), "m.json"))
                .hasMessage("m.json: train[0][0] has 20, not a MIDI note in 21..108");
        assertThatThrownBy(() -> JsbChoralesData.parseUnchecked("{\"train\": [[[30], [30]]]}".getBytes(StandardCharsets.UTF_8), "m.json"))
                .hasMessage("the JSB Chorales data m.json has no 'valid' list of chorales");
        assertThatThrownBy(() -> JsbChoralesData.parseUnchecked("[1".getBytes(StandardCharsets.UTF_8), "m.json"))
                .hasMessageStartingWith("the JSB Chorales data m.json is not valid JSON");
    }

    @Test
    void theTaskPredictsTheNextFrameWithLogisticUnitsAndTestsOnTheTestSplit() {
        Task task = TaskRegistry.create("jsb-chorales", Map.of());
        assertThat(task.inputSize()).isEqualTo(88);
        assertThat(task.outputSize()).isEqualTo(88);
        assertThat(task.outputUnits().activation()).isEqualTo(OutputActivation.SIGMOID);
        assertThat(task.outputUnits().loss()).isEqualTo(Loss.BINARY_CROSS_ENTROPY);
        List<Sequence> test = task.testSet(1);
        assertThat(test).isSameAs(task.testSet(2)).isEqualTo(JsbChoralesData.load().test());
        assertThat(task.splits()).isPresent();
        assertThat(JsbChoralesData.load().train()).contains(task.generate(RandomStream.root(3)));
        assertThat(task.criterion().isCorrect(new double[] {0.6, 0.4}, new double[] {1, 0})).isTrue();
        assertThat(task.criterion().isCorrect(new double[] {0.6, 0.6}, new double[] {1, 0})).isFalse();
    }
}
