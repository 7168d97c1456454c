package org.lstmrepro.reports.experiment;

import java.util.Locale;

import org.lstmrepro.core.random.RandomStream;

/**
 * A distribution a random search draws a hyperparameter from, as in Greff et al. (2015, section
 * 4.2): the learning rate log-uniform, the momentum as one minus a log-uniform value, the hidden size
 * a log-uniform integer.
 *
 * @param kind the family
 * @param low  the lower end of the range (inclusive)
 * @param high the upper end of the range (inclusive)
 */
record Distribution(Kind kind, double low, double high) {

    /** The distribution families, by their key in an experiment file. */
    enum Kind {
        /** {@code exp(U[ln a, ln b])}, e.g. the learning rate in [1e-6, 1e-2]. */
        LOG_UNIFORM("logUniform"),
        /** {@code 1 - exp(U[ln a, ln b])}, e.g. the momentum, with a, b in (0, 1]. */
        ONE_MINUS_LOG_UNIFORM("oneMinusLogUniform"),
        /** {@code round(exp(U[ln a, ln b]))}, e.g. the hidden size in [20, 200]. */
        LOG_UNIFORM_INT("logUniformInt"),
        /** {@code U[a, b]}. */
        UNIFORM("uniform");

        final String key;

        Kind(String key) {
            this.key = key;
        }

        static String keys() {
            StringBuilder sb = new StringBuilder();
            for (Kind k : values()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k.key);
            }
            return sb.toString();
        }
    }

    /** Checks the range; the message says what is wrong (the caller adds the key path). */
    Distribution {
        if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException(kind.key + " needs a range [a, b] with a <= b, was [" + low + ", " + high + "]");
        }
        if (kind != Kind.UNIFORM && !(low > 0)) {
            throw new IllegalArgumentException(kind.key + " needs a positive range, was [" + low + ", " + high + "]");
        }
        if (kind == Kind.ONE_MINUS_LOG_UNIFORM && high > 1) {
            throw new IllegalArgumentException(kind.key + " needs a range inside (0, 1], was [" + low + ", " + high + "]");
        }
    }

    /** One draw, using only {@code rng}. */
    double sample(RandomStream rng) {
        double u = rng.nextDouble();
        return switch (kind) {
            case LOG_UNIFORM -> logUniform(u);
            case ONE_MINUS_LOG_UNIFORM -> 1 - logUniform(u);
            case LOG_UNIFORM_INT -> Math.round(logUniform(u));
            case UNIFORM -> low + u * (high - low);
        };
    }

    private double logUniform(double u) {
        return Math.min(high, Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s[%s, %s]", kind.key, low, high);
    }
}
