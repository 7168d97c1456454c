package org.lstmrepro.reports.run;

import java.util.LinkedHashMap;
import java.util.Map;

import org.lstmrepro.core.train.TrainingResult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one-line JSON summary of a training run. */
public final class RunSummary {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private RunSummary() {
    }

    /** The summary as an ordered map: status, sequences, test errors, timings, then the settings. */
    public static Map<String, Object> of(TrainingResult r, Map<String, Object> settings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().name());
        m.put("saturated", r.saturated());
        m.put("sequences", r.sequences());
        m.put("testErrors", r.test() == null ? null : r.test().errors());
        m.put("testSize", r.test() == null ? null : r.test().size());
        m.put("testMse", r.test() == null ? null : finiteOrNull(r.test().meanSquaredError()));
        m.put("recentError", finiteOrNull(r.finalProgress().recentError()));
        m.put("recentCorrect", r.finalProgress().recentCorrect());
        m.put("plateauEnd", r.plateauEnd() < 0 ? null : r.plateauEnd());
        m.put("divergence", r.divergence() == null ? null : Map.of(
                "sequence", r.divergence().sequence(), "step", r.divergence().step(), "what", r.divergence().what()));
        if (r.epochs() != null) {
            m.put("epochs", r.epochs().epochs().size());
            m.put("bestEpoch", r.epochs().bestEpoch());
            m.put("validLoss", finiteOrNull(r.epochs().bestValid()));
            m.put("testLoss", r.test() == null ? null : finiteOrNull(r.test().lossPerTarget()));
        }
        m.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        m.put("settings", settings);
        return m;
    }

    public static String toJson(TrainingResult r, Map<String, Object> settings) {
        try {
            return JSON.writeValueAsString(of(r, settings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the run summary as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
