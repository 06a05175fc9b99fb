package org.kadlab.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kadlab.kad.KadTestSupport.ids;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** handleRequest's answers, request-id matching, and transports that answer oddly. */
class RequestHandlingTest {

    @Test
    @DisplayName("handleRequest echoes the request id in every kind of answer and learns the sender")
    void handleRequestEchoesRequestIds() {
        int k = 5;
        KadConfig cfg = ClassicConfig.builder().bits(16).k(k).build();
        TestNetwork net = new TestNetwork(cfg, 61);
        KadNode responder = net.addRandom();
        List<KadNode> senders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            senders.add(net.addRandom());
        }
        Random rnd = new Random(61);
        for (int i = 0; i < 200; i++) {
            KadNode from = senders.get(rnd.nextInt(senders.size()));
            long id = switch (i) {
                case 0 -> 0;
                case 1 -> Long.MAX_VALUE;
                case 2 -> -1;
                default -> rnd.nextLong();
            };
            NodeId target = net.keySpace.randomId(rnd);
            String what = "request id " + id + " from " + from.id();

            assertThat(responder.handleRequest(from.self(), new KadRequest.Ping(id)))
                    .as("%s: PING", what).isEqualTo(new KadResponse.Pong(id));
            assertThat(responder.routingTable().contains(from.id()) || isPending(responder, from))
                    .as("%s: the responder learnt the sender", what).isTrue();

            KadResponse nodes = responder.handleRequest(from.self(), new KadRequest.FindNode(id, target));
            assertThat(nodes).as("%s: FIND_NODE answer", what).isInstanceOf(KadResponse.Nodes.class);
            assertThat(nodes.requestId()).as("%s: FIND_NODE id", what).isEqualTo(id);
            List<NodeId> expected = responder.routingTable().contacts().stream().map(Contact::id)
                    .filter(c -> !c.equals(from.id()))
                    .sorted((a, b) -> NodeId.compareDistance(target, a, b)).limit(k).toList();
            assertThat(ids(((KadResponse.Nodes) nodes).closest()))
                    .as("%s: FIND_NODE gives the k closest known, without the requester", what)
                    .isEqualTo(expected);

            NodeId key = net.keySpace.randomId(rnd);
            KadResponse miss = responder.handleRequest(from.self(), new KadRequest.FindValue(id, key));
            assertThat(miss).as("%s: FIND_VALUE of an absent key", what).isInstanceOf(KadResponse.Nodes.class);
            assertThat(miss.requestId()).as("%s: FIND_VALUE miss id", what).isEqualTo(id);

            assertThat(responder.handleRequest(from.self(), new KadRequest.Store(id, key, "v" + i, 1_000)))
                    .as("%s: STORE", what).isEqualTo(new KadResponse.Stored(id));
            assertThat(responder.handleRequest(from.self(), new KadRequest.FindValue(id, key)))
                    .as("%s: FIND_VALUE hit", what).isEqualTo(new KadResponse.Value(id, "v" + i, 1_000));
            KadResponse bad = responder.handleRequest(from.self(), new KadRequest.Store(id, key, "v", 0));
            assertThat(bad).as("%s: STORE with ttl 0", what).isInstanceOf(KadResponse.Error.class);
            assertThat(((KadResponse.Error) bad).code()).isEqualTo(KadResponse.ErrorCode.BAD_REQUEST);
            assertThat(bad.requestId()).as("%s: error id", what).isEqualTo(id);
            net.runUntilIdle();
        }
    }

    private static boolean isPending(KadNode node, KadNode peer) {
        int i = node.routingTable().bucketIndexOf(peer.id());
        KBucket b = node.routingTable().bucket(i);
        return b != null && (peer.self().equals(b.pendingCandidate()) || b.replacements().contains(peer.self()));
    }

    /** A transport over {@code net} whose answers to requests accepted by {@code lie} carry a wrong id. */
    private static KadTransport lyingTransport(TestNetwork net, Contact self,
                                               Predicate<KadRequest> lie) {
        return (target, request, handler) -> {
            net.log.add(new TestNetwork.Sent(net.now, self.id(), target.id(), request));
            KadNode peer = net.node(target.id());
            net.schedule(1, () -> {
                KadResponse real = peer.handleRequest(self, request);
                KadResponse answer = !lie.test(request) ? real
                        : real instanceof KadResponse.Nodes n ? new KadResponse.Nodes(n.requestId() + 1, n.closest())
                        : real instanceof KadResponse.Stored s ? new KadResponse.Stored(s.requestId() + 1)
                        : new KadResponse.Pong(real.requestId() + 1);
                net.schedule(1, () -> handler.onResponse(answer));
            });
        };
    }

    @Test
    @DisplayName("a FIND_NODE answer with the wrong request id is a failure: not a result, counted, and the contact evicted")
    void findNodeAnswerWithWrongIdIsAFailure() {
        KadConfig cfg = ClassicConfig.builder().bits(8).k(4).maxFailures(1).build();
        TestNetwork net = new TestNetwork(cfg, 62);
        RecordingObserver seen = new RecordingObserver();
        Contact self = new Contact(net.id("0x01"), "liar");
        KadNode origin = new KadNode(self, cfg, lyingTransport(net, self, r -> true), net.clock(), new Random(1),
                KadNode.DIRECT, seen);
        KadNode peer = net.add(net.id("0x80"));
        KadNode other = net.add(net.id("0x81"));
        origin.handleRequest(peer.self(), new KadRequest.Ping(7));
        net.await(net.deliver(other, peer, new KadRequest.Ping(8)));

        LookupResult r = net.await(origin.findNode(net.id("0x90")));
        assertThat(r.closest()).as("the mismatched answer is not a response").isEmpty();
        assertThat(r.failures()).as("failures").isEqualTo(1);
        assertThat(r.rpcs()).as("rpcs").isEqualTo(1);
        assertThat(seen.contactFailures).as("the peer is evicted after the mismatch")
                .containsExactly(new FailureOutcome.Evicted(peer.self(), 7, null));
        assertThat(origin.routingTable().contains(peer.id())).as("peer in the table").isFalse();
        assertThat(net.sent(origin.id(), other.id(), KadRequest.FindNode.class))
                .as("contacts carried by the mismatched answer are not queried").isEmpty();
        assertThat(net.sent(origin.id(), peer.id(), KadRequest.FindNode.class)).as("the peer was asked once").hasSize(1);
    }

    @Test
    @DisplayName("a STORE acknowledged with the wrong request id is reported as failed, not acknowledged")
    void storeAnswerWithWrongIdIsAFailure() {
        KadConfig cfg = ClassicConfig.builder().bits(8).k(4).maxFailures(3).build();
        TestNetwork net = new TestNetwork(cfg, 63);
        Contact self = new Contact(net.id("0x01"), "liar");
        KadNode origin = new KadNode(self, cfg, lyingTransport(net, self, r -> r instanceof KadRequest.Store),
                net.clock(), new Random(1), KadNode.DIRECT, NodeObserver.NONE);
        KadNode peer = net.add(net.id("0x80"));
        origin.handleRequest(peer.self(), new KadRequest.Ping(7));

        StoreResult s = net.await(origin.store(net.id("0x81"), "v"));
        assertThat(ids(s.acknowledged())).as("acknowledged").isEmpty();
        assertThat(ids(s.failed())).as("failed").containsExactly(peer.id());
        KBucket b = origin.routingTable().bucket(7);
        assertThat(b.failures(b.contacts().indexOf(peer.self()))).as("the peer is marked stale").isEqualTo(1);
    }

    /** A network whose transport answers inside send(), on the caller's stack. */
    private static final class SyncNetwork {
        final Map<NodeId, KadNode> nodes = new LinkedHashMap<>();
        final KadConfig config;

        SyncNetwork(KadConfig config) {
            this.config = config;
        }

        KadNode add(NodeId id, Random random) {
            Contact self = new Contact(id, "sync");
            KadTransport t = (target, request, handler) -> {
                KadNode peer = nodes.get(target.id());
                handler.onResponse(peer.handleRequest(self, request));
            };
            KadNode n = new KadNode(self, config, t, () -> 0, new Random(random.nextLong()), KadNode.DIRECT, null);
            nodes.put(id, n);
            return n;
        }
    }

    @Test
    @DisplayName("lookups still converge when the transport answers synchronously inside send()")
    void synchronousTransportConverges() {
        int k = 4;
        KadConfig cfg = ClassicConfig.builder().bits(32).k(k).build();
        KeySpace ks = cfg.keySpace();
        Random random = new Random(64);
        SyncNetwork net = new SyncNetwork(cfg);
        KadNode first = net.add(ks.randomId(random), random);
        for (int i = 1; i < 25; i++) {
            KadNode n = net.add(ks.randomId(random), random);
            assertThat(n.bootstrap(List.of(first.self())).join()).as("node %d joined synchronously", i).isPositive();
        }
        for (KadNode origin : net.nodes.values()) {
            NodeId target = ks.randomId(random);
            var done = origin.findNode(target);
            assertThat(done).as("lookup from %s finished inside the call", origin.id()).isDone();
            List<NodeId> truth = net.nodes.keySet().stream().filter(id -> !id.equals(origin.id()))
                    .sorted((a, b) -> NodeId.compareDistance(target, a, b)).limit(k).toList();
            assertThat(ids(done.join().closest())).as("sync lookup from %s for %s", origin.id(), target)
                    .isEqualTo(truth);
        }
        KadNode publisher = net.nodes.values().iterator().next();
        StoreResult stored = publisher.store("sync-key", "sync-value").join();
        assertThat(stored.acknowledged()).as("sync store acknowledged").isNotEmpty();
        for (KadNode reader : net.nodes.values()) {
            assertThat(reader.findValue("sync-key").join().value()).as("sync find_value from %s", reader.id())
                    .isEqualTo("sync-value");
        }
    }
}
