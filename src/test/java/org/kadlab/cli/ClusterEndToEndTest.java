package org.kadlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import picocli.CommandLine;

/**
 * {@code kadlab cluster} end to end, as real processes: five nodes start and print their ids;
 * find-node through one returns the brute-force closest of the others; a value stored through one
 * node is found through another; a killed node is listed down and is absent from lookups; a
 * revived one answers with its old id; stopping the cluster leaves no process and no port behind.
 */
class ClusterEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NODE_LINE = Pattern.compile("^node (\\d+)  (\\S+)  ([0-9a-f]{40})$");
    private static final KeySpace SPACE = new KeySpace(160);
    private static final int NODES = 5;

    private Process cluster;
    private final List<ProcessHandle> children = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        if (cluster != null) {
            children.addAll(cluster.descendants().toList());
            cluster.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** A base port with the control port below it and the node ports above it all free now. */
    private static int freeBasePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int p;
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress("127.0.0.1", 0));
                p = s.getLocalPort();
            }
            if (p > 1 && p + NODES < 65_535 && allFree(p - 1, p + NODES - 1)) {
                return p;
            }
        }
        throw new IOException("no free run of ports found");
    }

    private static boolean allFree(int from, int to) {
        for (int port = from; port <= to; port++) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode ctl(String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = KadLabCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("ctl", "--json", "--timeout-ms", "20000"));
        all.addAll(List.of(args));
        int code = cl.execute(all.toArray(String[]::new));
        assertThat(code).as("ctl %s: %s", List.of(args), err).isZero();
        return JSON.readTree(out.toString());
    }

    private static List<String> ids(JsonNode peers) {
        return StreamSupport.stream(peers.spliterator(), false).map(p -> p.get("id").asText()).toList();
    }

    private static List<String> closest(List<String> ids, String target) {
        BigInteger t = new BigInteger(target, 16);
        return ids.stream().sorted(Comparator.comparing((String id) -> new BigInteger(id, 16).xor(t))).toList();
    }

    @Test
    void aClusterOfProcessesServesLookupsSurvivesAKillAndRevivesANode() throws Exception {
        int base = freeBasePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        cluster = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.kadlab.Launcher",
                "cluster", "--nodes", String.valueOf(NODES), "--base-port", String.valueOf(base), "--rpc-timeout-ms", "1000")
                .redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(cluster.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the cluster is gone
            }
        });
        reader.setDaemon(true);
        reader.start();

        List<String> addresses = new ArrayList<>();
        List<String> nodeIds = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                assertThat(cluster.isAlive()).as("the cluster exited early: %s", seen).isTrue();
                continue;
            }
            seen.add(line);
            Matcher m = NODE_LINE.matcher(line);
            if (m.matches()) {
                assertThat(Integer.parseInt(m.group(1))).isEqualTo(addresses.size());
                addresses.add(m.group(2));
                nodeIds.add(m.group(3));
            }
            if (line.startsWith("ready:")) {
                break;
            }
        }
        assertThat(seen).as("output so far").anyMatch(l -> l.startsWith("ready:"));
        assertThat(addresses).hasSize(NODES);
        assertThat(addresses.get(0)).isEqualTo("127.0.0.1:" + base);
        String control = "127.0.0.1:" + (base - 1);
        children.addAll(cluster.descendants().toList());
        assertThat(cluster.children().count()).isEqualTo(NODES);

        // one lookup through every node first: fresh JVMs open their channels and warm up, so that
        // the short RPC timeout measures the protocol rather than a cold start
        for (String address : addresses) {
            ctl("--node", address, "find-node", SPACE.hex(SPACE.randomId(new SplittableRandom(address.hashCode()))));
        }

        // find-node through node 0: the k (20) closest are all the other nodes, by XOR distance
        String target = SPACE.hex(SPACE.randomId(new SplittableRandom(7)));
        JsonNode found = ctl("--node", addresses.get(0), "find-node", target);
        assertThat(ids(found.get("closest"))).as(found.toString())
                .containsExactlyElementsOf(closest(nodeIds.subList(1, NODES), target));

        // store through node 1, find through node 3
        JsonNode stored = ctl("--node", addresses.get(1), "store", "colour", "teal");
        assertThat(stored.get("acknowledged").size()).isPositive();
        JsonNode value = ctl("--node", addresses.get(3), "find-value", "colour");
        assertThat(value.get("found").asBoolean()).isTrue();
        assertThat(value.get("value").asText()).isEqualTo("teal");

        // kill node 2: listed down; a lookup for its id still succeeds and returns only live nodes
        ctl("--cluster", control, "kill", "2");
        JsonNode list = ctl("--cluster", control, "list");
        assertThat(list.get("nodes").get(2).get("alive").asBoolean()).isFalse();
        assertThat(list.get("nodes").get(2).get("id").asText()).isEqualTo(nodeIds.get(2));
        JsonNode afterKill = ctl("--node", addresses.get(0), "find-node", nodeIds.get(2));
        List<String> live = List.of(nodeIds.get(1), nodeIds.get(3), nodeIds.get(4));
        assertThat(ids(afterKill.get("closest"))).as(afterKill.toString()).containsExactlyElementsOf(closest(live, nodeIds.get(2)));

        // revive node 2: same id and address, alive again
        ctl("--cluster", control, "revive", "2");
        JsonNode ping = ctl("--node", addresses.get(2), "ping");
        assertThat(ping.get("id").asText()).isEqualTo(nodeIds.get(2));
        assertThat(ping.get("cluster").asText()).isEqualTo(control);
        assertThat(ctl("--cluster", control, "list").get("nodes").get(2).get("alive").asBoolean()).isTrue();

        // stop the cluster as Ctrl-C would: every node process ends, every port is free again
        List<ProcessHandle> before = cluster.descendants().toList();
        children.addAll(before);
        assertThat(before).hasSizeGreaterThanOrEqualTo(NODES);
        cluster.destroy();
        assertThat(cluster.waitFor(60, TimeUnit.SECONDS)).as("the cluster stops").isTrue();
        for (ProcessHandle child : before) {
            child.onExit().get(30, TimeUnit.SECONDS);
            assertThat(child.isAlive()).isFalse();
        }
        assertThat(allFree(base - 1, base + NODES - 1)).as("no port left listening").isTrue();
    }
}
