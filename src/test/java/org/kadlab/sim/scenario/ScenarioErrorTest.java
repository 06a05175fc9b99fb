package org.kadlab.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed scenarios, written the way a new user would get them wrong: each is refused with a
 * message that names the file, the line and the field, and says what is wrong.
 */
class ScenarioErrorTest {
    @TempDir
    Path dir;

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("typo in a field", "seed: 1\nalpah: 3\n", 2, "alpah", "unknown field (did you mean 'alpha'?)"),
                Arguments.of("field name cut short", "latency: [1, 2]\n", 1, "latency", "did you mean 'latency_ms'"),
                Arguments.of("typo in a step's field", "steps:\n  - store: {key: a, valeu: b}\n", 2, "store.valeu",
                        "did you mean 'value'"),
                Arguments.of("negative k", "k: -1\n", 1, "k", "between 1 and"),
                Arguments.of("k of zero", "bits: 8\nk: 0\n", 2, "k", "was 0"),
                Arguments.of("bits above 160", "bits: 500\n", 1, "bits", "between 1 and 160"),
                Arguments.of("bits of zero", "bits: 0\n", 1, "bits", "between 1 and 160"),
                Arguments.of("k as text", "k: \"twenty\"\n", 1, "k", "whole number, was 'twenty'"),
                Arguments.of("k with a fraction", "k: 2.5\n", 1, "k", "whole number"),
                Arguments.of("latency as one number", "latency_ms: 5\n", 1, "latency_ms", "list of two numbers"),
                Arguments.of("latency range upside down", "latency_ms: [80, 10]\n", 1, "latency_ms", "below minimum"),
                Arguments.of("unclosed bracket", "seed: 1\nlatency_ms: [10, 80\nk: 4\n", 2, "latency_ms", "not valid YAML"),
                Arguments.of("unclosed brace", "steps:\n  - add: 3\n  - store: {key: a, value: b\n  - add: 3\n", 3, "store",
                        "not closed"),
                Arguments.of("step indented too far", "seed: 1\nsteps:\n  - add: 3\n    - lookups: 2\n", 4, "lookups",
                        "indentation"),
                Arguments.of("field indented under another", "seed: 1\n  k: 4\nalpha: 3\n", 2, "k", "indentation"),
                Arguments.of("tab indentation", "seed: 1\n\tk: 4\n", 2, "k", "TAB"),
                Arguments.of("same field twice", "k: 4\nalpha: 2\nk: 8\n", 3, "k", "twice (first on line 1)"),
                Arguments.of("unknown step", "steps:\n  - add: 3\n  - lokup: {target: \"00\"}\n", 3, "lokup",
                        "did you mean 'lookup'"),
                Arguments.of("step without a colon", "steps:\n  - add: 3\n  - lookups 5\n", 3, "steps", "name: value"),
                Arguments.of("steps as a mapping", "steps:\n  add: 3\n", 1, "steps", "list of steps"),
                Arguments.of("kill percentage that is not a number", "steps:\n  - add: 3\n  - kill: \"abc%\"\n", 3, "kill",
                        "not a percentage"),
                Arguments.of("kill over 100%", "steps:\n  - kill: 150%\n", 2, "kill", "between 0% and 100%"),
                Arguments.of("revive something odd", "steps:\n  - revive: some\n", 2, "revive", "'all' or a number"),
                Arguments.of("advance without a unit", "steps:\n  - add: 3\n  - advance: 10\n", 3, "advance", "with a unit"),
                Arguments.of("advance in weeks", "steps:\n  - advance: 2w\n", 2, "advance", "500ms, 30s, 10m, 1h, 2d"),
                Arguments.of("churn with Pareto shape 1",
                        "steps:\n  - add: 3\n  - churn: {model: pareto, mean_session: 60s, shape: 1, duration: 10m}\n", 3,
                        "churn.shape", "above 1"),
                Arguments.of("churn with an unknown model",
                        "steps:\n  - churn: {model: normal, mean_session: 60s, duration: 10m}\n", 2, "churn.model",
                        "exponential, pareto or weibull"),
                Arguments.of("churn without a duration", "steps:\n  - churn: {model: pareto, mean_session: 60s}\n", 2,
                        "churn.duration", "required"),
                Arguments.of("churn workload rate as text",
                        "steps:\n  - churn: {model: weibull, mean_session: 2h, duration: 1h, lookups_per_hour: many}\n", 2,
                        "churn.lookups_per_hour", "must be a number, was 'many'"),
                Arguments.of("churn workload rate below 0",
                        "steps:\n  - store: {key: a, value: b}\n  - churn: {model: weibull, mean_session: 2h, duration: 1h,\n"
                                + "      find_values_per_hour: -3}\n", 4, "churn.find_values_per_hour", "between 0 and 1000000"),
                Arguments.of("churn workload rate above the bound",
                        "steps:\n  - churn: {model: weibull, mean_session: 2h, duration: 1h, lookups_per_hour: 2000000}\n", 2,
                        "churn.lookups_per_hour", "between 0 and 1000000"),
                Arguments.of("churn find_values with nothing stored before",
                        "steps:\n  - churn: {model: weibull, mean_session: 2h, duration: 1h, find_values_per_hour: 10}\n"
                                + "  - store: {key: a, value: b}\n", 2, "churn.find_values_per_hour", "no store step comes before"),
                Arguments.of("churn sampled without a unit",
                        "steps:\n  - churn: {model: weibull, mean_session: 2h, duration: 1h, sample_every: 10}\n", 2,
                        "churn.sample_every", "with a unit"),
                Arguments.of("churn sampled every 0 s",
                        "steps:\n  - churn: {model: weibull, mean_session: 2h, duration: 1h, sample_every: 0s}\n", 2,
                        "churn.sample_every", "longer than 0 ms"),
                Arguments.of("churn sampled too often",
                        "steps:\n  - churn: {model: weibull, mean_session: 2h, duration: 30d, sample_every: 1m}\n", 2,
                        "churn.sample_every", "at most 1000 are kept"),
                Arguments.of("churn with a misspelt workload field",
                        "steps:\n  - churn: {model: weibull, mean_session: 2h, duration: 1h, lookup_per_hour: 5}\n", 2,
                        "churn.lookup_per_hour", "did you mean 'lookups_per_hour'"),
                Arguments.of("lookup without a target", "steps:\n  - lookup: {from: \"00\"}\n", 2, "lookup.target", "required"),
                Arguments.of("store as plain text", "steps:\n  - store: hello\n", 2, "store", "as a mapping"),
                Arguments.of("unknown lookup mode", "lookup_mode: fast\n", 1, "lookup_mode", "sliding, rounds or seed_rounds"),
                Arguments.of("loss above 1", "loss: 1.5\n", 1, "loss", "below 1, was 1.5"),
                Arguments.of("rpc timeout of zero", "rpc_timeout_ms: 0\n", 1, "rpc_timeout_ms", "at least 1"),
                Arguments.of("check_invariants as text", "check_invariants: \"sometimes\"\n", 1, "check_invariants",
                        "true or false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    @DisplayName("a malformed scenario is refused with file, line, field and the problem")
    void malformedScenarioNamesFileLineAndField(String mistake, String yaml, int line, String field, String says)
            throws IOException {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioReader.read(file));
        assertThat(e).as("%s is refused", mistake).isNotNull();
        assertThat(e.getMessage()).as(mistake)
                .startsWith(file + ":" + line + ": ")
                .contains("field '" + field + "'")
                .contains(says)
                .doesNotContain("\n");
    }

    @Test
    @DisplayName("a missing file is refused with its name")
    void missingFileIsNamed() {
        Path file = dir.resolve("nowhere.yaml");
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioReader.read(file));
        assertThat(e.getMessage()).isEqualTo(file + ": no such file");
    }

    @Test
    @DisplayName("an empty file and a file that is not a mapping are refused at line 1")
    void emptyOrNonMappingFileIsRefused() throws IOException {
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "");
        assertThat(catchThrowableOfType(ScenarioException.class, () -> ScenarioReader.read(empty)).getMessage())
                .isEqualTo(empty + ":1: the file is empty");
        Path list = dir.resolve("list.yaml");
        Files.writeString(list, "- add: 3\n");
        assertThat(catchThrowableOfType(ScenarioException.class, () -> ScenarioReader.read(list)).getMessage())
                .startsWith(list + ":1: ").contains("mapping of fields");
    }
}
