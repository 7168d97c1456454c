package org.lstmrepro.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactoriesTest {

    @Test
    void parsesEveryOptimizerForm() {
        assertThat(Optimizers.parse("sgd", 0.5).describe()).isEqualTo("sgd(lr=0.5)");
        assertThat(Optimizers.parse("momentum:0.9", 0.1).describe()).isEqualTo("momentum(lr=0.1, mu=0.9)");
        assertThat(Optimizers.parse(" Nesterov:0.95 ", 0.1).describe()).isEqualTo("nesterov(lr=0.1, mu=0.95)");
        assertThat(Optimizers.parse("adam", 0.001).describe())
                .isEqualTo("adam(lr=0.001, beta1=0.9, beta2=0.999, eps=1.0E-8)");
        assertThat(Optimizers.parse("adam:0.8,0.99", 0.001).describe())
                .isEqualTo("adam(lr=0.001, beta1=0.8, beta2=0.99, eps=1.0E-8)");
        assertThat(Optimizers.parse("adam:0.8,0.99,1e-6", 0.001).describe())
                .isEqualTo("adam(lr=0.001, beta1=0.8, beta2=0.99, eps=1.0E-6)");
    }

    @Test
    void rescalesTheLearningRateByOneMinusTheMomentumWhenAsked() {
        // Greff et al. 2015: lr * (1 - mu) = 0.1 * 0.25 = 0.025
        MomentumSgd rescaled = (MomentumSgd) Optimizers.parse("nesterov:0.75", 0.1, true);
        assertThat(rescaled.learningRate()).isEqualTo(0.025);
        assertThat(rescaled.momentum()).isEqualTo(0.75);
        assertThat(((MomentumSgd) Optimizers.parse("nesterov:0.75", 0.1, false)).learningRate()).isEqualTo(0.1);
        assertThatThrownBy(() -> Optimizers.parse("adam", 0.1, true))
                .hasMessage("rescaling the learning rate by (1 - momentum) needs a momentum or nesterov optimizer, not 'adam'");
    }

    @Test
    void parsesEveryClippingForm() {
        assertThat(Clippings.parse("none", true)).isSameAs(GradientClipping.NONE);
        assertThat(Clippings.parse("norm:1.0", false).describe()).isEqualTo("norm(threshold=1.0, outputLayer=excluded)");
        assertThat(Clippings.parse("VALUE:5", true).describe()).isEqualTo("value(limit=5.0, outputLayer=included)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rmsprop        | unknown optimizer 'rmsprop' in 'rmsprop' (known: sgd | momentum:MU",
        "momentum       | optimizer 'momentum' takes 1 argument, got 0 (use momentum:MU, e.g. momentum:0.9)",
        "sgd:0.9        | optimizer 'sgd:0.9' takes 0 arguments, got 1 (use sgd)",
        "nesterov:fast  | optimizer 'nesterov:fast': 'fast' is not a number",
        "nesterov:1.5   | optimizer 'nesterov:1.5': momentum must be in [0, 1), was 1.5",
        "adam:0.9,0.9,0,1 | optimizer 'adam:0.9,0.9,0,1' takes 0 to 3 arguments, got 4",
        "adam:0.9,0.999,0 | optimizer 'adam:0.9,0.999,0': epsilon must be a positive finite number, was 0.0",
    })
    void optimizerErrorsNameTheProblem(String spec, String message) {
        assertThatThrownBy(() -> Optimizers.parse(spec, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aBadLearningRateIsReportedWithTheSpec() {
        assertThatThrownBy(() -> Optimizers.parse("sgd", -1))
                .hasMessage("optimizer 'sgd': learning rate must be a positive finite number, was -1.0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "norm          | clipping 'norm' takes 1 argument, got 0 (use norm:THRESHOLD, e.g. norm:1.0)",
        "norm:-1       | clipping 'norm:-1': clipping threshold must be a positive finite number, was -1.0",
        "value:big     | clipping 'value:big': 'big' is not a number",
        "none:3        | clipping 'none:3' takes 0 arguments, got 1",
        "elementwise:3 | unknown clipping 'elementwise' in 'elementwise:3' (known: none | norm:THRESHOLD | value:LIMIT)",
    })
    void clippingErrorsNameTheProblem(String spec, String message) {
        assertThatThrownBy(() -> Clippings.parse(spec, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void anEmptySpecIsRejected() {
        assertThatThrownBy(() -> Clippings.parse(" ", true)).hasMessage("clipping is empty");
        assertThatThrownBy(() -> Optimizers.parse(null, 0.1)).hasMessage("optimizer is empty");
    }
}
