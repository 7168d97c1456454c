package org.lstmrepro.reports.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lstmrepro.reports.run.FlopCount;

/**
 * The repetitions of one benchmarked workload and the figures derived from them.
 *
 * @param name        the workload's name
 * @param settings    the workload's settings
 * @param flops       its FLOP count
 * @param repetitions the timed repetitions, in order
 */
public record CaseResult(String name, Map<String, Object> settings, FlopCount flops, List<Repetition> repetitions) {

    public CaseResult {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        repetitions = List.copyOf(repetitions);
        if (repetitions.isEmpty()) {
            throw new IllegalArgumentException("a benchmark case needs at least one repetition");
        }
    }

    public Spread nanosPerStep() {
        return Spread.of(repetitions, Repetition::nanosPerStep);
    }

    public Spread cpuNanosPerStep() {
        return Spread.of(repetitions, Repetition::cpuNanosPerStep);
    }

    public Spread cpuShare() {
        return Spread.of(repetitions, Repetition::cpuShare);
    }

    public Spread sequencesPerSecond() {
        return Spread.of(repetitions, Repetition::sequencesPerSecond);
    }

    public Spread stepsPerSecond() {
        return Spread.of(repetitions, Repetition::stepsPerSecond);
    }

    public Spread gigaflopsPerSecond() {
        return Spread.of(repetitions, r -> r.gigaflopsPerSecond(flops));
    }

    public Spread bytesPerStep() {
        return Spread.of(repetitions, Repetition::bytesPerStep);
    }
}
