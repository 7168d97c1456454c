package org.lstmrepro.core.optim;

import java.util.IdentityHashMap;
import java.util.Map;

import org.lstmrepro.core.param.Parameter;

/**
 * Per-parameter optimizer state: {@code slots} arrays of the parameter's size (a velocity, or
 * Adam's two moment estimates), allocated the first time a parameter is stepped and reused for
 * every later step. Keyed by parameter identity, so one optimizer serves exactly the parameters it
 * is stepped on.
 */
final class StateBuffers {

    private final int slots;
    private final Map<Parameter, double[][]> byParameter = new IdentityHashMap<>();

    StateBuffers(int slots) {
        this.slots = slots;
    }

    /** The state arrays of {@code p}, zero-initialised on first use: {@code of(p)[slot][i]}. */
    double[][] of(Parameter p) {
        double[][] state = byParameter.get(p);
        if (state == null) {
            state = new double[slots][p.size()];
            byParameter.put(p, state);
        }
        return state;
    }
}
