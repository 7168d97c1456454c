package org.lstmrepro.vanilla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmrepro.core.math.Kernels;
import org.lstmrepro.core.model.BatchBpttNetwork;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.core.random.RandomStream;

/**
 * A chunk of steps run at once ({@link LayerNetwork#forwardBatchSteps}: the weights transposed once,
 * the products on SIMD lanes when {@link Kernels#vectorised()}) gives the bits of the same steps run
 * one at a time ({@link LayerNetwork#forwardBatchStep}: the weights read as they are, scalar), for every
 * family, with H = 9 (4H = 36: a SIMD tile of 32 columns, one vector and no scalar tail; H itself
 * leaves one) and batches of 1 and 5 rows (a 4-row tile and a row left over).
 */
class ChunkPathTest {

    private static final int IN = 3;
    private static final int HIDDEN = 9;
    private static final int OUT = 2;
    private static final int STEPS = 7;

    static Stream<Arguments> networks() {
        List<Arguments> cases = new ArrayList<>();
        for (int batch : new int[] {1, 5}) {
            for (Variant v : Variant.values()) {
                cases.add(Arguments.of(v.id(), batch));
            }
            cases.add(Arguments.of("rnn", batch));
            cases.add(Arguments.of("gru", batch));
        }
        return cases.stream();
    }

    private static BatchBpttNetwork network(String model) {
        BatchBpttNetwork net = switch (model) {
            case "rnn" -> new SimpleRnn(BaselineConfig.of(IN, HIDDEN, OUT), RandomStream.root(41));
            case "gru" -> new Gru(BaselineConfig.of(IN, HIDDEN, OUT), RandomStream.root(42));
            default -> new VanillaLstm(VanillaConfig.of(IN, HIDDEN, OUT, Variant.fromId(model)),
                    RandomStream.root(43).derive("init"));
        };
        Fixtures.randomise(net.parameters(), RandomStream.root(44), 0.6);
        return net;
    }

    @ParameterizedTest(name = "{0}, B = {1}")
    @MethodSource("networks")
    void aChunkGivesTheBitsOfItsStepsRunOneAtATime(String model, int batch) {
        BatchBpttNetwork net = network(model);
        RandomStream r = RandomStream.root(45);
        double[][] inputs = new double[STEPS][batch * IN];
        int[] active = new int[STEPS];
        for (int t = 0; t < STEPS; t++) {
            active[t] = t < 4 ? batch : Math.max(1, batch - 2);    // sequences that end early
            for (int i = 0; i < inputs[t].length; i++) {
                inputs[t][i] = r.nextDouble(-1, 1);
            }
        }
        Trajectory chunk = net.newBatchTrajectory(batch, STEPS);
        Trajectory single = net.newBatchTrajectory(batch, STEPS);
        net.forwardBatchSteps(chunk, inputs, active, 0, STEPS);
        for (int t = 0; t < STEPS; t++) {
            net.forwardBatchStep(single, t, inputs[t], active[t]);
        }
        for (int t = 0; t < STEPS; t++) {
            double[] a = net.batchOutput(chunk, t);
            double[] b = net.batchOutput(single, t);
            for (int i = 0; i < active[t] * OUT; i++) {
                assertThat(Double.doubleToRawLongBits(a[i])).as("step %d output %d (%s)", t, i, Kernels.path())
                        .isEqualTo(Double.doubleToRawLongBits(b[i]));
            }
        }
    }
}
