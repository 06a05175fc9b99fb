package org.kadlab.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.LookupMode;
import org.kadlab.sim.SessionModel;
import org.kadlab.sim.SimConfig;

/** ScenarioWriter: whatever it writes, ScenarioReader reads back to the same settings and the same steps. */
class ScenarioWriterTest {
    /** Text YAML would turn into something else, or that needs quoting or escaping. */
    private static final List<String> AWKWARD = List.of("yes", "no", "null", "~", "true", "False", "on", "off", "123", "0x3f",
            "1e3", "-5", ".inf", "", " leading spaces", "trailing spaces  ", "a: b", "# not a comment", "x #y",
            "\"quoted\"", "it's", "back\\slash", "tab\there", "two\nlines", "- dash", "[flow]", "{map}", "*star", "&amp",
            "!tag", "%pct", "@at", "`tick`", "|pipe", ">fold", "?q", ",comma", "grüße", "日本語", "emoji 😀", "ünï\u2028line",
            "---", "...", "<<");

    private static SimConfig config(long seed) {
        KadConfig kad = KadConfig.builder().bits(24).k(7).alpha(2).lookupMode(LookupMode.ROUNDS).rpcTimeoutMs(1234)
                .refreshIntervalMs(90 * 60_000L).recordTtlMs(36 * 3_600_000L + 1).maxRecords(77).build();
        return new SimConfig(seed, kad, 3, 250, 0.015, true, 0);
    }

    private static Scenario roundTrip(Scenario s) throws ScenarioException {
        String text = ScenarioWriter.toYaml(s);
        try {
            return ScenarioReader.parse(text, "written.yaml");
        } catch (ScenarioException e) {
            throw new AssertionError("the reader refused what the writer wrote:\n" + text, e);
        }
    }

    private static void assertRoundTrips(Scenario s) throws ScenarioException {
        Scenario back = roundTrip(s);
        String text = ScenarioWriter.toYaml(s);
        assertThat(back.config()).as("settings of%n%s", text).isEqualTo(s.config());
        assertThat(back.stepsWithoutLines()).as("steps of%n%s", text).isEqualTo(s.stepsWithoutLines());
    }

    @Test
    @DisplayName("every kind of step and every setting survive a write and a read, with awkward strings kept as text")
    void everyStepKindRoundTrips() throws ScenarioException {
        List<Scenario.Step> steps = new ArrayList<>(List.of(
                new Scenario.Add(1, 20),
                new Scenario.Kill(2, 3, -1),
                new Scenario.Kill(3, -1, 0.3),
                new Scenario.Kill(4, -1, 1.0 / 3),
                new Scenario.Kill(5, -1, 0.0),
                new Scenario.Kill(6, -1, 1.0),
                new Scenario.KillNode(7, "00ab12"),
                new Scenario.Revive(8, -1),
                new Scenario.Revive(9, 4),
                new Scenario.Lookups(10, 50),
                new Scenario.LookupOne(11, null, "0x3f"),
                new Scenario.LookupOne(12, "0b0011", "ffffff"),
                new Scenario.Store(13, "greeting", "hello", null),
                new Scenario.Store(14, "k", "v", "00ab12"),
                new Scenario.FindValue(15, "greeting", null),
                new Scenario.FindValue(16, "greeting", "123"),
                new Scenario.Advance(17, 0),
                new Scenario.Advance(18, 3_600_000),
                new Scenario.Advance(19, 1_500),
                new Scenario.Advance(20, 86_400_000L * 3650),
                new Scenario.Churn(21, SessionModel.PARETO, 600_000, 1.5, 3_600_000),
                new Scenario.Churn(22, SessionModel.WEIBULL, 61_001, 0.7000000000000001, 1),
                new Scenario.Churn(23, SessionModel.EXPONENTIAL, 1, 1.0, 0),
                new Scenario.Churn(24, SessionModel.WEIBULL, 7_200_000, 0.6, 86_400_000, 120, 60, 600_000),
                new Scenario.Churn(25, SessionModel.PARETO, 600_000, 1.5, 3_600_000, 0.25, 0, 0),
                new Scenario.Churn(26, SessionModel.EXPONENTIAL, 60_000, 1.0, 3_600_000, 0, 1_000_000, 3_600)));
        for (String s : AWKWARD) {
            steps.add(new Scenario.Store(0, s, s + "!", s));
            steps.add(new Scenario.FindValue(0, s, null));
            steps.add(new Scenario.LookupOne(0, s, s));
            steps.add(new Scenario.KillNode(0, s));
        }
        assertRoundTrips(new Scenario("every.yaml", config(-42), steps));
        assertRoundTrips(new Scenario("empty.yaml", config(Long.MAX_VALUE), List.of()));
        assertRoundTrips(new Scenario("defaults.yaml", SimConfig.defaults().withHistoryCapacity(0), List.of(new Scenario.Add(1, 1))));
    }

