package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kadlab.kad.KBucket;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.RoutingTable;
import org.kadlab.sim.HealthReport;
import org.kadlab.sim.SimNode;
import org.kadlab.sim.TableCapture;
import org.kadlab.sim.TableHealth;
import org.kadlab.sim.scenario.TablesWriter;

/** Every routing table written as JSON (per node, with the health summary) and as CSV (per contact), and read back. */
class TablesExportTest {

    /** The default network with two nodes crashed, so that some contacts are dead. */
    private static NetworkViewModel network() {
        NetworkViewModel vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
        vm.selection().select(vm.simulation().nodes().get(4).id());
        vm.commands().killSelected();
        vm.selection().select(vm.simulation().nodes().get(9).id());
        vm.commands().killSelected();
        return vm;
    }

    /** "node,bucket,position,contact,last_seen,failures" of every contact of every node, from the tables themselves. */
    private static Set<String> expectedRows(NetworkViewModel vm) {
        KeySpace ks = vm.keySpace();
        Set<String> rows = new HashSet<>();
        for (SimNode n : vm.simulation().nodes()) {
            RoutingTable rt = n.kad().routingTable();
            for (KBucket b : rt.nonEmptyBuckets()) {
                for (int p = 0; p < b.size(); p++) {
                    rows.add(ks.hex(n.id()) + "," + b.index() + "," + p + "," + ks.hex(b.contact(p).id()) + ","
                            + b.lastSeen(p) + "," + b.failures(p));
                }
            }
        }
        return rows;
    }

    @Test
    void theCsvHasOneRowPerNodeAndContact(@TempDir Path dir) throws Exception {
        NetworkViewModel vm = network();
        Path out = dir.resolve("tables.csv");
        long written = NetworkExports.writeTablesCsv(vm.exports().captureTables(), out);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo(TablesWriter.CSV_HEADER);
        Set<String> expected = expectedRows(vm);
        long contacts = vm.simulation().nodes().stream().mapToLong(n -> n.kad().routingTable().size()).sum();
        assertThat(written).isEqualTo(contacts);
        assertThat(lines).hasSize((int) contacts + 1);
        Set<String> read = new HashSet<>();
        int deadRows = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertThat(f).hasSize(9);
            read.add(f[0] + "," + f[2] + "," + f[3] + "," + f[4] + "," + f[5] + "," + f[6]);
            assertThat(f[7]).as("stale is failures above zero").isEqualTo(String.valueOf(Integer.parseInt(f[6]) > 0));
            assertThat(f[8]).isEqualTo(String.valueOf(vm.simulation().node(vm.keySpace().parse(f[4])).isAlive()));
            deadRows += "false".equals(f[8]) ? 1 : 0;
        }
        assertThat(read).isEqualTo(expected);
        assertThat(deadRows).as("the crashed nodes are still someone's contacts").isPositive();
    }

    @Test
    void theJsonHasOneEntryPerNodeItsBucketsAndTheHealthSummary(@TempDir Path dir) throws Exception {
        NetworkViewModel vm = network();
        Path out = dir.resolve("tables.json");
        TableCapture tables = vm.exports().captureTables();
        assertThat(NetworkExports.writeTablesJson(tables, out)).isEqualTo(32);
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        HealthReport h = TableHealth.analyze(tables);
        assertThat(root.get("bits").asInt()).isEqualTo(16);
        assertThat(root.get("k").asInt()).isEqualTo(4);
        JsonNode health = root.get("health");
        assertThat(health.get("live_nodes").asInt()).isEqualTo(30);
        assertThat(health.get("dead").asLong()).isEqualTo(h.dead()).isPositive();
        assertThat(health.get("closest_share").asDouble()).isEqualTo(h.closestShare());
        assertThat(health.get("ipfs_closest_share").asDouble()).isEqualTo(0.61);
        JsonNode nodes = root.get("nodes");
        assertThat(nodes).hasSize(32);
        Set<String> rows = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            SimNode sim = vm.simulation().nodes().get(i);
            assertThat(n.get("id").asText()).isEqualTo(vm.keySpace().hex(sim.id()));
            assertThat(n.get("alive").asBoolean()).isEqualTo(sim.isAlive());
            assertThat(n.has("health")).as("only live nodes are judged").isEqualTo(sim.isAlive());
            for (JsonNode b : n.get("buckets")) {
                for (JsonNode c : b.get("contacts")) {
                    rows.add(n.get("id").asText() + "," + b.get("index").asInt() + "," + c.get("position").asInt() + ","
                            + c.get("id").asText() + "," + c.get("last_seen_ms").asLong() + "," + c.get("failures").asInt());
                }
            }
        }
        assertThat(rows).isEqualTo(expectedRows(vm));
    }

    @Test
    void theModelJudgesACopyInTheBackgroundAndOnlyAgainWhenTheNetworkChanged() {
        NetworkViewModel vm = network();
        TableHealthModel model = new TableHealthModel(vm);
        assertThat(model.updateAndWait(60_000)).isTrue();
        HealthReport first = model.report();
        assertThat(first).isEqualTo(TableHealth.analyze(TableCapture.of(vm.simulation())));
        assertThat(model.update()).as("nothing changed: no new judgement").isFalse();
        vm.selection().select(vm.simulation().nodes().get(0).id());
        vm.commands().killSelected();
        assertThat(model.updateAndWait(60_000)).isTrue();
        assertThat(model.report().liveNodes()).isEqualTo(first.liveNodes() - 1);
        assertThat(model.buckets(vm.simulation().nodes().get(1).id())).hasSize(16);
        model.shutdown();
    }
}
