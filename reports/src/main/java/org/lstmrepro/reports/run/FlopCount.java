package org.lstmrepro.reports.run;

import java.util.List;

/**
 * The floating-point work of a training workload, counted from the network's layout: the terms paid
 * at every time step, and those paid only at a step with a target (the backward pass and the update of
 * the 1997 rule, which runs online).
 *
 * <p>Only the loops over weights and traces are counted (work proportional to the number of weights);
 * element-wise work per unit (activation functions, gate products) is left out and named in
 * {@code excluded}, so a rate computed from this count is a lower bound on the operations executed.
 *
 * @param perStep   paid at every time step
 * @param perTarget paid in addition at every step with a target
 * @param excluded  what the count leaves out, in words
 */
public record FlopCount(List<FlopTerm> perStep, List<FlopTerm> perTarget, String excluded) {

    public FlopCount {
        perStep = List.copyOf(perStep);
        perTarget = List.copyOf(perTarget);
    }

    public long flopsPerStep() {
        return sum(perStep);
    }

    public long flopsPerTarget() {
        return sum(perTarget);
    }

    /** The operations of {@code steps} time steps of which {@code targetSteps} had a target. */
    public double flops(long steps, long targetSteps) {
        return (double) steps * flopsPerStep() + (double) targetSteps * flopsPerTarget();
    }

    private static long sum(List<FlopTerm> terms) {
        long s = 0;
        for (FlopTerm t : terms) {
            s += t.flops();
        }
        return s;
    }
}