    @Test
    @DisplayName("the written file opens with a comment, writes values readably and quotes text")
    void outputIsReadable() {
        Scenario s = new Scenario("x.yaml", config(7), List.of(new Scenario.Add(1, 20), new Scenario.Kill(2, -1, 0.3),
                new Scenario.Revive(3, -1), new Scenario.Advance(4, 3_600_000),
                new Scenario.Store(5, "yes", "a: b # c", null)));
        String text = ScenarioWriter.toYaml(s);
        assertThat(text).startsWith("# KadLab scenario");
        assertThat(text).doesNotContain("---");
        assertThat(text.lines()).contains("seed: 7", "bits: 24", "k: 7", "alpha: 2", "lookup_mode: \"rounds\"", "loss: 0.015",
                "rpc_timeout_ms: 1234", "refresh_interval: \"90m\"", "max_records: 77", "check_invariants: true", "steps:",
                "  - add: 20", "  - kill: \"30%\"", "  - revive: \"all\"", "  - advance: \"1h\"",
                "      key: \"yes\"", "      value: \"a: b # c\"");
        assertThat(ScenarioWriter.toYaml(s, "line one\nline two")).startsWith("# line one\n# line two\nseed: 7");
        assertThat(ScenarioWriter.toYaml(s, null)).startsWith("seed: 7");
    }

    @Test
    @DisplayName("what the desktop app saves today reads to the same scenario after a rewrite")
    void appScenarioRewritesToTheSameScenario() throws ScenarioException {
        String app = """
                # KadLab network, saved from the desktop app. Run it: java -jar kadlab.jar run this.yaml
                seed: 1
                bits: 16
                k: 4
                alpha: 3
                lookup_mode: sliding
                latency_ms: [10, 80]
                loss: 0.0
                rpc_timeout_ms: 1000
                steps:
                  - add: 32
                  - lookup: {from: "0a1b", target: "ffff"}
                  - store: {key: "a \\"b\\"", value: "c\\\\d", from: "0a1b"}
                  - find_value: {key: "a \\"b\\"", from: "0a1b"}
                  - kill: "30%"
                  - kill: 2
                  - kill: {node: "0a1b"}
                  - revive: all
                """;
        Scenario read = ScenarioReader.parse(app, "app.yaml");
        assertThat(read.steps()).hasSize(8);
        assertRoundTrips(read);
    }

    @Test
    @DisplayName("random scenarios of random steps round-trip, seed after seed")
    void randomScenariosRoundTrip() throws ScenarioException {
        SplittableRandom r = new SplittableRandom(20_261_207);
        for (int round = 0; round < 300; round++) {
            KadConfig.Builder kad = KadConfig.builder().bits(1 + r.nextInt(160)).k(1 + r.nextInt(40)).alpha(1 + r.nextInt(8))
                    .lookupMode(r.nextBoolean() ? LookupMode.SLIDING : LookupMode.ROUNDS).rpcTimeoutMs(1 + r.nextLong(100_000));
            if (r.nextBoolean()) {
                kad.refreshIntervalMs(1 + r.nextLong(10_000_000_000L));
            }
            if (r.nextBoolean()) {
                kad.recordTtlMs(1 + r.nextLong(10_000_000_000L));
            }
            if (r.nextBoolean()) {
                kad.maxRecords(1 + r.nextInt(100_000));
            }
            long min = r.nextLong(1000);
            SimConfig cfg = new SimConfig(r.nextLong(), kad.build(), min, min + r.nextLong(1000), r.nextDouble() * 0.999,
                    r.nextBoolean(), 0);
            List<Scenario.Step> steps = new ArrayList<>();
            int n = r.nextInt(12);
            for (int i = 0; i < n; i++) {
                steps.add(randomStep(r));
            }
            assertRoundTrips(new Scenario("random.yaml", cfg, steps));
        }
    }

    private static Scenario.Step randomStep(SplittableRandom r) {
        return switch (r.nextInt(10)) {
            case 0 -> new Scenario.Add(0, 1 + r.nextInt(10_000_000));
            case 1 -> r.nextBoolean() ? new Scenario.Kill(0, r.nextInt(10_000_000), -1) : new Scenario.Kill(0, -1, r.nextDouble());
            case 2 -> new Scenario.KillNode(0, randomText(r));
            case 3 -> new Scenario.Revive(0, r.nextBoolean() ? -1 : r.nextInt(10_000_000));
            case 4 -> new Scenario.Lookups(0, r.nextInt(100_000_000));
            case 5 -> new Scenario.LookupOne(0, r.nextBoolean() ? null : randomText(r), randomText(r));
            case 6 -> new Scenario.Store(0, randomText(r), randomText(r), r.nextBoolean() ? null : randomText(r));
            case 7 -> new Scenario.FindValue(0, randomText(r), r.nextBoolean() ? null : randomText(r));
            case 8 -> new Scenario.Advance(0, r.nextBoolean() ? r.nextLong(1_000_000_000_000L) : 1000L * r.nextInt(1_000_000));
            default -> {
                SessionModel m = SessionModel.values()[r.nextInt(3)];
                double shape = m == SessionModel.PARETO ? 1.0001 + r.nextDouble() * 4 : 0.01 + r.nextDouble() * 4;
                long duration = r.nextLong(100_000_000_000L);
                if (r.nextBoolean()) {
                    yield new Scenario.Churn(0, m, 1 + r.nextLong(100_000_000L), shape, duration);
                }
                // a workload's find_values need a store before them: the random steps start with none, so only lookups
                double lookups = r.nextBoolean() ? r.nextInt(1_000_000) : r.nextDouble() * 1000;
                long least = Math.max(1, (duration + ScenarioRunner.MAX_DURABILITY_SAMPLES - 1) / ScenarioRunner.MAX_DURABILITY_SAMPLES);
                long every = r.nextBoolean() ? 0 : least + r.nextLong(1_000_000);
                yield new Scenario.Churn(0, m, 1 + r.nextLong(100_000_000L), shape, duration, lookups, 0, every);
            }
        };
    }

