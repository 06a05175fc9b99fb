package org.kadlab.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The value rules of a scenario field: durations by their unit, whole numbers within their range. */
class ScenarioValuesTest {
    private final ScenarioValues values = new ScenarioValues("v.yaml");

    /** The value of field {@code v} in a one-line document, read as YAML. */
    private static Yaml.Located value(String yaml) throws ScenarioException {
        return Yaml.read("v: " + yaml + "\n", "v.yaml").map().get("v");
    }

    @ParameterizedTest
    @CsvSource({"250ms, 250", "1.5s, 1500", "10 m, 600000", "2h, 7200000", "2d, 172800000", "0.4ms, 0", "0.5ms, 1"})
    void aDurationIsItsAmountTimesItsUnitInMillisecondsRounded(String text, long ms) throws ScenarioException {
        assertThat(values.duration(value(text), "advance")).isEqualTo(ms);
    }

    @Test
    void aDurationWithoutAUnitIsRefusedAtItsLineAndField() {
        assertThatThrownBy(() -> values.duration(value("30"), "churn.duration"))
                .hasMessage("v.yaml:1: field 'churn.duration': must be a duration with a unit (500ms, 30s, 10m, 1h, 2d),"
                        + " was a number");
    }

    @Test
    void aDurationBeyondAThousandBillionMillisecondsIsTooLong() {
        assertThatThrownBy(() -> values.duration(value("20000000d"), "advance")).hasMessageEndingWith("is too long");
    }

    @Test
    void aWholeNumberOutsideItsRangeNamesTheRangeOrOnlyTheMinimumWhenTheMaximumIsHuge() throws ScenarioException {
        assertThat(values.longValue(value("7"), "k", 1, 20)).isEqualTo(7);
        assertThatThrownBy(() -> values.longValue(value("21"), "k", 1, 20))
                .hasMessageEndingWith("field 'k': must be between 1 and 20, was 21");
        assertThatThrownBy(() -> values.longValue(value("0"), "rpc_timeout_ms", 1, Long.MAX_VALUE / 4))
                .hasMessageEndingWith("field 'rpc_timeout_ms': must be at least 1, was 0");
        assertThatThrownBy(() -> values.longValue(value("1.5"), "k", 1, 20))
                .hasMessageEndingWith("must be a whole number, was a number");
    }
}
