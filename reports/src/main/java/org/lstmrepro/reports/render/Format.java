package org.lstmrepro.reports.render;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** How the report writes numbers and settings values: one place, the same in Markdown and HTML. */
final class Format {

    /** What a cell shows when there is no value (no solved trial, no test). */
    static final String NONE = "–";

    private Format() {
    }

    /** A count of sequences or trials, with thousands separators; a fractional median keeps one decimal. */
    static String count(double n) {
        return n == Math.rint(n) ? String.format(Locale.ROOT, "%,.0f", n) : String.format(Locale.ROOT, "%,.1f", n);
    }

    /** A fraction as a percentage with the given decimals, e.g. {@code 60.0 %}. */
    static String percent(double fraction, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f %%", 100 * fraction);
    }

    /** A ratio of two positive quantities, e.g. {@code 1.23}. */
    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f", r);
    }

    /** A p-value: four decimals, or scientific notation below 1e-4; "n/a" when not computed. */
    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p < 1e-4 ? String.format(Locale.ROOT, "%.2e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    /** A mean squared error or similar measure: four significant digits, without trailing zeros. */
    static String measure(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** A settings value: maps with sorted keys, whole numbers without a decimal point. */
    static String value(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, x) -> sorted.put(String.valueOf(k), x));
            return sorted.entrySet().stream().map(e -> e.getKey() + "=" + value(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Format::value).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof Double d && Double.isFinite(d)) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return Math.abs(d) >= 1e-6 ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : d.toString();
        }
        return String.valueOf(v);
    }
}
