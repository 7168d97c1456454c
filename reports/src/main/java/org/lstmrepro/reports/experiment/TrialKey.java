package org.lstmrepro.reports.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.lstmrepro.reports.run.ModelOptions;
import org.lstmrepro.reports.run.TrialSpec;
import org.lstmrepro.tasks.Task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A trial's identity: its spec in canonical form (keys sorted, the task's settings resolved to their
 * values, unset fields left out) and the first {@value #HEX_DIGITS} hex digits of the SHA-256 of that
 * form's JSON. The same trial has the same key in every experiment, run and shard; the experiment's
 * name and anything about scheduling are not part of it.
 */
public final class TrialKey {

    /** 64 bits: a collision among a million trials has probability about 3e-8. */
    public static final int HEX_DIGITS = 16;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private TrialKey() {
    }

    /** The canonical form of {@code spec}, whose task resolved to {@code task}. */
    public static Map<String, Object> canonical(TrialSpec spec, Task task) {
        Map<String, Object> m = new TreeMap<>();
        m.put("model", spec.model());
        m.put("task", task.id());
        m.put("taskSettings", new TreeMap<>(task.settings()));
        putIfSet(m, "rule", spec.rule());
        putIfSet(m, "optimizer", spec.optimizer());
        putIfSet(m, "learningRate", spec.learningRate());
        putIfSet(m, "schedule", spec.schedule());
        m.put("clipping", spec.clipping());
        m.put("clipOutputLayer", spec.clipOutputLayer());
        m.put("maxSequences", spec.maxSequences());
        putIfSet(m, "stopError", spec.stopError());
        putIfSet(m, "stopWindow", spec.stopWindow());
        m.put("seed", spec.seed());
        m.put("testSeed", spec.testSeed());
        putIfSet(m, "maxEpochs", spec.maxEpochs());
        putIfSet(m, "patience", spec.patience());
        putIfSet(m, "inputNoise", spec.inputNoise());
        putIfSet(m, "rescaleLearningRate", spec.rescaleLearningRate());
        Map<String, Object> options = options(spec.modelOptions());
        if (!options.isEmpty()) {
            m.put("modelOptions", options);
        }
        return m;
    }

    /** The key of a canonical spec. */
    public static String of(Map<String, Object> canonical) {
        try {
            byte[] json = JSON.writeValueAsBytes(canonical);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a trial spec as JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static Map<String, Object> options(ModelOptions o) {
        Map<String, Object> m = new TreeMap<>();
        putIfSet(m, "blocks", o.blocks());
        putIfSet(m, "cellsPerBlock", o.cellsPerBlock());
        putIfSet(m, "hiddenSize", o.hiddenSize());
        putIfSet(m, "outputActivation", o.outputActivation());
        putIfSet(m, "initRange", o.initRange());
        putIfSet(m, "inputGateBiases", o.inputGateBiases() == null ? null : Arrays.stream(o.inputGateBiases()).boxed().toList());
        putIfSet(m, "outputGateBiases", o.outputGateBiases() == null ? null : Arrays.stream(o.outputGateBiases()).boxed().toList());
        putIfSet(m, "forgetGateBias", o.forgetGateBias());
        putIfSet(m, "derivativeClip", o.derivativeClip());
        putIfSet(m, "weightInit", o.weightInit());
        putIfSet(m, "recurrentInit", o.recurrentInit());
        return m;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
