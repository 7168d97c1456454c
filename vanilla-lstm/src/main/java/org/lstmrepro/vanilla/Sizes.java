package org.lstmrepro.vanilla;

/** Checks of the layer sizes every configuration of this module has. */
final class Sizes {

    private Sizes() {
    }

    static void check(int inputSize, int hiddenSize, int outputSize) {
        positive("inputSize", inputSize);
        positive("hiddenSize", hiddenSize);
        positive("outputSize", outputSize);
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + v);
        }
    }
}
