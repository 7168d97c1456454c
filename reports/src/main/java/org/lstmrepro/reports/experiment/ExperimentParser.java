package org.lstmrepro.reports.experiment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import org.lstmrepro.core.optim.Clippings;
import org.lstmrepro.core.optim.Optimizers;
import org.lstmrepro.core.train.UpdateSchedule;
import org.lstmrepro.reports.run.ModelFamily;
import org.lstmrepro.reports.run.ModelOption;
import org.lstmrepro.reports.run.ModelOptions;
import org.lstmrepro.reports.run.ModelSpec;
import org.lstmrepro.reports.run.TrialSpec;
import org.lstmrepro.tasks.TaskRegistry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads an experiment file (YAML, or JSON, which YAML includes) into a checked {@link Experiment}.
 * Every problem is an {@link IllegalArgumentException} of one line naming the file, the key path and
 * the problem. The keys are documented in {@code docs/experiments.md}.
 */
public final class ExperimentParser {

    static final Set<String> TOP_KEYS = Set.of("name", "description", "seed", "seeds", "budget", "stopping",
            "epochs", "testSeed", "tasks", "models", "hyperparameters", "samples");
    static final Set<String> EPOCH_KEYS = Set.of("max", "patience");
    static final Set<String> TASK_KEYS = Set.of("id", "settings", "budget");
    static final Set<String> MODEL_KEYS = Set.of("model", "label", "rule", "optimizer", "schedule", "clipping",
            "clipOutputLayer", "rescaleLearningRate", "options", "budget", "hyperparameters", "samples", "notes");
    static final Set<String> STOPPING_KEYS = Set.of("error", "window");
    /** The default seed of the random search. */
    static final long DEFAULT_SEED = 1;
    /** The most random-search samples an experiment may ask for. */
    static final int MAX_SAMPLES = 100_000;
    /** The default number of seeds. */
    static final int DEFAULT_SEEDS = 1;

