package org.lstmrepro.core;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * A setting written as {@code name} or {@code name:a,b,...} (an optimizer {@code nesterov:0.9}, a
 * clipping {@code norm:1}, an update schedule {@code batch:4}, a learning rule {@code tbptt:10,20}, a
 * weight distribution {@code gaussian:0.1}), split into its name (lower-cased) and numeric arguments:
 * the one parser of that form, so each setting's reader only says which names and argument counts it
 * takes. {@code kind} ("optimizer", "clipping", ...) labels error messages, which are one line naming
 * the setting as written: {@code optimizer 'nesterov:fast': 'fast' is not a number}.
 */
public final class NameArgs {

    private final String text;
    private final String name;
    private final double[] args;
    private final String kind;

    private NameArgs(String kind, String text, String name, double[] args) {
        this.kind = kind;
        this.text = text;
        this.name = name;
        this.args = args;
    }

    /** Splits {@code text}; fails on empty text and on an argument that is not a number. */
    public static NameArgs parse(String kind, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(kind + " is empty");
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        String name = (colon < 0 ? trimmed : trimmed.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        if (colon < 0) {
            return new NameArgs(kind, trimmed, name, new double[0]);
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
        return new NameArgs(kind, trimmed, name, args);
    }

    /** The text as written (trimmed). */
    public String text() {
        return text;
    }

    /** The name, lower-cased. */
    public String name() {
        return name;
    }

    /** How many arguments follow the name. */
    public int argCount() {
        return args.length;
    }

    /** Argument {@code i}. */
    public double arg(int i) {
        return args[i];
    }

    /** Argument {@code i}, or {@code fallback} when fewer were given. */
    public double arg(int i, double fallback) {
        return i < args.length ? args[i] : fallback;
    }

    /** Argument {@code i} as a positive integer; {@code what} names it in the message (e.g. "K1"). */
    public int positiveInt(int i, String what) {
        double v = args[i];
        if (v >= 1 && v <= Integer.MAX_VALUE && v == Math.rint(v)) {
            return (int) v;
        }
        throw new IllegalArgumentException(kind + " '" + text + "': " + what + " must be a positive integer, was '"
                + (v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v)) + "'");
    }

    /** Fails unless the number of arguments is in [min, max]; {@code usage} shows the right form. */
    public NameArgs requireArgs(int min, int max, String usage) {
        if (args.length < min || args.length > max) {
            throw new IllegalArgumentException(kind + " '" + text + "' takes "
                    + (min == max ? String.valueOf(min) : min + " to " + max) + " argument"
                    + (max == 1 ? "" : "s") + ", got " + args.length + " (use " + usage + ")");
        }
        return this;
    }

    /** Runs a constructor, prefixing its validation error with the setting it came from. */
    public <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(kind + " '" + text + "': " + e.getMessage(), e);
        }
    }

    /** The error for a name none of {@code known} (the accepted forms, for the message). */
    public IllegalArgumentException unknown(String known) {
        return new IllegalArgumentException("unknown " + kind + " '" + name + "' in '" + text + "' (known: " + known + ")");
    }
}
