package org.lstmrepro.core.param;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named parameters of one network, in a fixed order (the order they were added), each with its
 * gradient buffer.
 */
public final class ParameterSet {

    private final Map<String, Parameter> byName = new LinkedHashMap<>();
    private final List<Parameter> ordered = new ArrayList<>();
    /** One read-only view, made once: all() is called on every update and must not allocate. */
    private final List<Parameter> orderedView = Collections.unmodifiableList(ordered);

    /** Adds a parameter; names are unique. Returns it, for fluent construction. */
    public Parameter add(Parameter p) {
        if (byName.putIfAbsent(p.name(), p) != null) {
            throw new IllegalArgumentException("duplicate parameter name " + p.name());
        }
        ordered.add(p);
        return p;
    }

    /** The parameter of that name; an error naming the known names if there is none. */
    public Parameter get(String name) {
        Parameter p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter named '" + name + "' (known: " + byName.keySet() + ")");
        }
        return p;
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** The number of parameters (tensors). */
    public int count() {
        return ordered.size();
    }

    /**
     * The {@code i}-th parameter in order. With {@link #count()} this is the allocation-free way to
     * visit every parameter in a hot loop (a for-each over {@link #all()} may allocate an iterator on
     * every update).
     */
    public Parameter get(int i) {
        return ordered.get(i);
    }

    /** All parameters in order. Unmodifiable. */
    public List<Parameter> all() {
        return orderedView;
    }

    /** Total number of weights W. */
    public int totalSize() {
        int total = 0;
        for (int i = 0, n = ordered.size(); i < n; i++) {
            total += ordered.get(i).size();
        }
        return total;
    }

    public void zeroGradients() {
        for (int i = 0, n = ordered.size(); i < n; i++) {
            Parameter p = ordered.get(i);
            p.zeroGradient();
        }
    }

    /** Applies every parameter's {@linkplain Parameter#setGradientScale gradient scale} (those that have one). */
    public void applyGradientScales() {
        for (int i = 0, n = ordered.size(); i < n; i++) {
            ordered.get(i).applyGradientScale();
        }
    }

    /** True if every value is finite (no NaN, no infinity). */
    public boolean allValuesFinite() {
        for (int i = 0, n = ordered.size(); i < n; i++) {
            Parameter p = ordered.get(i);
            for (double v : p.value()) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True if every gradient entry is finite. */
    public boolean allGradientsFinite() {
        for (int i = 0, n = ordered.size(); i < n; i++) {
            Parameter p = ordered.get(i);
            for (double v : p.gradient()) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Copies every value from {@code other}, which must have the same names and shapes. */
    public void copyValuesFrom(ParameterSet other) {
        for (int i = 0, n = ordered.size(); i < n; i++) {
            Parameter p = ordered.get(i);
            Parameter q = other.get(p.name());
            if (q.size() != p.size() || q.rank() != p.rank() || q.rows() != p.rows()) {
                throw new IllegalArgumentException("parameter " + p.name() + ": shape "
                        + java.util.Arrays.toString(q.shape()) + " does not match " + java.util.Arrays.toString(p.shape()));
            }
            System.arraycopy(q.value(), 0, p.value(), 0, p.size());
        }
    }
}
