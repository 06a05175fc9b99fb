package org.kadlab.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.LookupResult;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.StoreResult;

/**
 * Seven node hosts in one JVM over in-process gRPC, each on its own thread and real clock: after
 * they join one by one, find_node from every node returns the brute-force k closest of the others,
 * and a stored value is found from another node.
 */
class NodeHostNetworkTest {
    private static final int NODES = 7;
    private static final KadConfig CONFIG = KadConfig.builder().bits(32).k(4).alpha(3).rpcTimeoutMs(5_000).build();
    private final KeySpace space = CONFIG.keySpace();
    private final InProcessNet net = new InProcessNet();

    @AfterEach
    void cleanUp() throws Exception {
        net.close();
    }

    @Test
    void findNodeReturnsTheBruteForceClosestAndStoredValuesAreFound() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        List<NodeHost> hosts = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            Contact c = new Contact(space.randomId(random), net.name("node" + i));
            contacts.add(c);
            hosts.add(net.host(c, CONFIG, NetLimits.defaults(), 100 + i, null));
        }
        for (int i = 1; i < NODES; i++) {
            hosts.get(i).bootstrap(List.of(contacts.get(0))).get(30, TimeUnit.SECONDS);
        }
        NetTestSupport.settle(hosts);
        for (int i = 0; i < NODES; i++) {
            NodeId target = space.randomId(random);
            LookupResult result = hosts.get(i).findNode(target).get(30, TimeUnit.SECONDS);
            assertThat(result.closest()).extracting(Contact::id)
                    .as("find_node %s from node %d", space.hex(target), i)
                    .containsExactlyElementsOf(NetTestSupport.closest(contacts, contacts.get(i), target, CONFIG.k()));
        }

        StoreResult stored = hosts.get(2).store("greeting", "hello over gRPC").get(30, TimeUnit.SECONDS);
        assertThat(stored.acknowledged()).isNotEmpty();
        LookupResult found = hosts.get(5).findValue("greeting").get(30, TimeUnit.SECONDS);
        assertThat(found.found()).isTrue();
        assertThat(found.value()).isEqualTo("hello over gRPC");
        for (NodeHost h : hosts) {
            assertThat(h.stats().malformedRequests() + h.stats().badAnswers() + h.stats().handlerErrors()).isZero();
        }
    }

}
