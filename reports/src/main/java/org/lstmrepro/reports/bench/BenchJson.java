package org.lstmrepro.reports.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lstmrepro.reports.run.FlopCount;
import org.lstmrepro.reports.run.FlopTerm;

/**
 * A {@link BenchReport} as JSON: the machine, the timing settings, and per case its settings, FLOP
 * count (with its terms), the derived figures (median, min, max) and every raw repetition.
 */
public final class BenchJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchJson() {
    }

    public static String render(BenchReport report) {
        try {
            return JSON.writeValueAsString(toMap(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the benchmark report as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Map<String, Object> toMap(BenchReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("suite", report.suite().id());
        m.put("machine", report.machine());
        BenchSettings s = report.settings();
        m.put("timing", Map.of("warmupSeconds", s.warmupSeconds(), "repetitions", s.repetitions(),
                "repetitionSeconds", s.repetitionSeconds()));
        List<Object> cases = new ArrayList<>();
        for (CaseResult c : report.cases()) {
            cases.add(caseMap(c));
        }
        m.put("cases", cases);
        return m;
    }

    private static Map<String, Object> caseMap(CaseResult c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("settings", c.settings());
        m.put("nanosPerStep", spread(c.nanosPerStep()));
        m.put("cpuNanosPerStep", spread(c.cpuNanosPerStep()));
        m.put("cpuShare", spread(c.cpuShare()));
        m.put("stepsPerSecond", spread(c.stepsPerSecond()));
        m.put("sequencesPerSecond", spread(c.sequencesPerSecond()));
        m.put("gigaflopsPerSecond", spread(c.gigaflopsPerSecond()));
        m.put("bytesPerStep", spread(c.bytesPerStep()));
        m.put("flops", flops(c.flops()));
        List<Object> reps = new ArrayList<>();
        for (Repetition r : c.repetitions()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("nanos", r.nanos());
            rm.put("cpuNanos", r.cpuNanos() < 0 ? null : r.cpuNanos());
            rm.put("sequences", r.work().sequences());
            rm.put("steps", r.work().steps());
            rm.put("targetSteps", r.work().targetSteps());
            rm.put("allocatedBytes", r.allocatedBytes() < 0 ? null : r.allocatedBytes());
            reps.add(rm);
        }
        m.put("repetitions", reps);
        return m;
    }

    private static Map<String, Object> spread(Spread s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median", finiteOrNull(s.median()));
        m.put("min", finiteOrNull(s.min()));
        m.put("max", finiteOrNull(s.max()));
        return m;
    }

    private static Map<String, Object> flops(FlopCount f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("perStep", f.flopsPerStep());
        m.put("perTargetStep", f.flopsPerTarget());
        m.put("stepTerms", terms(f.perStep()));
        m.put("targetTerms", terms(f.perTarget()));
        m.put("notCounted", f.excluded());
        return m;
    }

    private static List<Object> terms(List<FlopTerm> terms) {
        List<Object> out = new ArrayList<>();
        for (FlopTerm t : terms) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("what", t.what());
            m.put("formula", t.formula());
            m.put("count", t.count());
            m.put("flopsEach", t.flopsEach());
            out.add(m);
        }
        return out;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
