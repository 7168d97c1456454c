package org.lstmrepro.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.random.RandomStream;

/**
 * The embedded Reber grammar task, checked against a regular expression for the grammar written
 * independently of the generator's automaton (Cleeremans et al. 1989; Hochreiter and Schmidhuber
 * 1997, Figures 3 and 4).
 */
class EmbeddedReberTaskTest {

    private static final String ALPHABET = "BTPSXVE";
    /**
     * The Reber grammar: after B, either T S* X then state r4, or P T* V then state r5; from r4 the
     * strings are (X T* V P)* (S | X T* V V), from r5 (P X T* V)* (V | P S); then E.
     */
    private static final String REBER = "B(TS*X(XT*VP)*(S|XT*VV)|PT*V(PXT*V)*(V|PS))E";
    private static final Pattern EMBEDDED = Pattern.compile("B(T" + REBER + "T|P" + REBER + "P)E");

    /** Whether {@code prefix} can be extended to a string of the grammar (or is one). */
    private static boolean isPrefix(String prefix) {
        Matcher m = EMBEDDED.matcher(prefix);
        return m.matches() || m.hitEnd();
    }

    /** The full string a sequence shows: its inputs, plus the final E that is never an input. */
    private static String check(Sequence s) {
        String shown = TaskTestSupport.spell(TaskTestSupport.decodeOneHot(s), ALPHABET);
        String string = shown + "E";
        assertThat(EMBEDDED.matcher(string).matches()).as("grammatical: %s", string).isTrue();
        for (int t = 0; t < s.length(); t++) {
            assertThat(s.hasTarget(t)).isTrue();
            double[] target = s.targets()[t];
            String prefix = string.substring(0, t + 1);
            for (int k = 0; k < ALPHABET.length(); k++) {
                assertThat(target[k]).as("target %s after %s", ALPHABET.charAt(k), prefix)
                        .isEqualTo(isPrefix(prefix + ALPHABET.charAt(k)) ? 1.0 : 0.0);
            }
        }
        return string;
    }

    @Test
    void everyStringIsGrammaticalAndTargetsAreTheAllowedNextSymbols() {
        EmbeddedReberTask task = new EmbeddedReberTask();
        RandomStream rng = RandomStream.root(41);
        int n = 3000;
        int branchT = 0;
        int innerT = 0;
        int shortest = Integer.MAX_VALUE;
        int ofLengthNine = 0;
        for (int i = 0; i < n; i++) {
            String s = check(task.generate(rng));
            shortest = Math.min(shortest, s.length());
            ofLengthNine += s.length() == 9 ? 1 : 0;
            branchT += s.charAt(1) == 'T' ? 1 : 0;
            innerT += s.charAt(3) == 'T' ? 1 : 0;
            // the long-lag prediction: the symbol before last repeats the second symbol
            assertThat(s.charAt(s.length() - 2)).isEqualTo(s.charAt(1));
        }
        // each two-way choice is a fair coin (sd of the fraction is about 0.009 for 3000 strings)
        assertThat(branchT / (double) n).isBetween(0.45, 0.55);
        assertThat(innerT / (double) n).isBetween(0.45, 0.55);
        assertThat(shortest).as("shortest embedded string BTBTXSETE / BPBTXSEPE").isEqualTo(9);
        // the inner string is BTXSE or BPVVE with probability 2 * (1/2)^3 = 1/4 (three fair choices each)
        assertThat(ofLengthNine / (double) n).isBetween(0.22, 0.28);
    }

    @Test
    void theSymbolBeforeLastIsTheOnlyAllowedOneAfterTheInnerString() {
        Sequence s = new EmbeddedReberTask().generate(RandomStream.root(42));
        String string = check(s);
        double[] afterInnerE = s.targets()[s.length() - 2];
        assertThat(TaskTestSupport.oneHotIndex(afterInnerE)).isEqualTo(ALPHABET.indexOf(string.charAt(1)));
    }

    @Test
    void goldenStringForSeedOne() {
        // Pinned from the generator and reviewed by hand against Figures 3 and 4: B T (inner B T X S E) T E,
        // the shortest kind of string; allowed next symbols after each shown symbol:
        // B -> {T,P}, T -> {B}, B -> {T,P}, T -> {S,X}, X -> {X,S}, S -> {E}, E -> {T}, T -> {E}.
        Sequence s = new EmbeddedReberTask().generate(RandomStream.root(1));
        assertThat(check(s)).isEqualTo("BTBTXSETE");
        String[] allowed = new String[s.length()];
        for (int t = 0; t < s.length(); t++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < ALPHABET.length(); k++) {
                if (s.targets()[t][k] == 1.0) {
                    sb.append(ALPHABET.charAt(k));
                }
            }
            allowed[t] = sb.toString();
        }
        assertThat(allowed).containsExactly("TP", "B", "TP", "SX", "SX", "E", "T", "E");
    }

    @Test
    void criterionIsThePapersMostActiveRule() {
        EmbeddedReberTask task = new EmbeddedReberTask();
        double[] twoAllowed = {0, 1, 1, 0, 0, 0, 0};
        assertThat(task.criterion().isCorrect(new double[] {0.1, 0.4, 0.3, 0.2, 0.1, 0.0, 0.0}, twoAllowed)).isTrue();
        assertThat(task.criterion().isCorrect(new double[] {0.1, 0.9, 0.3, 0.35, 0.1, 0.0, 0.0}, twoAllowed)).isFalse();
        assertThat(task.criterion().isCorrect(new double[] {0.1, 0.9, 0.3, 0.3, 0.1, 0.0, 0.0}, twoAllowed)).isFalse();
        assertThat(task.criterion().isCorrect(new double[] {0.1, Double.NaN, 0.3, 0.2, 0.1, 0.0, 0.0}, twoAllowed)).isFalse();
        assertThat(task.outputUnits().activation()).isEqualTo(OutputActivation.SIGMOID);
        assertThat(task.inputSize()).isEqualTo(7);
        assertThat(task.outputSize()).isEqualTo(7);
        assertThat(task.testSetSize()).isEqualTo(256);
        assertThat(task.stoppingRule().window()).isEqualTo(256);
    }

    @Test
    void takesNoSettings() {
        assertThat(TaskRegistry.create("embedded-reber", Map.of()).settings()).isEmpty();
        assertThatThrownBy(() -> TaskRegistry.create("embedded-reber", Map.of("length", "5")))
                .hasMessage("task embedded-reber has no setting 'length' (settings: none)");
    }
}
