package org.kadlab.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KBucket;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.LookupResult;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.RoutingTable;
import org.kadlab.kad.StoreResult;

/**
 * Thirty real nodes in one JVM, each with its own TCP port on loopback: after they join, find_node
 * from every node returns the brute-force k closest; a stored value is found from elsewhere; a
 * killed node times out, is counted as failing by the staleness rules and drops out of results;
 * and after the test nothing listens on any of the ports.
 */
class LoopbackNetworkTest {
    private static final int NODES = 30;
    private static final KadConfig CONFIG = KadConfig.builder().bits(64).k(5).alpha(3).rpcTimeoutMs(500)
            .peerTimeoutMs(500).maxFailures(2).failureBackoffMs(0).build();
    private final KeySpace space = CONFIG.keySpace();
    private final List<NodeHost> hosts = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    @AfterEach
    void stopAll() {
        hosts.forEach(NodeHost::close);
    }

    @Test
    void thirtyNodesOverTcpFindTheTrueClosestSurviveAKillAndLeaveNothingListening() throws Exception {
        SplittableRandom random = new SplittableRandom(2026);
        NetLimits limits = NetLimits.defaults();
        for (int i = 0; i < NODES; i++) {
            int port = freePort();
            Contact c = new Contact(space.randomId(random), "127.0.0.1:" + port);
            hosts.add(NodeHost.start(c, CONFIG, limits, TcpEndpoints.server("127.0.0.1", port, limits),
                    TcpEndpoints.channels(limits), 500 + i, null));
            contacts.add(c);
            ports.add(port);
        }
        for (int i = 1; i < NODES; i++) {
            Contact seed = contacts.get(random.nextInt(i)); // any node already in
            assertThat(hosts.get(i).bootstrap(List.of(seed)).get(30, TimeUnit.SECONDS)).as("table of node %d", i)
                    .isPositive();
        }
        NetTestSupport.settle(hosts);

        for (int i = 0; i < NODES; i++) {
            NodeId target = space.randomId(random);
            LookupResult result = hosts.get(i).findNode(target).get(30, TimeUnit.SECONDS);
            assertThat(ids(result.closest())).as("find_node %s from node %d", space.hex(target), i)
                    .containsExactlyElementsOf(NetTestSupport.closest(contacts, contacts.get(i), target, CONFIG.k()));
        }

        StoreResult stored = hosts.get(4).store("loopback", "thirty nodes").get(30, TimeUnit.SECONDS);
        assertThat(stored.acknowledged()).hasSize(CONFIG.k());
        LookupResult found = hosts.get(17).findValue("loopback").get(30, TimeUnit.SECONDS);
        assertThat(found.found()).isTrue();
        assertThat(found.value()).isEqualTo("thirty nodes");

        // kill one node: the others time out on it and the staleness rules take it out
        int victim = 9;
        Contact dead = contacts.get(victim);
        hosts.get(victim).close();
        List<Contact> live = new ArrayList<>(contacts);
        live.remove(victim);
        int origin = nodeKnowing(dead.id(), victim);
        assertThat(origin).as("some node has the victim in its table").isNotNegative();
        long timeoutsBefore = hosts.get(origin).stats().timeouts() + hosts.get(origin).stats().unreachable();
        for (int round = 0; round < CONFIG.maxFailures(); round++) {
            LookupResult r = hosts.get(origin).findNode(dead.id()).get(30, TimeUnit.SECONDS);
            assertThat(ids(r.closest())).as("a dead node is never in a result").doesNotContain(dead.id())
                    .containsExactlyElementsOf(NetTestSupport.closest(live, contacts.get(origin), dead.id(), CONFIG.k()));
            assertThat(r.failures()).as("the dead node failed in lookup round %d", round).isPositive();
        }
        assertThat(hosts.get(origin).stats().timeouts() + hosts.get(origin).stats().unreachable())
                .isGreaterThan(timeoutsBefore);
        int failures = hosts.get(origin).inspect(n -> failuresOf(n.routingTable(), dead.id())).get(5, TimeUnit.SECONDS);
        assertThat(failures).as("after %d failed RPCs the dead contact is evicted (-1) or flagged stale",
                CONFIG.maxFailures()).satisfiesAnyOf(f -> assertThat(f).isEqualTo(-1),
                f -> assertThat(f).isGreaterThanOrEqualTo(CONFIG.maxFailures()));

        hosts.forEach(NodeHost::close);
        for (int port : ports) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(s.getLocalPort()).as("port %d is free again", port).isEqualTo(port);
            }
        }
    }

    /** A live node other than {@code victim} whose table holds {@code id}, or -1. */
    private int nodeKnowing(NodeId id, int victim) throws Exception {
        for (int i = 0; i < NODES; i++) {
            if (i != victim && hosts.get(i).inspect(n -> n.routingTable().contains(id)).get(5, TimeUnit.SECONDS)) {
                return i;
            }
        }
        return -1;
    }

    /** The consecutive failures of the contact {@code id}, or -1 when it is not in the table. */
    private static int failuresOf(RoutingTable table, NodeId id) {
        for (KBucket b : table.nonEmptyBuckets()) {
            for (int i = 0; i < b.size(); i++) {
                if (b.contact(i).id().equals(id)) {
                    return b.failures(i);
                }
            }
        }
        return -1;
    }


    private static List<NodeId> ids(List<Contact> cs) {
        return cs.stream().map(Contact::id).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
