package org.lstmrepro.vanilla;

import org.lstmrepro.core.Identified;

/** How the recurrent weight matrices ({@code weight_hh}) are initialised. */
public enum RecurrentInit implements Identified {
    /** From the same distribution as every other weight. */
    SAME("same"),
    /**
     * Each H x H block of {@code weight_hh} (one per gate or block input) is a random orthogonal
     * matrix: the Q of the QR decomposition of a standard Gaussian matrix, with column signs fixed so
     * that R has a positive diagonal (which makes Q uniformly distributed over the orthogonal group).
     */
    ORTHOGONAL("orthogonal");

    private final String id;

    RecurrentInit(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static RecurrentInit fromId(String id) {
        return Identified.fromId(RecurrentInit.class, id, "recurrent initialisation");
    }
}
