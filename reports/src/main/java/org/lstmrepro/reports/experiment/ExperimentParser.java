package org.lstmrepro.reports.experiment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.lstmrepro.core.io.StrictBinding;
import org.lstmrepro.core.optim.Clippings;
import org.lstmrepro.core.optim.Optimizers;
import org.lstmrepro.core.train.UpdateSchedule;
import org.lstmrepro.reports.run.ModelFamily;
import org.lstmrepro.reports.run.ModelOption;
import org.lstmrepro.reports.run.ModelOptions;
import org.lstmrepro.reports.run.ModelSpec;
import org.lstmrepro.reports.run.TrialSpec;
import org.lstmrepro.tasks.TaskRegistry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads an experiment file (YAML, or JSON, which YAML includes) into a checked {@link Experiment}: the
 * file is parsed (a duplicate key is an error), its objects are bound to the typed records below by
 * {@link StrictBinding} (unknown keys, missing required keys and values of the wrong type are errors
 * naming the key path), and the bound values are checked. A model entry's {@code options} are bound as
 * a map and checked against the family's schema ({@link ModelFamily#option}), so no option is listed
 * here. Every problem is an {@link IllegalArgumentException} of one line naming the file, the key path
 * and the problem. The keys are documented in {@code docs/experiments.md}.
 */
public final class ExperimentParser {

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

    /** The top level of an experiment file; null for a key left out. Values of several shapes stay trees. */
    record FileKeys(@JsonProperty(required = true) String name, String description, Long seed, JsonNode seeds,
                    Long budget, JsonNode stopping, JsonNode epochs, Long testSeed,
                    @JsonProperty(required = true) List<JsonNode> tasks, @JsonProperty(required = true) List<JsonNode> models,
                    Map<String, JsonNode> hyperparameters, Integer samples) {
    }

    /** {@code stopping}: the task's stopping rule, overridden. */
    record StoppingKeys(Double error, Integer window) {
    }

    /** {@code epochs}: training by epochs on a task with a fixed data set. */
    record EpochKeys(Integer max, Integer patience) {
    }

    /** An entry of {@code tasks}. */
    record TaskKeys(@JsonProperty(required = true) String id, Map<String, JsonNode> settings, Long budget) {
    }

