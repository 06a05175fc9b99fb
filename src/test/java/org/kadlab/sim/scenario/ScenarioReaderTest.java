package org.kadlab.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.LookupMode;
import org.kadlab.sim.SessionModel;
import org.kadlab.sim.SimConfig;

/** ScenarioReader accepts the example scenarios and reads every documented field. */
class ScenarioReaderTest {
    private static final Path EXAMPLES = Path.of("assets", "scenarios");

    @Test
    @DisplayName("every example scenario in assets/scenarios is accepted and has steps")
    void everyExampleScenarioIsAccepted() throws IOException, ScenarioException {
        List<Path> files;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).as("example scenarios").hasSizeGreaterThanOrEqualTo(4);
        for (Path p : files) {
            Scenario sc = ScenarioReader.read(p);
            assertThat(sc.file()).isEqualTo(p.toString());
            assertThat(sc.steps()).as("%s has steps", p).isNotEmpty();
            assertThat(sc.steps()).as("%s: every step knows its line", p).allSatisfy(st -> assertThat(st.line()).isPositive());
        }
    }

    @Test
    @DisplayName("tour.yaml is read field by field, each step with its line")
    void tourScenarioIsReadFieldByField() throws ScenarioException {
        Scenario sc = ScenarioReader.read(EXAMPLES.resolve("tour.yaml"));
        SimConfig c = sc.config();
        KadConfig k = c.kad();
        assertThat(c.seed()).isEqualTo(42);
        assertThat(k.bits()).isEqualTo(160);
        assertThat(k.k()).isEqualTo(20);
        assertThat(k.alpha()).isEqualTo(3);
        assertThat(k.lookupMode()).isEqualTo(LookupMode.SLIDING);
        assertThat(c.latencyMinMs()).isEqualTo(10);
        assertThat(c.latencyMaxMs()).isEqualTo(80);
        assertThat(c.loss()).isZero();
        assertThat(k.rpcTimeoutMs()).isEqualTo(5_000);
        assertThat(sc.steps()).containsExactly(
                new Scenario.Add(11, 200),
                new Scenario.Lookups(12, 50),
                new Scenario.Store(13, "greeting", "hello", null),
                new Scenario.FindValue(14, "greeting", null),
                new Scenario.Kill(15, 30, -1),
                new Scenario.Lookups(16, 20),
                new Scenario.Advance(17, 3_600_000),
                new Scenario.Lookups(18, 20),
                new Scenario.Revive(19, -1),
                new Scenario.Churn(20, SessionModel.PARETO, 600_000, 1.5, 3_600_000),
                new Scenario.FindValue(21, "greeting", null),
                new Scenario.Lookups(22, 50));
    }

    @Test
    @DisplayName("classroom, churn and rounds-vs-sliding read their particular fields")
    void otherExamplesReadTheirFields() throws ScenarioException {
        Scenario classroom = ScenarioReader.read(EXAMPLES.resolve("classroom.yaml"));
        assertThat(classroom.config().checkInvariants()).isTrue();
        assertThat(classroom.config().kad().bits()).isEqualTo(8);
        assertThat(classroom.config().kad().k()).isEqualTo(2);

        Scenario churn = ScenarioReader.read(EXAMPLES.resolve("churn.yaml"));
        assertThat(churn.config().loss()).isEqualTo(0.01);
        assertThat(churn.steps()).contains(new Scenario.Churn(20, SessionModel.WEIBULL, 19_800_000, 0.6, 4 * 3_600_000,
                60, 60, 20 * 60_000));
        assertThat(churn.steps().get(1)).as("records are stored before the churn").isInstanceOf(Scenario.Store.class);

        Scenario rounds = ScenarioReader.read(EXAMPLES.resolve("rounds-vs-sliding.yaml"));
        assertThat(rounds.config().kad().lookupMode()).isEqualTo(LookupMode.SEED_ROUNDS);
        assertThat(rounds.steps()).containsExactly(new Scenario.Add(8, 64), new Scenario.Lookups(9, 200));
    }

    @Test
    @DisplayName("every documented field and step form is read: kill counts and percentages, revive all and counts, units ms to d")
    void everyDocumentedFieldIsRead() throws ScenarioException {
        String yaml = """
                seed: -77
                bits: 16
                k: 6
                alpha: 2
                lookup_mode: ROUNDS
                latency_ms: [5, 9]
                loss: 0.25
                rpc_timeout_ms: 700
                refresh_interval: 30m
                record_ttl: 2h
                max_records: 50
                check_invariants: true
                steps:
                  - add: 20
                  - kill: 3
                  - kill: "30%"
                  - kill: 12.5%
                  - revive: all
                  - revive: 2
                  - lookups: 5
                  - lookup: {from: "0a0b", target: "0xff"}
                  - lookup: {target: "0b0001"}
                  - store: {key: "k1", value: "v1", from: "00ff"}
                  - store: {key: 7, value: 8}
                  - find_value: {key: "k1", from: "0a0b"}
                  - find_value: {key: "k1"}
                  - advance: 500ms
                  - advance: 30s
                  - advance: 10m
                  - advance: 1h
                  - advance: 2d
                  - advance: 1.5s
                  - churn: {model: pareto, mean_session: 600s, duration: 1h}
                  - churn: {model: Exponential, mean_session: 10m, duration: 20m}
                  - churn: {model: weibull, mean_session: 1h, shape: 0.5, duration: 2h}
                """;
        Scenario sc = ScenarioReader.parse(yaml, "all.yaml");
        SimConfig c = sc.config();
        KadConfig k = c.kad();
        assertThat(sc.file()).isEqualTo("all.yaml");
        assertThat(c.seed()).isEqualTo(-77);
        assertThat(k.bits()).isEqualTo(16);
        assertThat(k.k()).isEqualTo(6);
        assertThat(k.alpha()).isEqualTo(2);
        assertThat(k.lookupMode()).isEqualTo(LookupMode.ROUNDS);
        assertThat(c.latencyMinMs()).isEqualTo(5);
        assertThat(c.latencyMaxMs()).isEqualTo(9);
        assertThat(c.loss()).isEqualTo(0.25);
        assertThat(k.rpcTimeoutMs()).isEqualTo(700);
        assertThat(k.refreshIntervalMs()).isEqualTo(1_800_000);
        assertThat(k.recordTtlMs()).isEqualTo(7_200_000);
        assertThat(k.maxRecords()).isEqualTo(50);
        assertThat(c.checkInvariants()).isTrue();
        assertThat(sc.steps()).containsExactly(
                new Scenario.Add(14, 20),
                new Scenario.Kill(15, 3, -1),
                new Scenario.Kill(16, -1, 0.30),
                new Scenario.Kill(17, -1, 0.125),
                new Scenario.Revive(18, -1),
                new Scenario.Revive(19, 2),
                new Scenario.Lookups(20, 5),
                new Scenario.LookupOne(21, "0a0b", "0xff"),
                new Scenario.LookupOne(22, null, "0b0001"),
                new Scenario.Store(23, "k1", "v1", "00ff"),
                new Scenario.Store(24, "7", "8", null),
                new Scenario.FindValue(25, "k1", "0a0b"),
                new Scenario.FindValue(26, "k1", null),
                new Scenario.Advance(27, 500),
                new Scenario.Advance(28, 30_000),
                new Scenario.Advance(29, 600_000),
                new Scenario.Advance(30, 3_600_000),
                new Scenario.Advance(31, 172_800_000),
                new Scenario.Advance(32, 1_500),
                new Scenario.Churn(33, SessionModel.PARETO, 600_000, 2.0, 3_600_000),
                new Scenario.Churn(34, SessionModel.EXPONENTIAL, 600_000, 1.0, 1_200_000),
                new Scenario.Churn(35, SessionModel.WEIBULL, 3_600_000, 0.5, 7_200_000));
    }

    @Test
    @DisplayName("fields left out take the defaults: seed 1, latency 10..80 ms, no loss, the seed crate's Kademlia settings")
    void missingFieldsTakeDefaults() throws ScenarioException {
        Scenario sc = ScenarioReader.parse("steps:\n  - add: 2\n", "min.yaml");
        assertThat(sc.config().seed()).isEqualTo(1);
        assertThat(sc.config().latencyMinMs()).isEqualTo(10);
        assertThat(sc.config().latencyMaxMs()).isEqualTo(80);
        assertThat(sc.config().loss()).isZero();
        assertThat(sc.config().checkInvariants()).isFalse();
        assertThat(sc.config().kad()).isEqualTo(KadConfig.defaults());
        assertThat(ScenarioReader.parse("seed: 3\nsteps:\n", "nosteps.yaml").steps()).isEmpty();
    }

    @Test
    void killCanNameOneNode() throws ScenarioException {
        Scenario sc = ScenarioReader.parse("bits: 8\nsteps:\n  - add: 4\n  - kill: {node: \"3a\"}\n", "one.yaml");
        assertThat(sc.steps().get(1)).isEqualTo(new Scenario.KillNode(4, "3a"));
        assertThatThrownBy(() -> ScenarioReader.parse("steps:\n  - kill: {nod: \"3a\"}\n", "typo.yaml"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("typo.yaml:2").hasMessageContaining("kill.nod");
    }
}
