package org.lstmrepro.reports.run;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The type of a {@link ModelOption}'s value and the values it allows: one definition serves every
 * surface that reads or writes the option (a {@code train} flag, an experiment-file key, the trial
 * key, the report's settings). Every check throws an IllegalArgumentException whose message is a
 * fragment to put after the option's name, e.g. {@code must be an integer in [1, 4096], was 2000000000}.
 *
 * @param <T> the Java type of a value
 */
public abstract class OptionType<T> {

    private final Class<?> cliType;
    private final String allowed;

    private OptionType(Class<?> cliType, String allowed) {
        this.cliType = cliType;
        this.allowed = allowed;
    }

    /** The type picocli converts a flag's text to. */
    public Class<?> cliType() {
        return cliType;
    }

    /** What the option allows, in words, e.g. "an integer in [1, 4096]". */
    public String allowed() {
        return allowed;
    }

    /** Checks a value (a flag's, or one built in code) and returns it in canonical form. */
    public abstract T check(Object value);

    /** Reads a value from a parsed experiment file; the message says what was expected. */
    public abstract T read(JsonNode node);

    /** The value as it goes into a trial key or a JSON summary (plain JSON types). */
    public Object canonical(T value) {
        return value;
    }

    /** A valid value different from {@code value} (null: from any default), for property tests. */
    public abstract T another(T value);

    /** Integers in [min, max]. */
    public static OptionType<Integer> integer(int min, int max) {
        return new OptionType<>(Integer.class, "an integer in [" + min + ", " + max + "]") {
            @Override
            public Integer check(Object value) {
                if (!(value instanceof Integer i) || i < min || i > max) {
                    throw new IllegalArgumentException("must be " + allowed() + ", was " + value);
                }
                return i;
            }

            @Override
            public Integer read(JsonNode node) {
                Long v = readLong(node);
                if (v == null) {
                    throw new IllegalArgumentException("must be " + allowed() + ", was " + describe(node));
                }
                if (v < min || v > max) {
                    throw new IllegalArgumentException("must be " + allowed() + ", was " + v);
                }
                return v.intValue();
            }

            @Override
            public Integer another(Integer value) {
                if (value == null) {
                    return min;
                }
                return value < max ? value + 1 : value - 1;
            }
        };
    }

    /** Finite reals; {@code positive} excludes zero and below. */
    public static OptionType<Double> real(boolean positive) {
        return new OptionType<>(Double.class, positive ? "a positive number" : "a finite number") {
            @Override
            public Double check(Object value) {
                if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue()) || positive && !(n.doubleValue() > 0)) {
                    throw new IllegalArgumentException("must be " + allowed() + ", was " + value);
                }
                return n.doubleValue();
            }

            @Override
            public Double read(JsonNode node) {
                return check(readNumber(node));
            }

            @Override
            public Double another(Double value) {
                return value == null ? 0.25 : value * 2;
            }
        };
    }

    /** One or more finite reals (a single value stands for a list of one). */
    public static OptionType<List<Double>> reals() {
        return new OptionType<>(double[].class, "one number or a list of numbers") {
            @Override
            public List<Double> check(Object value) {
                List<Double> out;
                if (value instanceof double[] a) {
                    out = Arrays.stream(a).boxed().toList();
                } else if (value instanceof List<?> l) {
                    out = l.stream().map(v -> v instanceof Number n ? n.doubleValue() : Double.NaN).toList();
                } else if (value instanceof Number n) {
                    out = List.of(n.doubleValue());
                } else {
                    throw new IllegalArgumentException("must be " + allowed() + ", was " + value);
                }
                if (out.isEmpty()) {
                    throw new IllegalArgumentException("needs at least one value");
                }
                for (double v : out) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("must be " + allowed() + " (finite), was " + value);
                    }
                }
                return List.copyOf(out);
            }

            @Override
            public List<Double> read(JsonNode node) {
                if (!node.isArray()) {
                    return List.of(readNumber(node));
                }
                if (node.isEmpty()) {
                    throw new IllegalArgumentException("needs at least one value");
                }
                double[] out = new double[node.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = readNumber(node.get(i));
                }
                return check(out);
            }

            @Override
            public List<Double> another(List<Double> value) {
                return value == null ? List.of(-1.5) : value.stream().map(v -> v - 1).toList();
            }
        };
    }

    /**
     * A name or spec checked by {@code parser} (e.g. {@code OutputActivation::fromId}), whose
     * IllegalArgumentException says what is allowed. {@code examples} are two valid values.
     */
    public static OptionType<String> text(String allowed, Consumer<String> parser, String example, String otherExample) {
        return new OptionType<>(String.class, allowed) {
            @Override
            public String check(Object value) {
                if (!(value instanceof String s) || s.isBlank()) {
                    throw new IllegalArgumentException("must be " + allowed + ", was " + (value == null ? "nothing" : "'" + value + "'"));
                }
                parser.accept(s.trim());
                return s.trim();
            }

            @Override
            public String read(JsonNode node) {
                if (!node.isTextual()) {
                    throw new IllegalArgumentException("expected a string (" + allowed + "), got " + describe(node));
                }
                return check(node.textValue());
            }

            @Override
            public String another(String value) {
                return example.equals(value) ? otherExample : example;
            }
        };
    }

    /**
     * An integer that fits in 64 bits, or one written as a quoted string ("12"); null for anything else
     * (a fraction, 2e9, text, a list): how every integer of an experiment file is read.
     */
    public static Long readLong(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual() && node.textValue().trim().matches("-?\\d{1,18}")) {
            return Long.parseLong(node.textValue().trim());
        }
        return null;
    }

    /**
     * A finite number, or one written as a quoted string ("1e-3"), since YAML readers differ on such
     * literals: how every number of an experiment file is read.
     */
    public static double readNumber(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                double v = Double.parseDouble(node.textValue().trim());
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("expected a number, got " + describe(node));
    }

    /** A parsed value in words, for messages: {@code a list}, {@code 'many'}, {@code 2.0e9}. */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isTextual() ? "'" + node.textValue() + "'" : node.asText().toLowerCase(Locale.ROOT);
    }
}
