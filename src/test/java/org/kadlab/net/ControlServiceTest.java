package org.kadlab.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.net.wire.LookupReply;
import org.kadlab.net.wire.NodeEvent;
import org.kadlab.net.wire.Peer;
import org.kadlab.net.wire.StoreReply;
import org.kadlab.net.wire.TableReply;

/**
 * The control calls through a {@link NodeClient}: who a node is, find-node, store, find-value and
 * the routing table answer as the node itself would; bad arguments get INVALID_ARGUMENT; the event
 * stream carries a lookup's RPCs and progress in order.
 */
class ControlServiceTest {
    private static final KadConfig CONFIG = KadConfig.builder().bits(32).k(4).alpha(3).rpcTimeoutMs(5_000).build();
    private final KeySpace space = CONFIG.keySpace();
    private final InProcessNet net = new InProcessNet();
    private final List<NodeHost> hosts = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        net.close();
    }

    private void network(int n) throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            Contact c = new Contact(space.randomId(random), net.name("ctl" + i));
            contacts.add(c);
            hosts.add(net.host(c, CONFIG, NetLimits.defaults(), 40 + i, null));
        }
        for (int i = 1; i < n; i++) {
            hosts.get(i).bootstrap(List.of(contacts.get(0))).get(30, TimeUnit.SECONDS);
        }
        NetTestSupport.settle(hosts);
    }

    private NodeClient client(int i) {
        NodeClient c = NodeClient.connect(contacts.get(i).address(), net.channels(), null, 20_000);
        net.onClose(c);
        return c;
    }

    @Test
    void operationsThroughANodeAnswerAsTheNodeWould() throws Exception {
        network(6);
        NodeClient c = client(3);
        assertThat(c.id()).isEqualTo(contacts.get(3).id());
        assertThat(c.info().getBits()).isEqualTo(32);
        assertThat(c.info().getK()).isEqualTo(4);

        NodeId target = space.randomId(new SplittableRandom(99));
        LookupReply reply = c.findNode(target);
        List<NodeId> expected = NetTestSupport.closest(contacts, contacts.get(3), target, CONFIG.k());
        assertThat(ids(c, reply.getClosestList())).containsExactlyElementsOf(expected);
        assertThat(reply.getRpcs()).isPositive();

        StoreReply stored = c.store("colour", "blue");
        assertThat(stored.getAcknowledgedCount()).isPositive();
        LookupReply found = client(1).findValue("colour");
        assertThat(found.getFound()).isTrue();
        assertThat(found.getValue()).isEqualTo("blue");
        assertThat(client(2).findValue("no such key").getFound()).isFalse();

        TableReply table = c.table();
        int contactsInTable = table.getBucketsList().stream().mapToInt(b -> b.getContactsCount()).sum();
        int hostTable = hosts.get(3).inspect(n -> n.routingTable().size()).get(5, TimeUnit.SECONDS);
        assertThat(contactsInTable).isEqualTo(hostTable).isPositive();
        for (var bucket : table.getBucketsList()) {
            for (var tc : bucket.getContactsList()) {
                NodeId id = c.codec().nodeId(tc.getPeer().getId(), "id");
                assertThat(KeySpace.distance(contacts.get(3).id(), id).bitLength() - 1).isEqualTo(bucket.getIndex());
            }
        }
    }

    @Test
    void badArgumentsAreRefusedWithTheReason() throws Exception {
        network(2);
        NodeClient c = client(0);
        assertThatThrownBy(() -> c.findValue(" ")).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("key is empty");
                });
        assertThatThrownBy(() -> c.store("k", "x".repeat(ControlService.MAX_TEXT + 1)))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        NodeClient wide = client(1);
        // an id of another width: build the request by hand
        var stub = org.kadlab.net.wire.ControlGrpc.newBlockingStub(net.channels().open(contacts.get(1).address()));
        assertThatThrownBy(() -> stub.findNode(org.kadlab.net.wire.FindNodeRequest.newBuilder()
                .setTarget(com.google.protobuf.ByteString.copyFrom(new byte[7])).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("4 bytes");
                });
        assertThat(wide.refreshInfo().getTableSize()).isPositive(); // the node goes on
    }

    @Test
    void theEventStreamCarriesALookupRpcByRpc() throws Exception {
        network(5);
        NodeClient c = client(2);
        List<NodeEvent> seen = new CopyOnWriteArrayList<>();
        NodeClient.Subscription sub = c.events(seen::add, e -> { });
        waitFor(() -> hosts.get(2).feed().observers() == 1);
        LookupReply reply = c.findNode(space.randomId(new SplittableRandom(3)));
        waitFor(() -> seen.stream().anyMatch(e -> e.getKind() == NodeEvent.Kind.LOOKUP_FINISHED
                && e.getLookup() == reply.getLookupId()));
        sub.close();
        List<NodeEvent> mine = seen.stream().filter(e -> e.getLookup() == reply.getLookupId()
                || e.getKind().name().startsWith("RPC_")).toList();
        assertThat(mine.get(0).getKind()).isEqualTo(NodeEvent.Kind.LOOKUP_STARTED);
        long sent = seen.stream().filter(e -> e.getKind() == NodeEvent.Kind.RPC_SENT
                && e.getRpcType().equals("FIND_NODE")).count();
        assertThat(sent).isEqualTo(reply.getRpcs());
        assertThat(seen.stream().filter(e -> e.getKind() == NodeEvent.Kind.LOOKUP_PROGRESSED
                && e.getState().equals("SUCCEEDED")).count()).isPositive();
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).getSeq()).as("events in order").isGreaterThan(seen.get(i - 1).getSeq());
        }
        NodeEvent finished = seen.stream().filter(e -> e.getKind() == NodeEvent.Kind.LOOKUP_FINISHED
                && e.getLookup() == reply.getLookupId()).findFirst().orElseThrow();
        assertThat(finished.getResultList()).isEqualTo(reply.getClosestList().stream().map(Peer::getId).toList());
        waitFor(() -> hosts.get(2).feed().observers() == 0);
    }

    private static List<NodeId> ids(NodeClient c, List<Peer> peers) throws MalformedMessageException {
        List<NodeId> out = new ArrayList<>();
        for (Peer p : peers) {
            out.add(c.codec().nodeId(p.getId(), "id"));
        }
        return out;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(until);
            Thread.sleep(10);
        }
    }
}
