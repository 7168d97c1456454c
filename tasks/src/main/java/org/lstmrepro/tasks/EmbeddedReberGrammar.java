package org.lstmrepro.tasks;

import java.util.ArrayList;
import java.util.List;

import org.lstmrepro.core.random.RandomStream;

/**
 * The embedded Reber grammar (Hochreiter and Schmidhuber 1997, section 5.1, Figures 3 and 4; after
 * Cleeremans, Servan-Schreiber and McClelland 1989) as one finite automaton over the symbols
 * B, T, P, S, X, V, E (indices 0 to 6, {@link #SYMBOLS}).
 *
 * <p>The Reber grammar (Figure 3), states r0 to r6: r0 -B-> r1; r1 -T-> r2, r1 -P-> r3;
 * r2 -S-> r2, r2 -X-> r4; r3 -T-> r3, r3 -V-> r5; r4 -X-> r3, r4 -S-> r6; r5 -P-> r4, r5 -V-> r6;
 * r6 -E-> out. The embedded grammar (Figure 4): B, then T or P, then a Reber string, then the same T
 * or P again, then E. We hold two copies of the Reber states, one behind the T branch and one behind
 * the P branch, which is how the automaton remembers the second symbol. Where a state has two edges,
 * each is taken with probability 0.5, as in the paper.
 */
final class EmbeddedReberGrammar {

    static final String SYMBOLS = "BTPSXVE";
    static final int B = 0;
    static final int T = 1;
    static final int P = 2;
    static final int S = 3;
    static final int X = 4;
    static final int V = 5;
    static final int E = 6;

    private static final int START = 0;
    private static final int AFTER_B = 1;
    private static final int T_COPY = 2;        // states 2..8: the Reber grammar behind the T branch
    private static final int P_COPY = 9;        // states 9..15: behind the P branch
    private static final int REPEAT_T = 16;     // the inner string is done; T must follow
    private static final int REPEAT_P = 17;
    private static final int BEFORE_E = 18;
    private static final int END = 19;
    private static final int STATES = 20;

    /** edgeSymbol[s] and edgeTarget[s]: the symbols leaving state s and the states they lead to. */
    private static final int[][] EDGE_SYMBOL = new int[STATES][];
    private static final int[][] EDGE_TARGET = new int[STATES][];

    static {
        edges(START, B, AFTER_B);
        edges(AFTER_B, T, T_COPY, P, P_COPY);
        reber(T_COPY, REPEAT_T);
        reber(P_COPY, REPEAT_P);
        edges(REPEAT_T, T, BEFORE_E);
        edges(REPEAT_P, P, BEFORE_E);
        edges(BEFORE_E, E, END);
        edges(END);
    }

    /** The Reber grammar's states r0..r6 at base..base+6; its final E leads to {@code exit}. */
    private static void reber(int base, int exit) {
        edges(base, B, base + 1);
        edges(base + 1, T, base + 2, P, base + 3);
        edges(base + 2, S, base + 2, X, base + 4);
        edges(base + 3, T, base + 3, V, base + 5);
        edges(base + 4, X, base + 3, S, base + 6);
        edges(base + 5, P, base + 4, V, base + 6);
        edges(base + 6, E, exit);
    }

    /** Edges of {@code state} as (symbol, target) pairs. */
    private static void edges(int state, int... symbolTargetPairs) {
        int n = symbolTargetPairs.length / 2;
        EDGE_SYMBOL[state] = new int[n];
        EDGE_TARGET[state] = new int[n];
        for (int i = 0; i < n; i++) {
            EDGE_SYMBOL[state][i] = symbolTargetPairs[2 * i];
            EDGE_TARGET[state][i] = symbolTargetPairs[2 * i + 1];
        }
    }

    private EmbeddedReberGrammar() {
    }

    /**
     * A random string of the embedded grammar, with what the grammar allows after each symbol.
     *
     * @param symbols     the string, B first and E last (symbol indices)
     * @param allowedNext {@code allowedNext[i]} lists the symbols that may follow {@code symbols[i]};
     *                    empty after the final E
     */
    record Walk(int[] symbols, int[][] allowedNext) {
    }

    /** Follows the automaton from the start to the end, drawing one bit per two-way choice. */
    static Walk walk(RandomStream rng) {
        List<Integer> symbols = new ArrayList<>();
        List<int[]> allowed = new ArrayList<>();
        int state = START;
        while (state != END) {
            int[] out = EDGE_SYMBOL[state];
            int choice = out.length == 1 ? 0 : rng.nextInt(out.length);
            symbols.add(out[choice]);
            state = EDGE_TARGET[state][choice];
            allowed.add(EDGE_SYMBOL[state].clone());
        }
        return new Walk(symbols.stream().mapToInt(Integer::intValue).toArray(), allowed.toArray(new int[0][]));
    }
}
