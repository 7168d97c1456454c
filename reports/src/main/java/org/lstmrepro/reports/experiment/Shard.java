package org.lstmrepro.reports.experiment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One of {@code count} disjoint shares of an experiment's trials ({@code --shard index/count}, 1-based):
 * with the trials sorted by key, shard {@code i} runs those at positions {@code p} with
 * {@code p mod count == i - 1}. Keys are hashes, so every shard gets a similar mix of tasks and
 * models; the shares do not depend on where or in which order the shards run.
 *
 * @param index 1-based, at most {@code count}
 * @param count how many shards
 */
public record Shard(int index, int count) {

    /** The whole experiment. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("--shard must be i/n with 1 <= i <= n, was " + index + "/" + count);
        }
    }

    /** Parses {@code i/n}. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length == 2) {
            try {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("--shard must be i/n, e.g. 2/8, was '" + text + "'");
    }

    /** This shard's trials, in the order given. */
    public List<PlannedTrial> select(List<PlannedTrial> trials) {
        List<String> sortedKeys = trials.stream().map(PlannedTrial::key).sorted().toList();
        Set<String> mine = new HashSet<>();
        IntStream.range(0, sortedKeys.size()).filter(p -> p % count == index - 1).forEach(p -> mine.add(sortedKeys.get(p)));
        return trials.stream().filter(t -> mine.contains(t.key())).toList();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
