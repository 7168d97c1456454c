package org.lstmrepro.reports.experiment;


import org.lstmrepro.reports.store.TrialRecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test helpers: experiments small enough to run in a test, and record comparison without wall times. */
public final class TinyExperiments {

    /**
     * Four short trials (two models, two seeds) on the shortest adding problem, plus two that
     * diverge (linear outputs and an absurd learning rate). A few hundred sequences each.
     */
    public static final String TINY = """
            name: tiny
            seeds: 2
            budget: 1000
            tasks:
              - id: adding
                settings: {length: 22}
            models:
              - model: original1997
              - model: rnn
              - model: rnn
                label: rnn-exploding
                optimizer: sgd
                hyperparameters: {learningRate: 1.0e+300}
                options: {outputActivation: linear}
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private TinyExperiments() {
    }

    /** A record as a JSON tree without the fields that depend on the machine and the moment. */
    public static ObjectNode withoutWallTime(TrialRecord r) {
        ObjectNode n = JSON.valueToTree(r);
        n.remove("seconds");
        return n;
    }

}
