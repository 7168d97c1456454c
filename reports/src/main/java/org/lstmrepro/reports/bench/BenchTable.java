package org.lstmrepro.reports.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lstmrepro.reports.run.FlopCount;
import org.lstmrepro.reports.run.FlopTerm;

/**
 * A {@link BenchReport} as a plain-text table for a terminal: one row per case (medians over the
 * repetitions, with the range of the wall-clock time per step), then how the FLOP counts behind the
 * GFLOP/s column were derived.
 */
public final class BenchTable {

    private BenchTable() {
    }

    public static String render(BenchReport report) {
        StringBuilder b = new StringBuilder();
        BenchSettings s = report.settings();
        b.append(String.format(Locale.ROOT, "suite %s on %s processors (%s), %s%n", report.suite().id(),
                report.machine().get("availableProcessors"), report.machine().get("cpu"), report.machine().get("java")));
        b.append(String.format(Locale.ROOT, "matrix kernels: %s%n", report.machine().get("kernels")));
        b.append(String.format(Locale.ROOT, "%d timed repetitions of about %.2f s after %.1f s of warm-up;"
                + " median [min, max] over the repetitions%n%n", s.repetitions(), s.repetitionSeconds(), s.warmupSeconds()));
        b.append(String.format(Locale.ROOT, "%-28s %9s %21s %7s %11s %9s %12s %10s %8s %10s%n", "case", "ns/step",
                "[min, max]", "range", "CPU ns/step", "CPU share", "steps/s", "seq/s", "GFLOP/s", "bytes/step"));
        for (CaseResult c : report.cases()) {
            Spread ns = c.nanosPerStep();
            b.append(String.format(Locale.ROOT, "%-28s %9.1f %21s %6.1f%% %11.1f %9.2f %,12.0f %,10.0f %8.3f %10.2f%n",
                    c.name(), ns.median(), String.format(Locale.ROOT, "[%.1f, %.1f]", ns.min(), ns.max()),
                    100 * ns.relativeRange(), c.cpuNanosPerStep().median(), c.cpuShare().median(),
                    c.stepsPerSecond().median(), c.sequencesPerSecond().median(),
                    c.gigaflopsPerSecond().median(), c.bytesPerStep().median()));
        }
        if (report.suite() == Suite.TRUNCATED1997) {
            for (CaseResult c : report.cases()) {
                double median = c.nanosPerStep().median();
                b.append(String.format(Locale.ROOT,
                        "%ntarget: at most %d ns per step on an idle core: %s (median %.1f ns wall clock, %.1f ns CPU time)%n",
                        BenchReport.TRUNCATED1997_TARGET_NANOS_PER_STEP,
                        median <= BenchReport.TRUNCATED1997_TARGET_NANOS_PER_STEP ? "met" : "NOT met", median,
                        c.cpuNanosPerStep().median()));
            }
        }
        appendFlopCounts(b, report.cases());
        return b.toString();
    }

    /** Each distinct FLOP count once, with the cases it belongs to. */
    private static void appendFlopCounts(StringBuilder b, List<CaseResult> cases) {
        Map<FlopCount, String> counts = new LinkedHashMap<>();
        for (CaseResult c : cases) {
            counts.merge(c.flops(), c.name(), (a, n) -> a + ", " + n);
        }
        b.append(String.format(Locale.ROOT, "%nFLOP counts (a multiply-add is 2 FLOPs; GFLOP/s = counted FLOPs / time)%n"));
        for (Map.Entry<FlopCount, String> e : counts.entrySet()) {
            FlopCount f = e.getKey();
            b.append(String.format(Locale.ROOT, "%n%s:%n  every step: %,d FLOPs%n", e.getValue(), f.flopsPerStep()));
            appendTerms(b, f.perStep());
            if (!f.perTarget().isEmpty()) {
                b.append(String.format(Locale.ROOT, "  and at every step with a target: %,d FLOPs%n", f.flopsPerTarget()));
                appendTerms(b, f.perTarget());
            }
            b.append("  not counted: ").append(f.excluded()).append(System.lineSeparator());
        }
    }

    private static void appendTerms(StringBuilder b, List<FlopTerm> terms) {
        for (FlopTerm t : terms) {
            b.append(String.format(Locale.ROOT, "    %-55s %-32s %,9d x %d%n", t.what(), t.formula(), t.count(),
                    t.flopsEach()));
        }
    }
}
