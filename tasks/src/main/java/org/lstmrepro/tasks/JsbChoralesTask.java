package org.lstmrepro.tasks;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lstmrepro.core.data.DataSplits;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.core.train.StoppingRule;
import org.lstmrepro.core.train.TargetCriterion;

/**
 * Polyphonic music modelling on JSB Chorales (Boulanger-Lewandowski, Bengio and Vincent 2012), the
 * public one of the three data sets of Greff et al. (2015): at every quarter-note frame the network
 * reads the frame (88 binary inputs, MIDI 21-108) and predicts the next one with 88 independent
 * logistic output units, trained on the binary cross-entropy ({@link Loss#BINARY_CROSS_ENTROPY}). The
 * measure is the negative log-likelihood per predicted frame in nats on the test split.
 *
 * <p>The data are fixed ({@link JsbChoralesData}, the published split): the trainer runs epochs over
 * {@link #splits()} with early stopping on the validation set. {@link #generate} draws a uniformly
 * random training chorale, and {@link #testSet} is the test split whatever the seed. The stopping
 * rule of the 1997 tasks does not apply; {@link #stoppingRule()} (every frame of one epoch's worth of
 * recent chorales exactly right) is only a fallback for training on a stream and practically never met.
 */
public final class JsbChoralesTask implements Task {

    public static final String ID = "jsb-chorales";

    static final TaskFactory FACTORY = new SettingsTaskFactory(ID,
            "JSB Chorales, next-frame prediction with 88 logistic outputs, NLL per frame "
                    + "(Boulanger-Lewandowski et al. 2012; Greff et al. 2015)",
            List.of(), s -> new JsbChoralesTask());

    private static final OutputUnits OUTPUT_UNITS = new OutputUnits(OutputActivation.SIGMOID, Loss.BINARY_CROSS_ENTROPY);
    /** A frame is right when every unit, thresholded at 0.5, equals its target. */
    private static final TargetCriterion FRAME_EXACT = (y, d) -> {
        for (int k = 0; k < d.length; k++) {
            if ((y[k] > 0.5) != (d[k] > 0.5)) {
                return false;
            }
        }
        return true;
    };

    private final DataSplits splits = JsbChoralesData.load();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of();
    }

    @Override
    public int inputSize() {
        return JsbChoralesData.UNITS;
    }

    @Override
    public int outputSize() {
        return JsbChoralesData.UNITS;
    }

    @Override
    public OutputUnits outputUnits() {
        return OUTPUT_UNITS;
    }

    @Override
    public Sequence generate(RandomStream rng) {
        List<Sequence> train = splits.train();
        return train.get(rng.nextInt(train.size()));
    }

    @Override
    public TargetCriterion criterion() {
        return FRAME_EXACT;
    }

    @Override
    public StoppingRule stoppingRule() {
        return new StoppingRule(1e-3, splits.train().size());
    }

    @Override
    public Optional<DataSplits> splits() {
        return Optional.of(splits);
    }

    @Override
    public int testSetSize() {
        return splits.test().size();
    }

    @Override
    public List<Sequence> testSet(long testSeed) {
        return splits.test();
    }
}
