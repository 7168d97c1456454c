package org.lstmrepro.core.optim;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * A setting written as {@code name} or {@code name:a,b,...} on the command line, split into its
 * name (lower-cased) and numeric arguments. {@code kind} ("optimizer", "clipping") only labels
 * error messages.
 */
final class Spec {

    final String text;
    final String name;
    final double[] args;
    private final String kind;

    private Spec(String kind, String text, String name, double[] args) {
        this.kind = kind;
        this.text = text;
        this.name = name;
        this.args = args;
    }

    static Spec parse(String kind, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(kind + " is empty");
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        String name = (colon < 0 ? trimmed : trimmed.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        if (colon < 0) {
            return new Spec(kind, trimmed, name, new double[0]);
        }
        String[] parts = trimmed.substring(colon + 1).split(",", -1);
        double[] args = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            try {
                args[i] = Double.parseDouble(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(kind + " '" + trimmed + "': '" + part + "' is not a number");
            }
        }
        return new Spec(kind, trimmed, name, args);
    }

    /** Fails unless the number of arguments is in [min, max]; {@code usage} shows the right form. */
    void requireArgs(int min, int max, String usage) {
        if (args.length < min || args.length > max) {
            throw new IllegalArgumentException(kind + " '" + text + "' takes "
                    + (min == max ? String.valueOf(min) : min + " to " + max) + " argument"
                    + (max == 1 ? "" : "s") + ", got " + args.length + " (use " + usage + ")");
        }
    }

    double arg(int i, double fallback) {
        return i < args.length ? args[i] : fallback;
    }

    /** Runs a constructor, prefixing its validation error with the spec the settings came from. */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(kind + " '" + text + "': " + e.getMessage(), e);
        }
    }

    IllegalArgumentException unknown(String known) {
        return new IllegalArgumentException("unknown " + kind + " '" + name + "' in '" + text + "' (known: " + known + ")");
    }
}
