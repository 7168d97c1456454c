package org.lstmrepro.reports.run;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.tasks.Task;
import org.lstmrepro.vanilla.BaselineConfig;
import org.lstmrepro.vanilla.Gru;
import org.lstmrepro.vanilla.SimpleRnn;

/** The baselines without memory cells: the simple RNN (Elman 1990) and the GRU (Cho et al. 2014). */
public final class BaselineFamily implements ModelFamily {

    public static final BaselineFamily RNN = new BaselineFamily("rnn", "the simple (Elman) RNN, whose gradient vanishes",
            SimpleRnn::new);
    public static final BaselineFamily GRU = new BaselineFamily("gru", "the gated recurrent unit of Cho et al. (2014)",
            Gru::new);

    private final String id;
    private final String summary;
    private final BiFunction<BaselineConfig, RandomStream, RecurrentNetwork> constructor;

    private BaselineFamily(String id, String summary, BiFunction<BaselineConfig, RandomStream, RecurrentNetwork> constructor) {
        this.id = id;
        this.summary = summary;
        this.constructor = constructor;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public List<ModelOption<?>> options() {
        return GreffFamilies.OPTIONS;
    }

    @Override
    public BuiltModel build(String variant, Task task, ModelOptions o, RandomStream init) {
        BaselineConfig config = BaselineConfig.of(task.inputSize(), GreffFamilies.hiddenSize(o), task.outputSize())
                .withOutputUnits(GreffFamilies.outputUnits(task, o))
                .withInitialisation(GreffFamilies.initialisation(o));
        return GreffFamilies.built(initialised(config, init), GreffFamilies.noPreset("the baselines"));
    }

    @Override
    public ConfiguredModel fromConfig(Map<String, ?> config, String source, RandomStream init) {
        return initialised(ModelConfigs.baselineFromMap(config, source), init);
    }

    private ConfiguredModel initialised(BaselineConfig config, RandomStream init) {
        return new ConfiguredModel(constructor.apply(config, init), ModelConfigs.baseline(config));
    }
}
