package org.lstmrepro.core.optim;

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
        Spec s = Spec.parse("optimizer", spec);
        switch (s.name) {
            case "sgd" -> {
                s.requireArgs(0, 0, "sgd");
                return s.build(() -> new Sgd(learningRate));
            }
            case "momentum", "nesterov" -> {
                s.requireArgs(1, 1, s.name + ":MU, e.g. " + s.name + ":0.9");
                boolean nesterov = s.name.equals("nesterov");
                return s.build(() -> new MomentumSgd(learningRate, s.args[0], nesterov));
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
