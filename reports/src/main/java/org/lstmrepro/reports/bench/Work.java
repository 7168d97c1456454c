package org.lstmrepro.reports.bench;

/**
 * Data processed by one timed stretch of training.
 *
 * @param sequences   sequences trained on
 * @param steps       time steps, summed over the sequences
 * @param targetSteps steps with a target
 */
public record Work(long sequences, long steps, long targetSteps) {

    public static final Work NONE = new Work(0, 0, 0);

    /** What was processed between {@code earlier} (a running total) and this running total. */
    public Work since(Work earlier) {
        return new Work(sequences - earlier.sequences, steps - earlier.steps, targetSteps - earlier.targetSteps);
    }
}
