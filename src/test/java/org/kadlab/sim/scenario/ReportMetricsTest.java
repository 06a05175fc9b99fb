package org.kadlab.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.OperationRecord;
import org.kadlab.sim.Simulation;

/** The report's resilience figures: find_node recall, a store's acknowledgements from the truth, latency, and their summary. */
class ReportMetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static NodeId id(long v) {
        return NodeId.of(v);
    }

    private static OperationRecord record(String op, List<NodeId> result, List<NodeId> truth, List<NodeId> missed) {
        return new OperationRecord(op, id(99), id(0), 1_000, 1_250, result, null, null, 2, 7, 0, truth,
                result.equals(truth), missed, null, null);
    }

    private static JsonNode report(String yaml) throws IOException, ScenarioException {
        Scenario sc = ScenarioReader.parse(yaml, "metrics.yaml");
        Simulation sim = new Simulation(sc.config());
        new ScenarioRunner(sc, sim).run();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportWriter(sim).write(out, null);
        return JSON.readTree(out.toByteArray());
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }

    // ------------------------------------------------------------------ the rules, on one record

    @Test
    @DisplayName("the recall of an exact lookup is 1.0")
    void recallOfAnExactLookupIsOne() {
        List<NodeId> truth = List.of(id(1), id(2), id(3), id(4));
        assertThat(record("find_node", truth, truth, List.of()).recall()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("the recall of a lookup that missed m of the true k closest is (k - m) / k")
    void recallOfALookupThatMissedMOfKIsTheShareFound() {
        List<NodeId> truth = List.of(id(1), id(2), id(3), id(4));
        OperationRecord missedOne = record("find_node", List.of(id(1), id(2), id(3), id(9)), truth, List.of(id(4)));
        OperationRecord missedThree = record("find_node", List.of(id(2), id(7), id(8), id(9)), truth, List.of(id(1), id(3), id(4)));
        OperationRecord missedAll = record("find_node", List.of(), truth, truth);
        assertThat(missedOne.recall()).isEqualTo(3 / 4.0);
        assertThat(missedThree.recall()).isEqualTo(1 / 4.0);
        assertThat(missedAll.recall()).isEqualTo(0.0);
    }

    @Test
    @DisplayName("a lookup with an empty truth (no live node but the origin) missed nothing: recall 1.0")
    void recallWithAnEmptyTruthIsOne() {
        assertThat(record("find_node", List.of(), List.of(), List.of()).recall()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("a store counts only the acknowledgers that are among the true k closest")
    void storeCountsOnlyAcknowledgersAmongTheTruth() {
        List<NodeId> truth = List.of(id(1), id(2), id(3), id(4));
        OperationRecord store = record("store", List.of(id(1), id(3), id(8)), truth, List.of());
        assertThat(store.ackedOfTruth()).as("1 and 3 are in the truth, 8 is not").isEqualTo(2);
        assertThat(record("find_node", truth, truth, List.of()).ackedOfTruth()).as("not a store").isZero();
    }

    @Test
    @DisplayName("an operation's latency is its end minus its start in virtual time")
    void latencyIsEndMinusStart() {
        assertThat(record("find_value", List.of(), List.of(), List.of()).latencyMs()).isEqualTo(250);
    }

    // ------------------------------------------------------------------ the rules, in a report

    @Test
    @DisplayName("under loss every find_node's recall is the share of its truth in its result, and the mean recall is their mean")
    void reportedRecallIsTheShareOfTheTruthFound() throws IOException, ScenarioException {
        JsonNode rep = report("""
                seed: 4
                bits: 16
                k: 4
                alpha: 2
                loss: 0.1
                steps:
                  - add: 40
                  - lookups: 40
                """);
        double sum = 0;
        int n = 0;
        boolean someMissed = false;
        for (JsonNode o : rep.get("operations")) {
            assertThat(o.get("op").asText()).isEqualTo("find_node");
            Set<String> truth = texts(o.get("truth"));
            Set<String> found = texts(o.get("result"));
            found.retainAll(truth);
            double want = truth.isEmpty() ? 1.0 : (double) found.size() / truth.size();
            double recall = o.get("recall").asDouble();
            assertThat(recall).as("recall of %s", o).isCloseTo(want, within(1e-12));
            if (o.get("exact").asBoolean()) {
                assertThat(recall).as("an exact lookup has recall 1.0").isEqualTo(1.0);
            }
            someMissed |= recall < 1.0;
            sum += recall;
            n++;
        }
        assertThat(n).isEqualTo(40);
        assertThat(someMissed).as("10% loss makes some lookup miss a true closest node, so the rule is tested").isTrue();
        JsonNode stats = rep.get("stats");
        assertThat(stats.get("find_node_mean_recall").asDouble()).isCloseTo(sum / n, within(1e-12));
        assertThat(stats.get("find_node_mean_recall").asDouble())
                .as("the mean recall is at least the exact share: an exact lookup has recall 1")
                .isGreaterThanOrEqualTo(stats.get("find_node_exact_share").asDouble());
    }

    @Test
    @DisplayName("a store reports how many of the true k closest acknowledged it and the truth's size; a find_value its latency")
    void storeAndFindValueFiguresFollowTheirRules() throws IOException, ScenarioException {
        JsonNode rep = report("""
                seed: 2
                bits: 16
                k: 4
                steps:
                  - add: 25
                  - store: {key: "a", value: "1"}
                  - find_value: {key: "a"}
                  - find_value: {key: "never stored"}
                """);
        JsonNode ops = rep.get("operations");
        JsonNode store = ops.get(0);
        assertThat(store.get("op").asText()).isEqualTo("store");
        Set<String> acked = texts(store.get("result"));
        acked.retainAll(texts(store.get("truth")));
        assertThat(store.get("acked_of_truth").asInt()).isEqualTo(acked.size());
        assertThat(store.get("acked_of_truth").asInt()).as("every true closest node answers without loss").isEqualTo(4);
        assertThat(store.get("truth_size").asInt()).isEqualTo(store.get("truth").size()).isEqualTo(4);
        assertThat(store.get("recall").isNull()).as("recall is a find_node figure").isTrue();
        for (JsonNode fv : List.of(ops.get(1), ops.get(2))) {
            assertThat(fv.get("op").asText()).isEqualTo("find_value");
            assertThat(fv.get("latency_ms").asLong()).isEqualTo(fv.get("end_ms").asLong() - fv.get("start_ms").asLong());
            assertThat(fv.get("acked_of_truth").isNull()).as("acknowledgements are a store's").isTrue();
            assertThat(fv.get("truth_size").isNull()).isTrue();
        }
        JsonNode stats = rep.get("stats");
        assertThat(stats.get("find_value_ran").asInt()).isEqualTo(2);
        assertThat(stats.get("find_value_found").asInt()).isEqualTo(1);
        assertThat(stats.get("find_value_success_share").asDouble()).isEqualTo(0.5);
        assertThat(stats.get("find_node_mean_recall").isNull()).as("no find_node judged: no mean recall").isTrue();
    }

    @Test
    @DisplayName("a report with no find_value says null for the find_value success share, not 0 or 100 %")
    void reportWithoutFindValueHasNullSuccess() throws IOException, ScenarioException {
        JsonNode stats = report("""
                seed: 3
                bits: 16
                k: 4
                steps:
                  - add: 12
                  - lookups: 3
                """).get("stats");
        assertThat(stats.get("find_value_ran").asInt()).isZero();
        assertThat(stats.has("find_value_success_share")).as("the field is still written").isTrue();
        assertThat(stats.get("find_value_success_share").isNull()).as("a share of nothing is undefined: %s", stats).isTrue();
        assertThat(stats.get("find_node_mean_recall").isNumber()).isTrue();
    }
}