    /** Strict: a key given twice, or anything after the first document (a second {@code ---}, trailing text), is an error. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ExperimentParser() {
    }

    /** Parses the text of an experiment; {@code source} names it in messages (a file name or preset). */
    public static Experiment parse(String source, String text) {
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            if (e.getOriginalMessage().startsWith("Trailing token")) {
                throw new IllegalArgumentException(source + ": " + where + "more than one document (a second '---',"
                        + " or text after the end): an experiment file holds one");
            }
            throw new IllegalArgumentException(source + ": " + where + "not valid YAML or JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        ConfigNode root = ConfigNode.root(source, tree);
        if (root.isMissing()) {
            throw root.error("the file is empty");
        }
        return experiment(root.requireKeys(TOP_KEYS));
    }

    private static Experiment experiment(ConfigNode root) {
        String name = required(root, "name").text();
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw root.get("name").error("must consist of letters, digits, '.', '_' and '-' (it names a directory), was '" + name + "'");
        }
        ConfigNode description = root.get("description");
        long seed = root.get("seed").isMissing() ? DEFAULT_SEED : root.get("seed").integer(Long.MIN_VALUE);
        long budget = root.get("budget").isMissing() ? TrialSpec.DEFAULT_MAX_SEQUENCES : root.get("budget").integer(1);
        ConfigNode stopping = root.get("stopping");
        Double stopError = null;
        Integer stopWindow = null;
        if (!stopping.isMissing()) {
            stopping.requireKeys(STOPPING_KEYS);
            stopError = optional(stopping.get("error")) ? stopping.get("error").positiveNumber() : null;
            stopWindow = optional(stopping.get("window")) ? stopping.get("window").intValue(1) : null;
        }
        ConfigNode epochs = root.get("epochs");
        Integer maxEpochs = null;
        Integer patience = null;
        if (!epochs.isMissing()) {
            epochs.requireKeys(EPOCH_KEYS);
            maxEpochs = optional(epochs.get("max")) ? epochs.get("max").intValue(1) : null;
            patience = optional(epochs.get("patience")) ? epochs.get("patience").intValue(1) : null;
        }
        long testSeed = root.get("testSeed").isMissing() ? TrialSpec.DEFAULT_TEST_SEED
                : root.get("testSeed").integer(Long.MIN_VALUE);
        List<TaskEntry> tasks = new ArrayList<>();
        for (ConfigNode t : nonEmptyList(root, "tasks")) {
            tasks.addAll(tasks(t));
        }
        List<ModelEntry> models = new ArrayList<>();
        java.util.Set<String> taskIds = tasks.stream().map(TaskEntry::id).collect(java.util.stream.Collectors.toSet());
        for (ConfigNode m : nonEmptyList(root, "models")) {
            ModelEntry entry = model(m);
            for (String task : entry.notes().keySet()) { // a note on a task the experiment does not run would never show
                if (!taskIds.contains(task)) {
                    throw m.get("notes").get(task).error("no task '" + task + "' in this experiment (tasks: "
                            + String.join(", ", new java.util.TreeSet<>(taskIds)) + ")");
                }
            }
            models.add(entry);
        }
        Map<HyperparameterName, Hyperparameter> hyperparameters = hyperparameters(root.get("hyperparameters"));
        Integer samples = samples(root.get("samples"));
        if (samples != null && !HyperparameterPoints.anySampled(hyperparameters)
                && models.stream().noneMatch(m -> HyperparameterPoints.anySampled(m.hyperparameters()))) {
            throw root.get("samples").error("is given but no hyperparameter is sampled"
                    + " (write e.g. learningRate: {logUniform: [1.0e-6, 1.0e-2]})");
        }
        return new Experiment(root.source(), name, description.isMissing() ? "" : description.text(), seed,
                seeds(root.get("seeds")), budget, stopError, stopWindow, maxEpochs, patience, testSeed, tasks, models,
                hyperparameters, samples);
    }

    private static List<Long> seeds(ConfigNode node) {
        if (node.isMissing()) {
            return oneTo(DEFAULT_SEEDS);
        }
        if (!node.isArray()) {
            return oneTo(node.intValue(1, Experiment.MAX_SEEDS));
        }
        List<Long> out = new ArrayList<>();
        for (ConfigNode s : node.elements()) {
            long v = s.integer(Long.MIN_VALUE);
            if (out.contains(v)) {
                throw s.error("seed " + v + " is listed twice");
            }
            out.add(v);
        }
        if (out.isEmpty()) {
            throw node.error("needs at least one seed");
        }
        return out;
    }

