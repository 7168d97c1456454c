package org.lstmrepro.reports.flow;

import java.util.List;
import java.util.Map;

/**
 * The gradient-flow measurements of one model on one task.
 *
 * @param model        the model spec, e.g. {@code vanilla:NFG}
 * @param initial      error-flow curves at initialisation, one per rule measured
 * @param trained      the same after training (or with loaded weights); empty when there was neither
 * @param radii        spectral radius of each recurrent matrix, at initialisation and (if trained) after
 * @param gates        gate statistics at the last stage (null for models without gates)
 * @param trace        cell states over one sequence at the last stage (null for models without cells)
 * @param stage        what the last stage is, briefly: "initialisation", "after N training sequences" or "weights from FILE"
 * @param stageDetail  the same with how training ended (rule, status, test errors)
 */
public record ModelFlow(String model, List<FlowCurve> initial, List<FlowCurve> trained,
                        Map<String, double[]> radii, GateStatistics gates, CellTrace trace, String stage,
                        String stageDetail) {

    /** The curves of the last stage: trained if there are any, else the initial ones. */
    public List<FlowCurve> last() {
        return trained.isEmpty() ? initial : trained;
    }
}