    /** An entry of {@code models}. */
    record ModelKeys(@JsonProperty(required = true) String model, String label, String rule, String optimizer,
                     String schedule, String clipping, Boolean clipOutputLayer, Boolean rescaleLearningRate,
                     Map<String, JsonNode> options, Long budget, Map<String, JsonNode> hyperparameters, Integer samples,
                     Map<String, JsonNode> notes, List<String> tasks) {
    }

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
        StrictBinding root = StrictBinding.yaml("", (path, problem) ->
                new IllegalArgumentException(source + ": " + (path.isEmpty() ? "" : path + ": ") + problem));
        if (!root.given(tree)) {
            throw root.error("the file is empty");
        }
        return experiment(source, root, root.bind(tree, FileKeys.class));
    }

    private static Experiment experiment(String source, StrictBinding root, FileKeys file) {
        String name = text(root.at("name"), file.name());
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw root.at("name").error("must consist of letters, digits, '.', '_' and '-' (it names a directory), was '"
                    + name + "'");
        }
        Double stopError = null;
        Integer stopWindow = null;
        if (root.given(file.stopping())) {
            StrictBinding at = root.at("stopping");
            StoppingKeys stopping = at.bind(file.stopping(), StoppingKeys.class);
            stopError = stopping.error() == null ? null : positive(at.at("error"), stopping.error());
            stopWindow = stopping.window() == null ? null : (int) atLeast(at.at("window"), stopping.window(), 1);
        }
        Integer maxEpochs = null;
        Integer patience = null;
        if (root.given(file.epochs())) {
            StrictBinding at = root.at("epochs");
            EpochKeys epochs = at.bind(file.epochs(), EpochKeys.class);
            maxEpochs = epochs.max() == null ? null : (int) atLeast(at.at("max"), epochs.max(), 1);
            patience = epochs.patience() == null ? null : (int) atLeast(at.at("patience"), epochs.patience(), 1);
        }
        List<TaskEntry> tasks = new ArrayList<>();
        List<JsonNode> taskNodes = nonEmpty(root.at("tasks"), file.tasks());
        for (int i = 0; i < taskNodes.size(); i++) {
            tasks.addAll(tasks(root.at("tasks").at(i), taskNodes.get(i)));
        }
        Set<String> taskIds = tasks.stream().map(TaskEntry::id).collect(Collectors.toSet());
        List<ModelEntry> models = new ArrayList<>();
        List<JsonNode> modelNodes = nonEmpty(root.at("models"), file.models());
        for (int i = 0; i < modelNodes.size(); i++) {
            StrictBinding at = root.at("models").at(i);
            ModelEntry entry = model(at, modelNodes.get(i));
            for (String task : entry.notes().keySet()) { // a note on a task the experiment does not run would never show
                requireTask(at.at("notes").at(task), task, taskIds);
            }
            if (entry.tasks() != null) {
                for (int k = 0; k < entry.tasks().size(); k++) {
                    requireTask(at.at("tasks").at(k), entry.tasks().get(k), taskIds);
                }
            }
            models.add(entry);
        }
        Map<HyperparameterName, Hyperparameter> hyperparameters = hyperparameters(root.at("hyperparameters"),
                file.hyperparameters());
        Integer samples = samples(root.at("samples"), file.samples());
        if (samples != null && !HyperparameterPoints.anySampled(hyperparameters)
                && models.stream().noneMatch(m -> HyperparameterPoints.anySampled(m.hyperparameters()))) {
            throw root.at("samples").error("is given but no hyperparameter is sampled"
                    + " (write e.g. learningRate: {logUniform: [1.0e-6, 1.0e-2]})");
        }
        return new Experiment(source, name, file.description() == null ? "" : text(root.at("description"),
                file.description()), file.seed() == null ? DEFAULT_SEED : file.seed(), seeds(root.at("seeds"), file.seeds()),
                file.budget() == null ? TrialSpec.DEFAULT_MAX_SEQUENCES : atLeast(root.at("budget"), file.budget(), 1),
                stopError, stopWindow, maxEpochs, patience,
                file.testSeed() == null ? TrialSpec.DEFAULT_TEST_SEED : file.testSeed(), tasks, models, hyperparameters,
                samples);
    }

    /** {@code seeds}: a count N (seeds 1..N) or a list of distinct seeds. */
    private static List<Long> seeds(StrictBinding at, JsonNode node) {
        if (!at.given(node)) {
            return oneTo(DEFAULT_SEEDS);
        }
        if (!node.isArray()) {
            return oneTo((int) within(at, at.value(node, Integer.class), 1, Experiment.MAX_SEEDS));
        }
        List<Long> out = new ArrayList<>();
        List<Long> seeds = at.value(node, new TypeReference<List<Long>>() { });
        for (int i = 0; i < seeds.size(); i++) {
            if (seeds.get(i) == null) {
                throw at.at(i).error("expected an integer, found nothing");
            }
            if (out.contains(seeds.get(i))) {
                throw at.at(i).error("seed " + seeds.get(i) + " is listed twice");
            }
            out.add(seeds.get(i));
        }
        if (out.isEmpty()) {
            throw at.error("needs at least one seed");
        }
        return out;
    }

    /** Seeds 1..n, what a seed count means. */
    static List<Long> oneTo(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    /** One entry of {@code tasks}; list-valued settings expand to their cross product. */
    private static List<TaskEntry> tasks(StrictBinding at, JsonNode node) {
        TaskKeys keys = at.bind(node, TaskKeys.class);
        String id = text(at.at("id"), keys.id());
        try {
            TaskRegistry.find(id);
        } catch (IllegalArgumentException e) {
            throw at.at("id").error(e.getMessage());
        }
        Long budget = keys.budget() == null ? null : atLeast(at.at("budget"), keys.budget(), 1);
        List<Map<String, String>> variants = List.of(new LinkedHashMap<>());
        StrictBinding settings = at.at("settings");
        if (keys.settings() != null) {
            for (Map.Entry<String, JsonNode> e : keys.settings().entrySet()) {
                StrictBinding setting = settings.at(e.getKey());
                List<String> values = settingValues(setting, e.getValue());
                List<Map<String, String>> next = new ArrayList<>();
                for (Map<String, String> v : variants) {
                    for (String value : values) {
                        Map<String, String> m = new LinkedHashMap<>(v);
                        m.put(e.getKey(), value);
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
                throw (keys.settings() == null ? at : settings).error(e.getMessage());
            }
            out.add(new TaskEntry(at.path(), id, v, budget));
        }
        return out;
    }

    /** A task setting's value, or each value of its list, as text (the task parses it). */
    private static List<String> settingValues(StrictBinding at, JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(scalarText(at.at(i), node.get(i)));
            }
            if (out.isEmpty()) {
                throw at.error("needs at least one value");
            }
        } else {
            out.add(scalarText(at, node));
        }
        return out;
    }

    private static String scalarText(StrictBinding at, JsonNode node) {
        if (!node.isValueNode() || node.isNull()) {
            throw at.error("expected a single value, found " + at.describe(node));
        }
        return node.isTextual() ? text(at, node.textValue()) : node.asText();
    }

    private static ModelEntry model(StrictBinding at, JsonNode node) {
        ModelKeys keys = at.bind(node, ModelKeys.class);
        ModelSpec model;
        try {
            model = ModelSpec.parse(text(at.at("model"), keys.model()));
        } catch (IllegalArgumentException e) {
            throw at.at("model").error(e.getMessage());
        }
        Map<HyperparameterName, Hyperparameter> hyper = hyperparameters(at.at("hyperparameters"), keys.hyperparameters());
        String optimizer = checked(at.at("optimizer"), keys.optimizer(), s -> {
            if (!isMomentumKind(s)) {
                Optimizers.parse(s, 0.01);
            }
        });
        if (optimizer != null && isMomentumKind(optimizer) && !hyper.containsKey(HyperparameterName.MOMENTUM)) {
            throw at.at("optimizer").error("'" + optimizer + "' needs a momentum: write " + optimizer
                    + ":MU, or give a momentum hyperparameter");
        }
        String schedule = checked(at.at("schedule"), keys.schedule(), UpdateSchedule::parse);
        String clipping = checked(at.at("clipping"), keys.clipping(), s -> Clippings.parse(s, true));
        String rule = checked(at.at("rule"), keys.rule(), s -> { /* needs the network: checked when the trials are resolved */ });
        return new ModelEntry(at.path(), model.toString(), keys.label() == null ? null : text(at.at("label"), keys.label()),
                rule, optimizer, schedule, clipping == null ? "none" : clipping,
                keys.clipOutputLayer() == null || keys.clipOutputLayer(),
                Boolean.TRUE.equals(keys.rescaleLearningRate()) ? Boolean.TRUE : null,
                options(at.at("options"), keys.options(), model.modelFamily()),
                keys.budget() == null ? null : atLeast(at.at("budget"), keys.budget(), 1), hyper,
                samples(at.at("samples"), keys.samples()), notes(at.at("notes"), keys.notes()),
                keys.tasks() == null ? null : nonEmpty(at.at("tasks"), keys.tasks()));
    }

    /** A task id a model entry names must be one of the experiment's tasks. */
    private static void requireTask(StrictBinding at, String task, Set<String> taskIds) {
        if (!taskIds.contains(task)) {
            throw at.error("no task '" + task + "' in this experiment (tasks: " + String.join(", ", new TreeSet<>(taskIds))
                    + ")");
        }
    }

    /** A model entry's {@code notes}: task id to one line of text that explains its row on that task. */
    private static Map<String, String> notes(StrictBinding at, Map<String, JsonNode> notes) {
        Map<String, String> out = new LinkedHashMap<>();
        if (notes != null) {
            notes.forEach((task, text) -> {
                String line = text(at.at(task), at.at(task).value(text, String.class));
                if (line.contains("\n")) {
                    throw at.at(task).error("a note is one line of text");
                }
                out.put(task, line);
            });
        }
        return out;
    }

    /** A momentum hyperparameter needs the optimizer's kind without its value. */
    static boolean isMomentumKind(String optimizer) {
        return optimizer.equalsIgnoreCase("momentum") || optimizer.equalsIgnoreCase("nesterov");
    }

    /** The {@code options} of a model entry: each key one of the family's options, read by its declared type. */
    private static ModelOptions options(StrictBinding at, Map<String, JsonNode> options, ModelFamily family) {
        ModelOptions out = ModelOptions.DEFAULTS;
        if (options == null) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : options.entrySet()) {
            if (!at.given(e.getValue())) {
                continue;
            }
            try {
                ModelOption<?> option = family.option(e.getKey());
                out = out.with(option, option.type().read(e.getValue()));
            } catch (IllegalArgumentException problem) {
                throw at.at(e.getKey()).error(problem.getMessage());
            }
        }
        return out;
    }

    private static Map<HyperparameterName, Hyperparameter> hyperparameters(StrictBinding at, Map<String, JsonNode> values) {
        Map<HyperparameterName, Hyperparameter> out = new EnumMap<>(HyperparameterName.class);
        if (values == null) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : values.entrySet()) {
            HyperparameterName name;
            try {
                name = HyperparameterName.fromKey(e.getKey());
            } catch (IllegalArgumentException unknown) {
                throw at.at(e.getKey()).error(unknown.getMessage());
            }
            out.put(name, hyperparameter(name, at.at(e.getKey()), e.getValue()));
        }
        return out;
    }

    /** A fixed value, a grid (a list) or a distribution ({@code {logUniform: [a, b]}}). */
    private static Hyperparameter hyperparameter(HyperparameterName name, StrictBinding at, JsonNode value) {
        if (value.isArray()) {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                values.add(checkValue(name, at.at(i), value.get(i)));
            }
            if (values.isEmpty()) {
                throw at.error("a grid needs at least one value");
            }
            return new Hyperparameter.Grid(values);
        }
        if (value.isObject()) {
            if (value.size() != 1) {
                throw at.error("a distribution is one of " + Distribution.Kind.keys() + " with a range [a, b]");
            }
            String key = value.fieldNames().next();
            StrictBinding range = at.at(key);
            Distribution.Kind kind = null;
            for (Distribution.Kind k : Distribution.Kind.values()) {
                if (k.key.equals(key)) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw range.error("unknown distribution (known: " + Distribution.Kind.keys() + ")");
            }
            List<Double> bounds = range.value(value.get(key), new TypeReference<List<Double>>() { });
            if (bounds.size() != 2 || bounds.contains(null)) {
                throw range.error("expected a range [a, b]");
            }
            double low = finite(range.at(0), bounds.get(0));
            double high = finite(range.at(1), bounds.get(1));
            Distribution d;
            try {
                d = new Distribution(kind, low, high);
            } catch (IllegalArgumentException e) {
                throw range.error(e.getMessage());
            }
            if (name.integer() != (kind == Distribution.Kind.LOG_UNIFORM_INT)) {
                throw range.error(name.integer() ? name.key + " is an integer: use logUniformInt"
                        : "logUniformInt draws integers; " + name.key + " is real: use logUniform");
            }
            checkRange(name, range, d);
            return new Hyperparameter.Sampled(d);
        }
        return new Hyperparameter.Fixed(checkValue(name, at, value));
    }

    private static void checkRange(HyperparameterName name, StrictBinding at, Distribution d) {
        double lowest = d.kind() == Distribution.Kind.ONE_MINUS_LOG_UNIFORM ? 1 - d.high() : d.low();
        double highest = d.kind() == Distribution.Kind.ONE_MINUS_LOG_UNIFORM ? 1 - d.low() : d.high();
        try {
            name.check(lowest);
            name.check(highest);
        } catch (IllegalArgumentException e) {
            throw at.error("the range reaches outside the allowed values: " + e.getMessage());
        }
    }

    private static double checkValue(HyperparameterName name, StrictBinding at, JsonNode value) {
        double n = finite(at, at.value(value, Double.class));
        try {
            return name.check(n);
        } catch (IllegalArgumentException e) {
            throw at.error(e.getMessage());
        }
    }

    private static Integer samples(StrictBinding at, Integer samples) {
        return samples == null ? null : (int) within(at, samples, 1, MAX_SAMPLES);
    }

    private static <T> List<T> nonEmpty(StrictBinding at, List<T> list) {
        if (list.isEmpty()) {
            throw at.error("needs at least one entry");
        }
        return list;
    }

    /** A string, trimmed, and not empty. */
    private static String text(StrictBinding at, String value) {
        if (value == null) {
            throw at.error("expected a string, found nothing");
        }
        String s = value.trim();
        if (s.isEmpty()) {
            throw at.error("must not be empty");
        }
        return s;
    }

    private static double finite(StrictBinding at, Double v) {
        if (v == null || !Double.isFinite(v)) {
            throw at.error("expected a finite number, found " + v);
        }
        return v;
    }

    private static double positive(StrictBinding at, double v) {
        if (!(finite(at, v) > 0)) {
            throw at.error("must be positive, was " + v);
        }
        return v;
    }

    private static long atLeast(StrictBinding at, long v, long min) {
        if (v < min) {
            throw at.error("must be at least " + min + ", was " + v);
        }
        return v;
    }

    private static long within(StrictBinding at, long v, long min, long max) {
        if (v > max) {
            throw at.error("must be at most " + max + ", was " + v);
        }
        return atLeast(at, v, min);
    }

    /** The text of an optional string setting, checked by {@code check}; null when absent. */
    private static String checked(StrictBinding at, String value, Consumer<String> check) {
        if (value == null) {
            return null;
        }
        String s = text(at, value);
        try {
            check.accept(s);
        } catch (IllegalArgumentException e) {
            throw at.error(e.getMessage());
        }
        return s;
    }
}
