package org.lstmrepro.core.train;

/**
 * When the trainer applies the accumulated gradient.
 *
 * @param mode      online, per sequence, or per minibatch
 * @param batchSize sequences per update for {@link Mode#MINIBATCH}; 1 otherwise
 */
public record UpdateSchedule(Mode mode, int batchSize) {

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
        String s = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("online")) {
            return online();
        }
        if (s.equals("sequence")) {
            return perSequence();
        }
        if (s.startsWith("batch:")) {
            try {
                return minibatch(Integer.parseInt(s.substring(6)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad batch size in update schedule '" + text + "'");
            }
        }
        throw new IllegalArgumentException("unknown update schedule '" + text + "' (expected online, sequence or batch:N)");
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
