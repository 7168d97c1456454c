package org.lstmrepro.reports.toy;

import java.util.List;
import java.util.Map;

import org.lstmrepro.core.io.InterchangeFormatException;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.core.train.UpdateSchedule;
import org.lstmrepro.reports.run.BuiltModel;
import org.lstmrepro.reports.run.CommonOptions;
import org.lstmrepro.reports.run.ConfiguredModel;
import org.lstmrepro.reports.run.ModelFamily;
import org.lstmrepro.reports.run.ModelOption;
import org.lstmrepro.reports.run.ModelOptions;
import org.lstmrepro.reports.run.OptionType;
import org.lstmrepro.tasks.Task;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A model family added the way a user adds one: this class and one line in
 * {@code META-INF/services/org.lstmrepro.reports.run.ModelFamily} of the test resources, nothing else.
 * It takes the shared {@code hiddenSize} and an option of its own, {@code toyScale}.
 */
public final class ToyFamily implements ModelFamily {

    static final String ID = "toy";
    static final ModelOption<Double> TOY_SCALE = new ModelOption<>("toyScale", "--toy-scale", "A",
            OptionType.real(true), "The initial recurrent weight of every unit.", "0.5");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "a diagonal tanh RNN (test fixture)";
    }

    @Override
    public List<ModelOption<?>> options() {
        return List.of(CommonOptions.HIDDEN_SIZE, TOY_SCALE);
    }

    @Override
    public BuiltModel build(String variant, Task task, ModelOptions options, RandomStream init) {
        ToyConfig config = new ToyConfig(task.inputSize(), options.isSet(CommonOptions.HIDDEN_SIZE)
                ? options.get(CommonOptions.HIDDEN_SIZE) : 3, task.outputSize(),
                task.outputUnits().activation().id(), task.outputUnits().loss().id(),
                options.isSet(TOY_SCALE) ? options.get(TOY_SCALE) : 0.5);
        ConfiguredModel model = configured(config, init);
        return new BuiltModel(model.network(), model.config(), 0.1, "bptt", UpdateSchedule.perSequence(), "sgd", "none");
    }

    @Override
    public ConfiguredModel fromConfig(Map<String, ?> config, String source, RandomStream init) {
        ToyConfig c;
        try {
            c = JSON.convertValue(config, ToyConfig.class);
        } catch (IllegalArgumentException e) {
            throw new InterchangeFormatException(source, "config", e.getMessage().lines().findFirst().orElse(""));
        }
        return configured(c, init);
    }

    @SuppressWarnings("unchecked")
    private static ConfiguredModel configured(ToyConfig config, RandomStream init) {
        return new ConfiguredModel(new ToyNetwork(config, init), JSON.convertValue(config, Map.class));
    }
}