    /** Seeds 1..n, what a seed count means. */
    static List<Long> oneTo(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    /** One entry of {@code tasks}; list-valued settings expand to their cross product. */
    private static List<TaskEntry> tasks(ConfigNode node) {
        node.requireKeys(TASK_KEYS);
        ConfigNode idNode = required(node, "id");
        String id = idNode.text();
        try {
            TaskRegistry.find(id);
        } catch (IllegalArgumentException e) {
            throw idNode.error(e.getMessage());
        }
        Long budget = optional(node.get("budget")) ? node.get("budget").integer(1) : null;
        List<Map<String, String>> variants = List.of(new LinkedHashMap<>());
        ConfigNode settings = node.get("settings");
        if (!settings.isMissing()) {
            for (Map.Entry<String, ConfigNode> e : settings.fields().entrySet()) {
                List<Map<String, String>> next = new ArrayList<>();
                List<ConfigNode> values = e.getValue().oneOrMany();
                if (values.isEmpty()) {
                    throw e.getValue().error("needs at least one value");
                }
                for (Map<String, String> v : variants) {
                    for (ConfigNode value : values) {
                        Map<String, String> m = new LinkedHashMap<>(v);
                        m.put(e.getKey(), value.scalarText());
                        next.add(m);
                    }
                }
                variants = next;
            }
        }
        List<TaskEntry> out = new ArrayList<>();
        for (Map<String, String> v : variants) {
            try {
                TaskRegistry.create(id, v);
            } catch (IllegalArgumentException e) {
                throw (settings.isMissing() ? node : settings).error(e.getMessage());
            }
            out.add(new TaskEntry(node.path(), id, v, budget));
        }
        return out;
    }

    private static ModelEntry model(ConfigNode node) {
        node.requireKeys(MODEL_KEYS);
        ConfigNode modelNode = required(node, "model");
        ModelSpec model;
        try {
            model = ModelSpec.parse(modelNode.text());
        } catch (IllegalArgumentException e) {
            throw modelNode.error(e.getMessage());
        }
        Map<HyperparameterName, Hyperparameter> hyper = hyperparameters(node.get("hyperparameters"));
        String optimizer = checked(node.get("optimizer"), s -> {
            if (!isMomentumKind(s)) {
                Optimizers.parse(s, 0.01);
            }
        });
        if (optimizer != null && isMomentumKind(optimizer) && !hyper.containsKey(HyperparameterName.MOMENTUM)) {
            throw node.get("optimizer").error("'" + optimizer + "' needs a momentum: write " + optimizer
                    + ":MU, or give a momentum hyperparameter");
        }
        String schedule = checked(node.get("schedule"), UpdateSchedule::parse);
        ConfigNode clipNode = node.get("clipping");
        String clipping = checked(clipNode, s -> Clippings.parse(s, true));
        ConfigNode label = node.get("label");
        return new ModelEntry(node.path(), model.toString(), label.isMissing() ? null : label.text(),
                checked(node.get("rule"), s -> { /* needs the network: checked when the trials are resolved */ }), optimizer, schedule, clipping == null ? "none" : clipping,
                node.get("clipOutputLayer").isMissing() || node.get("clipOutputLayer").bool(),
                optional(node.get("rescaleLearningRate")) && node.get("rescaleLearningRate").bool() ? Boolean.TRUE : null,
                options(node.get("options"), model.modelFamily()), optional(node.get("budget")) ? node.get("budget").integer(1) : null,
                hyper, samples(node.get("samples")), notes(node.get("notes")));
    }

    /** A model entry's {@code notes}: task id to one line of text that explains its row on that task. */
    private static Map<String, String> notes(ConfigNode node) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (!node.isMissing()) {
            node.fields().forEach((task, text) -> {
                String line = text.text();
                if (line.isBlank() || line.contains("\n")) {
                    throw text.error("a note is one line of text");
                }
                out.put(task, line.strip());
            });
        }
        return out;
    }

    /** A momentum hyperparameter needs the optimizer's kind without its value. */
    static boolean isMomentumKind(String optimizer) {
        return optimizer.equalsIgnoreCase("momentum") || optimizer.equalsIgnoreCase("nesterov");
    }

    /** The {@code options} of a model entry: each key one of the family's options, read by its declared type. */
    private static ModelOptions options(ConfigNode node, ModelFamily family) {
        ModelOptions out = ModelOptions.DEFAULTS;
        if (node.isMissing()) {
            return out;
        }
        for (Map.Entry<String, ConfigNode> e : node.fields().entrySet()) {
            ConfigNode value = e.getValue();
            if (value.isMissing()) {
                continue;
            }
            try {
                ModelOption<?> option = family.option(e.getKey());
                out = out.with(option, option.type().read(value.json()));
            } catch (IllegalArgumentException problem) {
                throw value.error(problem.getMessage());
            }
        }
        return out;
    }

