package org.lstmrepro.core.train;

import org.lstmrepro.core.NameArgs;

/**
 * When the trainer applies the accumulated gradient.
 *
 * @param mode      online, per sequence, or per minibatch
 * @param batchSize sequences per update for {@link Mode#MINIBATCH}; 1 otherwise
 */
public record UpdateSchedule(Mode mode, int batchSize) {

    /** The accepted forms, for help texts and messages. */
    public static final String FORMS = "online | sequence | batch:N";

    public enum Mode {
        /** After every step at which the rule makes a gradient available (the 1997 rule). */
        ONLINE,
        /** After every sequence (Greff et al. 2015). */
        PER_SEQUENCE,
        /** After every {@code batchSize} sequences. */
        MINIBATCH
    }

    public UpdateSchedule {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        if (mode != Mode.MINIBATCH && batchSize != 1) {
            throw new IllegalArgumentException(mode + " updates take batch size 1");
        }
    }

    public static UpdateSchedule online() {
        return new UpdateSchedule(Mode.ONLINE, 1);
    }

    public static UpdateSchedule perSequence() {
        return new UpdateSchedule(Mode.PER_SEQUENCE, 1);
    }

    public static UpdateSchedule minibatch(int size) {
        return new UpdateSchedule(Mode.MINIBATCH, size);
    }

    /** {@code online}, {@code sequence}, or {@code batch:N}. */
    public static UpdateSchedule parse(String text) {
        NameArgs s = NameArgs.parse("update schedule", text);
        return switch (s.name()) {
            case "online" -> s.requireArgs(0, 0, "online").build(UpdateSchedule::online);
            case "sequence" -> s.requireArgs(0, 0, "sequence").build(UpdateSchedule::perSequence);
            case "batch" -> minibatch(s.requireArgs(1, 1, "batch:N, e.g. batch:16").positiveInt(0, "N"));
            default -> throw s.unknown(FORMS);
        };
    }

    @Override
    public String toString() {
        return switch (mode) {
            case ONLINE -> "online";
            case PER_SEQUENCE -> "sequence";
            case MINIBATCH -> "batch:" + batchSize;
        };
    }
}
