package org.kadlab.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kadlab.sim.DurabilitySample;
import org.kadlab.sim.OperationRecord;
import org.kadlab.sim.Simulation;

/** A churn step with a workload and durability sampling: what it measures, where it reports it, what it leaves alone. */
class ChurnWorkloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SCENARIO = """
            seed: 3
            bits: 32
            k: 6
            alpha: 3
            steps:
              - add: 60
              - store: {key: "a", value: "1"}
              - store: {key: "b", value: "2"}
              - store: {key: "c", value: "3"}
              - churn: {model: weibull, mean_session: 2h, shape: 0.6, duration: 3h, lookups_per_hour: 40,
                        find_values_per_hour: 20, sample_every: 20m}
              - lookups: 5
              - find_value: {key: "a"}
            """;

    private record Run(Simulation sim, ScenarioRunner runner, byte[] report) {
    }

    private static Run run(String yaml) throws ScenarioException, IOException {
        Scenario sc = ScenarioReader.parse(yaml, "churn-workload.yaml");
        Simulation sim = new Simulation(sc.config());
        ScenarioRunner runner = new ScenarioRunner(sc, sim);
        runner.run();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportWriter(sim, runner.churnOutcomes()).write(out, null);
        return new Run(sim, runner, out.toByteArray());
    }

    @Test
    @DisplayName("the workload runs through the churn and is tallied in the step's outcome, never in the operation list")
    void workloadIsTalliedApartFromTheOperations() throws Exception {
        Run r = run(SCENARIO);
        List<ChurnOutcome> churns = r.runner().churnOutcomes();
        assertThat(churns).hasSize(1);
        ChurnOutcome c = churns.get(0);
        assertThat(c.endMs() - c.startMs()).isEqualTo(3 * 3_600_000L);
        // Poisson means 120 and 60 over 3 h: far more than none, far fewer than a flood
        assertThat(c.tally().lookups()).isBetween(60, 200);
        assertThat(c.tally().findValues()).isBetween(25, 110);
        assertThat(c.tally().meanRecall()).as("mean recall is a share").isBetween(0.0, 1.0)
                .isGreaterThanOrEqualTo(c.tally().exactShare());
        List<OperationRecord> ops = r.sim().operations();
        assertThat(ops).extracting(OperationRecord::op).as("only the scenario's own operations are listed")
                .containsExactly("store", "store", "store", "find_node", "find_node", "find_node", "find_node", "find_node",
                        "find_value");
        assertThat(r.sim().stats().judgedLookups()).as("the stats count the scenario's own lookups").isEqualTo(5);
        assertThat(r.sim().stats().findValues()).isEqualTo(1);
    }

    @Test
    @DisplayName("durability is sampled at the start, every period and at the end, over the records stored before the churn")
    void durabilityIsSampledEveryPeriod() throws Exception {
        ChurnOutcome c = run(SCENARIO).runner().churnOutcomes().get(0);
        List<DurabilitySample> samples = c.samples();
        assertThat(samples).hasSize(1 + 9); // 3 h every 20 min
        for (int i = 0; i < samples.size(); i++) {
            assertThat(samples.get(i).atMs()).isEqualTo(c.startMs() + i * 20 * 60_000L);
            assertThat(samples.get(i).keys()).isEqualTo(3);
            assertThat(samples.get(i).truthSize()).isEqualTo(6);
            assertThat(samples.get(i).minHolders()).isBetween(0, 6);
            assertThat(samples.get(i).meanHolders()).isBetween((double) samples.get(i).minHolders(), 6.0);
        }
        assertThat(samples.get(0).minHolders()).as("on a loss-free network a fresh record is held by all its k closest").isEqualTo(6);
        assertThat(c.minHolders()).isEqualTo(samples.stream().mapToInt(DurabilitySample::minHolders).min().orElseThrow());
        assertThat(c.samplesDropped()).isZero();
    }

    @Test
    @DisplayName("the report has one churn entry with the workload tally and the samples, and the run is byte-identical when repeated")
    void reportCarriesTheChurnFigures() throws Exception {
        Run r = run(SCENARIO);
        JsonNode churn = JSON.readTree(r.report()).get("churn");
        assertThat(churn.size()).isEqualTo(1);
        JsonNode c = churn.get(0);
        ChurnOutcome o = r.runner().churnOutcomes().get(0);
        assertThat(c.get("line").asInt()).isEqualTo(10);
        assertThat(c.get("model").asText()).isEqualTo("weibull");
        assertThat(c.get("lookups_per_hour").asDouble()).isEqualTo(40);
        assertThat(c.get("sample_every_ms").asLong()).isEqualTo(1_200_000);
        JsonNode w = c.get("workload");
        assertThat(w.get("lookups").asInt()).isEqualTo(o.tally().lookups());
        assertThat(w.get("mean_recall").asDouble()).isCloseTo(o.tally().meanRecall(), within(1e-12));
        assertThat(w.get("found_share").asDouble()).isCloseTo((double) o.tally().found() / o.tally().findValues(), within(1e-12));
        JsonNode d = c.get("durability");
        assertThat(d.get("samples").size()).isEqualTo(o.samples().size());
        assertThat(d.get("min_holders").asInt()).isEqualTo(o.minHolders());
        assertThat(d.get("samples").get(0).get("live_share").asDouble()).isEqualTo(1.0);
        assertThat(run(SCENARIO).report()).as("same seed, same bytes").isEqualTo(r.report());
    }

    @Test
    @DisplayName("churn without a workload has a null workload, shares of nothing are null, and a report without churn has an empty list")
    void churnWithoutWorkload() throws Exception {
        JsonNode rep = JSON.readTree(run("""
                bits: 16
                k: 4
                steps:
                  - add: 20
                  - churn: {model: exponential, mean_session: 30m, duration: 1h}
                """).report());
        JsonNode c = rep.get("churn").get(0);
        assertThat(c.get("workload").isNull()).isTrue();
        assertThat(c.get("sample_every_ms").isNull()).isTrue();
        assertThat(c.get("durability").get("samples").size()).as("start and end").isEqualTo(2);
        assertThat(c.get("durability").get("min_holders").isNull()).as("no record stored, nothing to hold").isTrue();
        assertThat(c.get("durability").get("samples").get(0).get("live_share").isNull()).isTrue();

        JsonNode none = JSON.readTree(run("bits: 16\nk: 4\nsteps:\n  - add: 5\n").report());
        assertThat(none.get("churn").isArray()).isTrue();
        assertThat(none.get("churn").size()).isZero();
    }

    @Test
    @DisplayName("the summary of churn outcomes names recall, find_value success and the fewest holders")
    void summaryNamesRecallAndFindValueSuccess() throws Exception {
        ChurnOutcome c = run(SCENARIO).runner().churnOutcomes().get(0);
        String line = ChurnOutcome.describe(List.of(c));
        assertThat(line).startsWith("during churn: " + c.tally().lookups() + " lookups, mean recall ")
                .contains("find_value found " + c.tally().found() + " of " + c.tally().findValues())
                .endsWith("each record held by at least " + c.minHolders() + " of its true 6 closest");
    }
}
