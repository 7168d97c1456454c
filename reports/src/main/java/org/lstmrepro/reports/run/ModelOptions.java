package org.lstmrepro.reports.run;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The options a run sets explicitly, each checked against its {@link ModelOption} declaration;
 * everything not set takes the model's default (the paper's preset where there is one). Immutable.
 * The canonical form ({@link #canonical}) is what the trial key hashes: every option that is set, by
 * key, so no option can be left out of the key.
 */
public final class ModelOptions {

    public static final ModelOptions DEFAULTS = new ModelOptions(new TreeMap<>());

    /** key to (option, value), sorted by key. */
    private final TreeMap<String, Entry> entries;

    private record Entry(ModelOption<?> option, Object value) {
    }

    private ModelOptions(TreeMap<String, Entry> entries) {
        this.entries = entries;
    }

    /** The value of {@code option}, or null when it is not set. */
    public <T> T get(ModelOption<T> option) {
        Entry e = entries.get(option.key());
        if (e == null) {
            return null;
        }
        if (e.option() != option) {
            throw new IllegalStateException("two declarations of option " + option.key());
        }
        @SuppressWarnings("unchecked")
        T value = (T) e.value();
        return value;
    }

    public boolean isSet(ModelOption<?> option) {
        return entries.containsKey(option.key());
    }

    /**
     * These options with {@code option} set to {@code value} (checked; the message names the option
     * by its key), or unset when {@code value} is null.
     */
    public <T> ModelOptions with(ModelOption<T> option, Object value) {
        return with(option, value, option.key());
    }

    /** As {@link #with(ModelOption, Object)}, naming the option {@code name} in messages (e.g. its flag). */
    public <T> ModelOptions with(ModelOption<T> option, Object value, String name) {
        TreeMap<String, Entry> next = new TreeMap<>(entries);
        if (value == null) {
            next.remove(option.key());
        } else {
            next.put(option.key(), new Entry(option, option.check(value, name)));
        }
        return new ModelOptions(next);
    }

    /** The options that are set, by key. */
    public Map<String, ModelOption<?>> options() {
        Map<String, ModelOption<?>> out = new TreeMap<>();
        entries.forEach((k, e) -> out.put(k, e.option()));
        return Collections.unmodifiableMap(out);
    }

    /** Every option that is set, by key, with its value as plain JSON types (what the trial key hashes). */
    public Map<String, Object> canonical() {
        Map<String, Object> out = new TreeMap<>();
        entries.forEach((k, e) -> out.put(k, canonical(e)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> Object canonical(Entry e) {
        ModelOption<T> option = (ModelOption<T>) e.option();
        return option.type().canonical((T) e.value());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelOptions other && canonical().equals(other.canonical());
    }

    @Override
    public int hashCode() {
        return Objects.hash(canonical());
    }

    @Override
    public String toString() {
        return canonical().toString();
    }
}
