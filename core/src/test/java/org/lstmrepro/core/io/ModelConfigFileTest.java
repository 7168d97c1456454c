package org.lstmrepro.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

class ModelConfigFileTest {

    @TempDir
    Path dir;

    @Test
    void readsModelAndConfigWithTheParameterFilesNumberTyping() throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, "{\"model\": \"gru\", \"config\": {\"hiddenSize\": 3, \"initScale\": 0.5,"
                + " \"biases\": [1, -2.5], \"flag\": true}}");
        ModelConfigFile.Contents c = ModelConfigFile.read(file);
        assertThat(c.model()).isEqualTo("gru");
        assertThat(c.source()).isEqualTo(file.toString());
        assertThat(c.config()).containsEntry("hiddenSize", 3).containsEntry("initScale", 0.5)
                .containsEntry("biases", List.of(1, -2.5)).containsEntry("flag", true);
    }

    @Test
    void aParameterFileIsAlsoAModelDescription() {
        ParameterSet ps = new ParameterSet();
        ps.add(Parameter.vector("bias", 2));
        Path file = dir.resolve("params.json");
        ParameterFile.write(file, "rnn", Map.of("hiddenSize", 2), ps);
        ModelConfigFile.Contents c = ModelConfigFile.read(file);
        assertThat(c.model()).isEqualTo("rnn");
        assertThat(c.config()).isEqualTo(Map.of("hiddenSize", 2));
    }

    @Test
    void problemsNameTheFileAndKey() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"model\": \"gru\"}");
        assertThatThrownBy(() -> ModelConfigFile.read(file)).isInstanceOf(InterchangeFormatException.class)
                .hasMessage(file + ": missing key 'config'");
        Files.writeString(file, "{\"model\": \"gru\", \"config\": [1]}");
        assertThatThrownBy(() -> ModelConfigFile.read(file)).hasMessage(file + ": config: expected an object, found a list");
        Files.writeString(file, "{\"model\": 3, ");
        assertThatThrownBy(() -> ModelConfigFile.read(file)).hasMessageContaining(file + ": line 1")
                .hasMessageContaining("not valid JSON");
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> ModelConfigFile.read(missing)).hasMessage(missing + ": no such file");
    }
}
