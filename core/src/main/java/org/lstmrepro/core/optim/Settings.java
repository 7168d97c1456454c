package org.lstmrepro.core.optim;

/** Argument checks shared by the optimizers and clippings; messages name the setting and value. */
final class Settings {

    private Settings() {
    }

    /** {@code value} must be finite and greater than 0. */
    static double positive(String setting, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(setting + " must be a positive finite number, was " + value);
        }
        return value;
    }

    /** {@code value} must lie in [0, 1) (a decay or momentum coefficient). */
    static double coefficient(String setting, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(setting + " must be in [0, 1), was " + value);
        }
        return value;
    }
}
