package org.lstmrepro.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstmrepro.core.train.UpdateSchedule;

class NameArgsTest {

    @Test
    void splitsTheNameFromItsNumericArguments() {
        NameArgs s = NameArgs.parse("rule", " TBPTT:10, 20 ");
        assertThat(s.name()).isEqualTo("tbptt");
        assertThat(s.text()).isEqualTo("TBPTT:10, 20");
        assertThat(s.argCount()).isEqualTo(2);
        assertThat(s.positiveInt(1, "K2")).isEqualTo(20);
        assertThat(s.arg(2, 7.0)).isEqualTo(7.0);
        assertThat(NameArgs.parse("rule", "bptt").argCount()).isZero();
    }

    @Test
    void updateSchedulesReadTheirForms() {
        assertThat(UpdateSchedule.parse("batch:16")).isEqualTo(UpdateSchedule.minibatch(16));
        assertThat(UpdateSchedule.parse("Online")).isEqualTo(UpdateSchedule.online());
        assertThat(UpdateSchedule.parse("sequence")).isEqualTo(UpdateSchedule.perSequence());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "batch:x   | update schedule 'batch:x': 'x' is not a number",
        "batch:2.5 | update schedule 'batch:2.5': N must be a positive integer, was '2.5'",
        "batch:0   | update schedule 'batch:0': N must be a positive integer, was '0'",
        "batch     | update schedule 'batch' takes 1 argument, got 0 (use batch:N, e.g. batch:16)",
        "online:1  | update schedule 'online:1' takes 0 arguments, got 1 (use online)",
        "weekly    | unknown update schedule 'weekly' in 'weekly' (known: online",
    })
    void aMalformedScheduleIsOneLineNamingIt(String text, String expected) {
        assertThatThrownBy(() -> UpdateSchedule.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(expected);
    }
}
