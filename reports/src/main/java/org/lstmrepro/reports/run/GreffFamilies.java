package org.lstmrepro.reports.run;

import static org.lstmrepro.reports.run.CommonOptions.HIDDEN_SIZE;
import static org.lstmrepro.reports.run.CommonOptions.INIT_RANGE;
import static org.lstmrepro.reports.run.CommonOptions.OUTPUT_ACTIVATION;
import static org.lstmrepro.reports.run.CommonOptions.RECURRENT_INIT;
import static org.lstmrepro.reports.run.CommonOptions.WEIGHT_INIT;

import java.util.List;

import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.train.UpdateSchedule;
import org.lstmrepro.tasks.Task;
import org.lstmrepro.vanilla.Initialisation;
import org.lstmrepro.vanilla.RecurrentInit;
import org.lstmrepro.vanilla.WeightDistribution;

/**
 * What the families trained as Greff et al. (2015) train their networks share: the options of a
 * hidden layer and its initialisation, and the defaults (full BPTT, Nesterov momentum 0.9 per
 * sequence, learning rate 0.01).
 */
final class GreffFamilies {

    /** Hidden units unless --hidden says otherwise. */
    static final int DEFAULT_HIDDEN = 8;
    static final double LEARNING_RATE = 0.01;
    static final String OPTIMIZER = "nesterov:0.9";
    /** The options every one of these families takes. */
    static final List<ModelOption<?>> OPTIONS = List.of(HIDDEN_SIZE, OUTPUT_ACTIVATION, INIT_RANGE, WEIGHT_INIT,
            RECURRENT_INIT);

    private GreffFamilies() {
    }

    static BuiltModel built(ConfiguredModel model, String preset) {
        return new BuiltModel(model.network(), model.config(), LEARNING_RATE, "bptt", UpdateSchedule.perSequence(),
                OPTIMIZER, preset);
    }

    static int hiddenSize(ModelOptions o) {
        return o.isSet(HIDDEN_SIZE) ? o.get(HIDDEN_SIZE) : DEFAULT_HIDDEN;
    }

    static OutputUnits outputUnits(Task task, ModelOptions o) {
        return o.isSet(OUTPUT_ACTIVATION)
                ? new OutputUnits(OutputActivation.fromId(o.get(OUTPUT_ACTIVATION)), task.outputUnits().loss())
                : task.outputUnits();
    }

    static Initialisation initialisation(ModelOptions o) {
        if (o.isSet(INIT_RANGE) && o.isSet(WEIGHT_INIT)) {
            throw new IllegalArgumentException(INIT_RANGE.names() + " and " + WEIGHT_INIT.names()
                    + " both set the initial weights: keep one");
        }
        WeightDistribution weights = o.isSet(WEIGHT_INIT) ? WeightDistribution.parse(o.get(WEIGHT_INIT))
                : o.isSet(INIT_RANGE) ? WeightDistribution.uniform(o.get(INIT_RANGE))
                : Initialisation.DEFAULT.weights();
        RecurrentInit recurrent = o.isSet(RECURRENT_INIT) ? RecurrentInit.fromId(o.get(RECURRENT_INIT))
                : Initialisation.DEFAULT.recurrent();
        return new Initialisation(weights, recurrent);
    }

    /** A network's summary line for the families without a paper preset. */
    static String noPreset(String what) {
        return "none (no paper preset for " + what + "; unset options take this project's defaults)";
    }
}
