package org.lstmrepro.core.io;

import java.util.Arrays;

import org.lstmrepro.core.param.Parameter;

/**
 * The interchange spec's tensor: a shape ({@code [n]} or {@code [rows, cols]}) and the values in
 * row-major order. Arrays are copied on the way in and out of {@link Parameter}s but shared by the
 * record itself: treat them as read-only.
 *
 * <p>Equality is bit-exact ({@link Arrays#equals(double[], double[])}): {@code -0.0 != 0.0}.
 */
public record Tensor(int[] shape, double[] values) {

    public Tensor {
        if (shape == null || values == null) {
            throw new IllegalArgumentException("a tensor needs a shape and values");
        }
        if (shape.length < 1 || shape.length > 2) {
            throw new IllegalArgumentException("a tensor's shape must be [n] or [rows, cols], was " + Arrays.toString(shape));
        }
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("a tensor's shape has a negative dimension: " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("a tensor of shape " + Arrays.toString(shape) + " needs " + size
                    + " values, got " + values.length);
        }
    }

    /** A copy of the parameter's values. */
    public static Tensor valuesOf(Parameter p) {
        return new Tensor(p.shape(), p.value().clone());
    }

    /** A copy of the parameter's gradient buffer. */
    public static Tensor gradientOf(Parameter p) {
        return new Tensor(p.shape(), p.gradient().clone());
    }

    /** The shape as written in messages, e.g. {@code [4, 3]}. */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    /** Whether this tensor has the same shape as {@code p}. */
    public boolean hasShapeOf(Parameter p) {
        return Arrays.equals(shape, p.shape());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Tensor" + shapeText() + (values.length <= 8 ? Arrays.toString(values) : "");
    }
}
