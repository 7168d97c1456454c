package org.lstmrepro.reports.bench;

import java.util.Map;
import org.lstmrepro.reports.run.FlopCount;

/**
 * Training work that a benchmark times: it processes minibatches of pre-generated sequences and
 * updates the weights, exactly as training would.
 */
public interface Workload {

    /** A short name for tables, e.g. {@code vanilla H=32 B=1}. */
    String name();

    /** What the workload is, for the record: model, rule, optimizer, sizes. */
    Map<String, Object> settings();

    /** The operations it performs, counted from the network's layout. */
    FlopCount flops();

    /** Sequences per unit of {@link #run(long)}: the minibatch size. */
    int sequencesPerUnit();

    /**
     * Trains on the next {@code units} minibatches.
     *
     * @return what was processed
     */
    Work run(long units);
}
