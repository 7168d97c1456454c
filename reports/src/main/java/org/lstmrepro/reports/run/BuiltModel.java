package org.lstmrepro.reports.run;

import java.util.Map;

import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.train.CurveProbe;
import org.lstmrepro.core.train.UpdateSchedule;

/**
 * A network ready to train, with what its family or preset recommends.
 *
 * @param network             the initialised network
 * @param config              everything needed to rebuild it (the {@code config} of a parameter file)
 * @param learningRate        the default learning rate (the paper's where there is a preset)
 * @param rule                the default learning rule id
 * @param schedule            the default update schedule
 * @param optimizer           the default optimizer spec
 * @param preset              where the defaults come from (a paper section), or "none"
 * @param probe               extra learning-curve columns of this model ({@link CurveProbe#NONE} if none)
 */
public record BuiltModel(RecurrentNetwork network, Map<String, Object> config, double learningRate, String rule,
                         UpdateSchedule schedule, String optimizer, String preset, CurveProbe probe) {

    /** A model without learning-curve probes. */
    public BuiltModel(RecurrentNetwork network, Map<String, Object> config, double learningRate, String rule,
                      UpdateSchedule schedule, String optimizer, String preset) {
        this(network, config, learningRate, rule, schedule, optimizer, preset, CurveProbe.NONE);
    }
}
