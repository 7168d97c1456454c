package org.lstmrepro.reports.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.lstmrepro.reports.store.TrialRecord;

/**
 * The settings that produced a group of trials: those all trials share, and for those that vary
 * either each distinct combination with its trial count or, when there are many (a random search),
 * each varying setting with its number of values and range.
 *
 * @param common       {@code name=value} of the settings every trial shares
 * @param combinations each distinct combination of the varying settings with its trial count, in value
 *                     order; empty when there are more than {@link #MAX_COMBINATIONS} (see {@code varying})
 * @param varying      per varying setting, how many values and their range; empty when listed by combination
 */
record SettingsSummary(List<String> common, List<Combination> combinations, List<String> varying) {

    /** Up to this many distinct combinations are listed one by one. */
    static final int MAX_COMBINATIONS = 8;

    /** One combination of the varying settings, {@code name=value, ...}, and how many trials ran with it. */
    record Combination(String settings, int trials) {
    }

    private static final String UNSET = "(unset)";

    /** Numbers by value, anything else in natural order. */
    private static final Comparator<String> VALUE_ORDER = (a, b) -> {
        Double x = number(a);
        Double y = number(b);
        return x != null && y != null ? x.compareTo(y) : NaturalOrder.INSTANCE.compare(a, b);
    };

    static SettingsSummary of(List<TrialRecord> trials) {
        Map<String, Set<String>> values = new TreeMap<>(NaturalOrder.INSTANCE);
        for (TrialRecord t : trials) {
            settings(t).keySet().forEach(k -> values.putIfAbsent(k, new TreeSet<>(VALUE_ORDER)));
        }
        for (TrialRecord t : trials) {
            values.forEach((k, set) -> set.add(value(t, k)));
        }
        List<String> common = new ArrayList<>();
        List<String> varyingKeys = new ArrayList<>();
        values.forEach((k, set) -> {
            if (set.size() == 1) {
                common.add(k + "=" + set.iterator().next());
            } else {
                varyingKeys.add(k);
            }
        });
        if (varyingKeys.isEmpty()) {
            return new SettingsSummary(common, List.of(), List.of());
        }
        Map<List<String>, Integer> combinations = new TreeMap<>(SettingsSummary::compareTuples);
        for (TrialRecord t : trials) {
            combinations.merge(varyingKeys.stream().map(k -> value(t, k)).toList(), 1, Integer::sum);
        }
        if (combinations.size() <= MAX_COMBINATIONS) {
            List<Combination> listed = new ArrayList<>();
            combinations.forEach((tuple, n) -> listed.add(new Combination(describe(varyingKeys, tuple), n)));
            return new SettingsSummary(common, listed, List.of());
        }
        List<String> varying = varyingKeys.stream()
                .map(k -> k + ": " + values.get(k).size() + " distinct values" + range(values.get(k))).toList();
        return new SettingsSummary(common, List.of(), varying);
    }

    private static String describe(List<String> keys, List<String> tuple) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            parts.add(keys.get(i) + "=" + tuple.get(i));
        }
        return String.join(", ", parts);
    }

    private static int compareTuples(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = VALUE_ORDER.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** ", from MIN to MAX" when every value is a number, else "". The set is in value order. */
    private static String range(Set<String> sorted) {
        if (!sorted.stream().allMatch(v -> number(v) != null)) {
            return "";
        }
        List<String> list = List.copyOf(sorted);
        return ", from " + list.get(0) + " to " + list.get(list.size() - 1);
    }

    private static String value(TrialRecord t, String key) {
        Map<String, Object> s = settings(t);
        return s.containsKey(key) ? Format.value(s.get(key)) : UNSET;
    }

    private static Double number(String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, Object> settings(TrialRecord t) {
        return t.settings() == null ? Map.of() : new LinkedHashMap<>(t.settings());
    }
}
