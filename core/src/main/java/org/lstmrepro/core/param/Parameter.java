package org.lstmrepro.core.param;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;

/**
 * A named tensor of weights with a gradient buffer of the same shape.
 *
 * <p>Values and gradients are plain row-major {@code double[]} so that hot loops index them
 * directly; {@link #valueMatrix()} and {@link #gradientMatrix()} wrap the same arrays as EJML
 * matrices (no copy) for matrix kernels.
 *
 * <p>A parameter marked {@linkplain #isOutputLayer() output layer} can be left out of gradient
 * clipping (its gradient does not pass through the recurrence).
 */
public final class Parameter {

    /**
     * The most elements one tensor may hold (2^27, 1 GiB of doubles for its values and as much for its
     * gradient): far above any network here, low enough that an absurd size is an error naming the
     * tensor instead of an OutOfMemoryError or an integer overflow.
     */
    public static final long MAX_ELEMENTS = 1L << 27;

    private final String name;
    private final int[] shape;
    private final double[] value;
    private final double[] gradient;
    private final boolean outputLayer;
    private final DMatrixRMaj valueMatrix;
    private final DMatrixRMaj gradientMatrix;
    /** Per-entry multipliers of the gradient before each update, or null for none (all 1). */
    private double[] gradientScale;

    private Parameter(String name, int[] shape, boolean outputLayer) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name");
        }
        if (shape.length < 1 || shape.length > 2) {
            throw new IllegalArgumentException("parameter " + name + ": shape must be [n] or [rows, cols], was "
                    + Arrays.toString(shape));
        }
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("parameter " + name + ": negative dimension in " + Arrays.toString(shape));
            }
        }
        long elements = shape.length == 1 ? shape[0] : (long) shape[0] * shape[1];
        if (elements > MAX_ELEMENTS) {
            throw new IllegalArgumentException("parameter " + name + ": shape " + Arrays.toString(shape) + " has " + elements
                    + " elements, more than the " + MAX_ELEMENTS + " one tensor may hold (is a size setting far too large?)");
        }
        this.name = name;
        this.shape = shape.clone();
        int size = (int) elements;
        this.value = new double[size];
        this.gradient = new double[size];
        this.outputLayer = outputLayer;
        int rows = shape.length == 1 ? shape[0] : shape[0];
        int cols = shape.length == 1 ? 1 : shape[1];
        this.valueMatrix = DMatrixRMaj.wrap(rows, cols, value);
        this.gradientMatrix = DMatrixRMaj.wrap(rows, cols, gradient);
    }

    /** A [rows, cols] weight matrix, row-major: entry (r, c) is at index r * cols + c. */
    public static Parameter matrix(String name, int rows, int cols) {
        return new Parameter(name, new int[] {rows, cols}, false);
    }

    /** A vector of n weights (shape [n]). */
    public static Parameter vector(String name, int n) {
        return new Parameter(name, new int[] {n}, false);
    }

    /** A weight matrix of the output layer (see {@link #isOutputLayer()}). */
    public static Parameter outputMatrix(String name, int rows, int cols) {
        return new Parameter(name, new int[] {rows, cols}, true);
    }

    /** A weight vector of the output layer (see {@link #isOutputLayer()}). */
    public static Parameter outputVector(String name, int n) {
        return new Parameter(name, new int[] {n}, true);
    }

    /** A parameter of the given shape ([n] or [rows, cols]). */
    public static Parameter ofShape(String name, int[] shape, boolean outputLayer) {
        return new Parameter(name, shape, outputLayer);
    }

    public String name() {
        return name;
    }

    /** [n] for a vector, [rows, cols] for a matrix. A copy. */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int rows() {
        return shape[0];
    }

    /** Columns of a matrix; 1 for a vector. */
    public int cols() {
        return shape.length == 1 ? 1 : shape[1];
    }

    public int size() {
        return value.length;
    }

    public boolean isOutputLayer() {
        return outputLayer;
    }

    /** The values, row-major. Live: writes change the parameter. */
    public double[] value() {
        return value;
    }

    /** The gradient buffer dLoss/dvalue, same layout as {@link #value()}. Live. */
    public double[] gradient() {
        return gradient;
    }

    /** The values as an EJML matrix sharing this parameter's array ([n] is n x 1). */
    public DMatrixRMaj valueMatrix() {
        return valueMatrix;
    }

    /** The gradient as an EJML matrix sharing this parameter's gradient array. */
    public DMatrixRMaj gradientMatrix() {
        return gradientMatrix;
    }

    public double get(int row, int col) {
        return value[row * cols() + col];
    }

    public void set(int row, int col, double v) {
        value[row * cols() + col] = v;
    }

    public void zeroGradient() {
        Arrays.fill(gradient, 0.0);
    }

    /**
     * Multiplies the gradient of each entry by its own factor before every update: 0 holds an entry at
     * its value (frozen), 1 leaves it alone, anything else gives it its own learning rate (exactly so
     * for plain gradient descent; an adaptive optimizer such as Adam undoes a constant factor, but 0
     * still freezes). Used for the weight-group ablations of the 1997 network ({@code docs/reproduction.md}).
     *
     * @param scale one finite factor per entry (copied), or null to remove the scaling
     */
    public void setGradientScale(double[] scale) {
        if (scale == null) {
            gradientScale = null;
            return;
        }
        if (scale.length != value.length) {
            throw new IllegalArgumentException("parameter " + name + ": gradient scale needs " + value.length
                    + " entries, got " + scale.length);
        }
        for (double f : scale) {
            if (!Double.isFinite(f)) {
                throw new IllegalArgumentException("parameter " + name + ": gradient scale factors must be finite");
            }
        }
        gradientScale = scale.clone();
    }

    /** The per-entry gradient factors (a copy), or null when the gradient is not scaled. */
    public double[] gradientScale() {
        return gradientScale == null ? null : gradientScale.clone();
    }

    /** Multiplies the gradient by the {@linkplain #setGradientScale scale}, if there is one; no allocation. */
    public void applyGradientScale() {
        double[] f = gradientScale;
        if (f == null) {
            return;
        }
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] *= f[i];
        }
    }

    @Override
    public String toString() {
        return "Parameter[" + name + " " + Arrays.toString(shape) + (outputLayer ? ", output layer" : "") + "]";
    }
}