    private static String randomText(SplittableRandom r) {
        if (r.nextInt(4) == 0) {
            return AWKWARD.get(r.nextInt(AWKWARD.size()));
        }
        String alphabet = "abcXYZ019 :#\"'\\-_{}[],&*!|>%@`?\t\u00e9\u00fc\u4e2d\u00a0";
        StringBuilder b = new StringBuilder();
        int len = r.nextInt(12);
        for (int i = 0; i < len; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @Test
    @DisplayName("a setting no scenario file can hold is refused with a message naming it, not silently dropped")
    void unwritableSettingsAreRefused() {
        KadConfig kad = KadConfig.builder().publisherRepublishMs(1_000).replacementCacheSize(3).build();
        Scenario s = new Scenario("x.yaml", SimConfig.defaults().withKad(kad), List.of());
        assertThatIllegalArgumentException().isThrownBy(() -> ScenarioWriter.toYaml(s))
                .withMessageContaining("publisher republish interval 1000 ms").withMessageContaining("replacement cache size 3");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ScenarioWriter.toYaml(new Scenario("x.yaml", config(1), List.of(new Scenario.Store(1, null, "v", null)))))
                .withMessageContaining("store.key");
    }

    @Test
    @DisplayName("durations take the largest exact unit")
    void durationsUseTheLargestExactUnit() {
        assertThat(ScenarioWriter.duration(0)).isEqualTo("0s");
        assertThat(ScenarioWriter.duration(1500)).isEqualTo("1500ms");
        assertThat(ScenarioWriter.duration(30_000)).isEqualTo("30s");
        assertThat(ScenarioWriter.duration(600_000)).isEqualTo("10m");
        assertThat(ScenarioWriter.duration(7_200_000)).isEqualTo("2h");
        assertThat(ScenarioWriter.duration(172_800_000)).isEqualTo("2d");
    }

    @Test
    @DisplayName("a scenario written to a file runs from that file")
    void writesToAFile(@TempDir Path dir) throws Exception {
        Scenario s = new Scenario("x.yaml", config(3), List.of(new Scenario.Add(1, 5), new Scenario.Lookups(2, 2)));
        Path file = dir.resolve("saved.yaml");
        ScenarioWriter.write(s, file);
        Scenario back = ScenarioReader.read(file);
        assertThat(back.config()).isEqualTo(s.config());
        assertThat(back.stepsWithoutLines()).isEqualTo(s.stepsWithoutLines());
        assertThat(Files.readString(file)).startsWith("#");
    }

    @Test
    @DisplayName("the rules under failure (max_failures, rpc_retries, peer_timeout, replication, caching, ping window, lookup mode) round-trip")
    void theRulesUnderFailureRoundTrip() throws Exception {
        KadConfig kad = KadConfig.builder().maxFailures(3).rpcRetries(2).peerTimeoutMs(750).replicateOnJoin(false)
                .cacheOnFindValue(false).pingSkipWindowMs(0).lookupMode(org.kadlab.kad.LookupMode.SEED_ROUNDS)
                .evictStaleAlone(true).shareFailing(true).failureBackoffMs(2_000).scaleCacheTtl(false).build();
        Scenario s = new Scenario("x.yaml", SimConfig.defaults().withKad(kad), List.of(new Scenario.Add(1, 5)));
        String text = ScenarioWriter.toYaml(s);
        assertThat(text).contains("max_failures: 3").contains("rpc_retries: 2").contains("peer_timeout: \"750ms\"")
                .contains("replicate_on_join: false").contains("ping_skip_window: \"0s\"").contains("seed_rounds")
                .contains("evict_stale_alone: true").contains("share_failing: true")
                .contains("failure_backoff: \"2s\"").contains("scale_cache_ttl: false");
        assertThat(ScenarioReader.parse(text, "x.yaml").config().kad()).isEqualTo(kad);
    }
}