    private static Map<HyperparameterName, Hyperparameter> hyperparameters(ConfigNode node) {
        Map<HyperparameterName, Hyperparameter> out = new EnumMap<>(HyperparameterName.class);
        if (node.isMissing()) {
            return out;
        }
        for (Map.Entry<String, ConfigNode> e : node.fields().entrySet()) {
            HyperparameterName name;
            try {
                name = HyperparameterName.fromKey(e.getKey());
            } catch (IllegalArgumentException unknown) {
                throw e.getValue().error(unknown.getMessage());
            }
            out.put(name, hyperparameter(name, e.getValue()));
        }
        return out;
    }

    private static Hyperparameter hyperparameter(HyperparameterName name, ConfigNode value) {
        if (value.isArray()) {
            List<Double> values = new ArrayList<>();
            for (ConfigNode v : value.elements()) {
                values.add(checkValue(name, v));
            }
            if (values.isEmpty()) {
                throw value.error("a grid needs at least one value");
            }
            return new Hyperparameter.Grid(values);
        }
        if (value.isObject()) {
            Map<String, ConfigNode> fields = value.fields();
            if (fields.size() != 1) {
                throw value.error("a distribution is one of " + Distribution.Kind.keys() + " with a range [a, b]");
            }
            Map.Entry<String, ConfigNode> only = fields.entrySet().iterator().next();
            Distribution.Kind kind = null;
            for (Distribution.Kind k : Distribution.Kind.values()) {
                if (k.key.equals(only.getKey())) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw only.getValue().error("unknown distribution (known: " + Distribution.Kind.keys() + ")");
            }
            List<ConfigNode> range = only.getValue().elements();
            if (range.size() != 2) {
                throw only.getValue().error("expected a range [a, b]");
            }
            Distribution d;
            try {
                d = new Distribution(kind, range.get(0).number(), range.get(1).number());
            } catch (IllegalArgumentException e) {
                throw only.getValue().error(e.getMessage());
            }
            if (name.integer() != (kind == Distribution.Kind.LOG_UNIFORM_INT)) {
                throw only.getValue().error(name.integer() ? name.key + " is an integer: use logUniformInt"
                        : "logUniformInt draws integers; " + name.key + " is real: use logUniform");
            }
            checkRange(name, only.getValue(), d);
            return new Hyperparameter.Sampled(d);
        }
        return new Hyperparameter.Fixed(checkValue(name, value));
    }

    private static void checkRange(HyperparameterName name, ConfigNode node, Distribution d) {
        double lowest = d.kind() == Distribution.Kind.ONE_MINUS_LOG_UNIFORM ? 1 - d.high() : d.low();
        double highest = d.kind() == Distribution.Kind.ONE_MINUS_LOG_UNIFORM ? 1 - d.low() : d.high();
        try {
            name.check(lowest);
            name.check(highest);
        } catch (IllegalArgumentException e) {
            throw node.error("the range reaches outside the allowed values: " + e.getMessage());
        }
    }

    private static double checkValue(HyperparameterName name, ConfigNode v) {
        double n = v.number();
        try {
            return name.check(n);
        } catch (IllegalArgumentException e) {
            throw v.error(e.getMessage());
        }
    }

    private static Integer samples(ConfigNode node) {
        return optional(node) ? node.intValue(1, MAX_SAMPLES) : null;
    }

    private static List<ConfigNode> nonEmptyList(ConfigNode root, String key) {
        List<ConfigNode> list = required(root, key).elements();
        if (list.isEmpty()) {
            throw root.get(key).error("needs at least one entry");
        }
        return list;
    }

    private static ConfigNode required(ConfigNode node, String key) {
        ConfigNode child = node.get(key);
        if (child.isMissing()) {
            throw child.error("is required");
        }
        return child;
    }

    private static boolean optional(ConfigNode node) {
        return !node.isMissing();
    }

    /** The text of an optional string setting, checked by {@code check}; null when absent. */
    private static String checked(ConfigNode node, Consumer<String> check) {
        if (node.isMissing()) {
            return null;
        }
        String s = node.text();
        try {
            check.accept(s);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
        return s;
    }
}
