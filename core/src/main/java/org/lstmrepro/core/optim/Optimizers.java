package org.lstmrepro.core.optim;

import org.lstmrepro.core.NameArgs;

/** Builds an {@link Optimizer} from its command-line form. */
public final class Optimizers {

    /** The accepted forms, for help texts. */
    public static final String FORMS = "sgd | momentum:MU | nesterov:MU | adam[:BETA1[,BETA2[,EPS]]]";

    private Optimizers() {
    }

    /**
     * Parses one of {@value #FORMS}, e.g. {@code sgd}, {@code nesterov:0.9}, {@code adam} (Adam's
     * missing settings default to 0.9, 0.999, 1e-8). Names are case-insensitive.
     *
     * @throws IllegalArgumentException naming the spec and what is wrong with it
     */
    public static Optimizer parse(String spec, double learningRate) {
        return parse(spec, learningRate, false);
    }

    /**
     * As {@link #parse(String, double)}, optionally with the learning rate of a momentum optimizer
     * rescaled to {@code lr * (1 - mu)}, as Greff et al. (2015, "Network architectures and training")
     * do, so that the step of a steady gradient, {@code lr (1 - mu) / (1 - mu) = lr}, does not grow with
     * the momentum and learning rate and momentum can be searched independently.
     *
     * @throws IllegalArgumentException also when rescaling is asked of an optimizer without momentum
     */
    public static Optimizer parse(String spec, double learningRate, boolean rescaleByMomentum) {
        NameArgs s = NameArgs.parse("optimizer", spec);
        if (rescaleByMomentum && !s.name().equals("momentum") && !s.name().equals("nesterov")) {
            throw new IllegalArgumentException("rescaling the learning rate by (1 - momentum) needs a momentum or "
                    + "nesterov optimizer, not '" + spec + "'");
        }
        switch (s.name()) {
            case "sgd" -> {
                s.requireArgs(0, 0, "sgd");
                return s.build(() -> new Sgd(learningRate));
            }
            case "momentum", "nesterov" -> {
                s.requireArgs(1, 1, s.name() + ":MU, e.g. " + s.name() + ":0.9");
                boolean nesterov = s.name().equals("nesterov");
                double lr = rescaleByMomentum ? learningRate * (1 - s.arg(0)) : learningRate;
                return s.build(() -> new MomentumSgd(lr, s.arg(0), nesterov));
            }
            case "adam" -> {
                s.requireArgs(0, 3, "adam or adam:BETA1,BETA2,EPS");
                return s.build(() -> new Adam(learningRate, s.arg(0, Adam.DEFAULT_BETA1),
                        s.arg(1, Adam.DEFAULT_BETA2), s.arg(2, Adam.DEFAULT_EPSILON)));
            }
            default -> throw s.unknown(FORMS);
        }
    }
}
