package org.kadlab.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kadlab.kad.KadTestSupport.assertWellFormed;
import static org.kadlab.kad.KadTestSupport.describe;
import static org.kadlab.kad.KadTestSupport.ids;
import static org.kadlab.kad.KadTestSupport.joined;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Lookups among dead nodes, and what failed RPCs do to the origin's routing table (seed gap 2: a
 * failure marks the contact stale, maxFailures consecutive failures evict it and promote a
 * replacement).
 */
class LookupFailureTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(LookupMode.class)
    @DisplayName("with 30% of nodes dead a lookup terminates with live responders only, counts its failures and evicts the dead")
    void lookupWithThirtyPercentDeadTerminatesAndEvictsTheDead(LookupMode mode) {
        for (long seed : new long[] {101, 202}) {
            int k = 8;
            KadConfig cfg = ClassicConfig.builder().bits(160).k(k).alpha(3).lookupMode(mode).maxFailures(1).build();
            TestNetwork net = joined(cfg, seed, 50);
            List<NodeId> all = new ArrayList<>(net.liveIds());
            Random pick = new Random(seed);
            Set<NodeId> dead = new HashSet<>();
            while (dead.size() < 15) {
                dead.add(all.get(pick.nextInt(all.size())));
            }
            dead.forEach(net::kill);
            String scenario = mode + " seed=" + seed + " with 15 of 50 dead";
            int totalFailures = 0;
            for (NodeId origin : net.liveIds()) {
                NodeId target = net.keySpace.randomId(net.random);
                String what = describe(net, scenario, origin, target);
                int logStart = net.log.size();
                LookupResult r = net.await(net.node(origin).findNode(target));

                List<NodeId> asked = new ArrayList<>();
                Set<NodeId> deadAsked = new LinkedHashSet<>();
                int timedOutBeforeEnd = 0;
                int timedOutByEnd = 0;
                for (TestNetwork.Sent s : net.log.subList(logStart, net.log.size())) {
                    if (s.from().equals(origin) && s.request() instanceof KadRequest.FindNode f
                            && f.target().equals(target)) {
                        asked.add(s.to());
                        if (dead.contains(s.to())) {
                            deadAsked.add(s.to());
                            long failsAt = s.at() + cfg.rpcTimeoutMs();
                            timedOutBeforeEnd += failsAt < r.endMs() ? 1 : 0;
                            timedOutByEnd += failsAt <= r.endMs() ? 1 : 0;
                        }
                    }
                }

                assertWellFormed(r, k, what);
                assertThat(asked).as("%s: no peer asked twice", what).doesNotHaveDuplicates();
                assertThat(r.rpcs()).as("%s: rpcs = FIND_NODEs sent", what).isEqualTo(asked.size());
                assertThat(ids(r.closest())).as("%s: only live peers that were asked", what)
                        .doesNotContainAnyElementsOf(dead)
                        .isSubsetOf(asked)
                        .isNotEmpty();
                // a dead peer still in flight when the k closest have answered is not waited for
                assertThat(r.failures()).as("%s: failures = dead peers %s whose timeout fired before the end", what, deadAsked)
                        .isBetween(timedOutBeforeEnd, timedOutByEnd);
                for (NodeId d : deadAsked) {
                    assertThat(net.node(origin).routingTable().contains(d))
                            .as("%s: dead peer %s, once its request timed out, is evicted (maxFailures = 1)", what, d)
                            .isFalse();
                }
                totalFailures += r.failures();
            }
            assertThat(totalFailures).as("%s: the dead were actually met", scenario).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LookupMode.class)
    @DisplayName("when every initial peer is dead each is asked once and the lookup ends empty after one timeout")
    void everyInitialPeerDeadEndsEmpty(LookupMode mode) {
        KadConfig cfg = ClassicConfig.builder().bits(8).k(4).alpha(3).lookupMode(mode).build();
        TestNetwork net = new TestNetwork(cfg, 1);
        KadNode origin = net.add(net.id("0b0000_0000"));
        List<KadNode> peers = List.of(net.add(net.id("0b0001_0000")), net.add(net.id("0b0100_0000")),
                net.add(net.id("0b1000_0000")));
        for (KadNode p : peers) {
            net.await(net.deliver(p, origin, new KadRequest.Ping(1)));
        }
        assertThat(origin.routingTable().size()).as("origin knows the three peers").isEqualTo(3);
        peers.forEach(p -> net.kill(p.id()));

        NodeId target = net.id("0b0110_0110");
        LookupResult r = net.await(origin.findNode(target));

        assertThat(r.closest()).as("%s: result when all peers are dead", mode).isEmpty();
        assertThat(r.failures()).as("%s: failures", mode).isEqualTo(3);
        assertThat(r.rpcs()).as("%s: rpcs", mode).isEqualTo(3);
        assertThat(r.endMs() - r.startMs()).as("%s: ends when the timeouts fire", mode).isEqualTo(cfg.rpcTimeoutMs());
        for (KadNode p : peers) {
            assertThat(net.sent(origin.id(), p.id(), KadRequest.FindNode.class))
                    .as("%s: FIND_NODEs to dead peer %s", mode, p.id()).hasSize(1);
            assertThat(origin.routingTable().contains(p.id())).as("%s: dead peer %s evicted", mode, p.id()).isFalse();
        }
    }

    /**
     * k = 2, 8-bit ids: A = 1000_0000 and B = 1000_0001 fill the origin's bucket 7, newcomer C =
     * 1100_0000 waits in its replacement cache (A answered the ping). With maxFailures = 2, B's first
     * failed RPC marks it stale, the second evicts it and promotes C.
     */
    @Test
    @DisplayName("a failed RPC marks the contact stale, the maxFailures-th evicts it and promotes the replacement")
    void failedRpcsMarkStaleThenEvictAndPromote() {
        KadConfig cfg = ClassicConfig.builder().bits(8).k(2).alpha(3).maxFailures(2).build();
        TestNetwork net = new TestNetwork(cfg, 1);
        RecordingObserver seen = new RecordingObserver();
        KadNode origin = net.add(net.id("0b0000_0000"), seen);
        KadNode a = net.add(net.id("0b1000_0000"));
        KadNode b = net.add(net.id("0b1000_0001"));
        KadNode c = net.add(net.id("0b1100_0000"));
        net.await(net.deliver(a, origin, new KadRequest.Ping(1)));
        net.await(net.deliver(b, origin, new KadRequest.Ping(2)));
        net.await(net.deliver(c, origin, new KadRequest.Ping(3)));
        KBucket bucket = origin.routingTable().bucket(7);
        assertThat(bucket.contacts()).as("bucket 7 after A answered the ping for newcomer C")
                .containsExactly(b.self(), a.self());
        assertThat(bucket.replacements()).as("replacement cache of bucket 7").containsExactly(c.self());

        net.kill(b.id());
        seen.clear();
        LookupResult first = net.await(origin.findNode(b.id()));
        assertThat(first.failures()).as("first lookup towards dead B: failures").isEqualTo(1);
        assertThat(seen.contactFailures).as("first failure of B")
                .containsExactly(new FailureOutcome.Stale(b.self(), 7, 1));
        assertThat(bucket.contacts()).as("B is stale but still held after 1 of 2 failures").contains(b.self());
        assertThat(bucket.failures(bucket.contacts().indexOf(b.self()))).as("B's failure count").isEqualTo(1);

        seen.clear();
        net.await(origin.findNode(b.id()));
        assertThat(seen.contactFailures).as("second failure of B")
                .containsExactly(new FailureOutcome.Evicted(b.self(), 7, c.self()));
        assertThat(bucket.contacts()).as("bucket 7 after B's eviction").containsExactly(a.self(), c.self());
        assertThat(bucket.replacements()).as("C left the replacement cache").isEmpty();
    }

    @Test
    @DisplayName("a stale contact that answers again is no longer stale")
    void staleContactThatAnswersIsCleared() {
        KadConfig cfg = ClassicConfig.builder().bits(8).k(2).alpha(3).maxFailures(2).build();
        TestNetwork net = new TestNetwork(cfg, 1);
        KadNode origin = net.add(net.id("0b0000_0000"));
        KadNode b = net.add(net.id("0b1000_0001"));
        net.await(net.deliver(b, origin, new KadRequest.Ping(1)));
        KBucket bucket = origin.routingTable().bucket(7);

        net.kill(b.id());
        net.await(origin.findNode(b.id()));
        assertThat(bucket.failures(0)).as("B after one failed FIND_NODE").isEqualTo(1);

        net.revive(b.id());
        LookupResult r = net.await(origin.findNode(b.id()));
        assertThat(ids(r.closest())).as("revived B answers").containsExactly(b.id());
        assertThat(bucket.failures(0)).as("B's failure count after it answered").isZero();

        net.kill(b.id());
        net.await(origin.findNode(b.id()));
        assertThat(origin.routingTable().contains(b.id()))
                .as("one failure after the reset does not reach maxFailures = 2").isTrue();
    }
}
