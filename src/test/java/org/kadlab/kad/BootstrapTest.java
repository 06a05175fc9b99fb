package org.kadlab.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kadlab.kad.KadTestSupport.assertWellFormed;
import static org.kadlab.kad.KadTestSupport.describe;
import static org.kadlab.kad.KadTestSupport.ids;
import static org.kadlab.kad.KadTestSupport.joined;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Joining (add the seeds, look up the own id, refresh the farther buckets) and what it makes reachable. */
class BootstrapTest {

    @Test
    @DisplayName("a node bootstrapping from a single seed knows the seed, the seed learns it, and a third node finds both")
    void bootstrapFromASingleSeed() {
        KadConfig cfg = ClassicConfig.builder().bits(32).k(8).build();
        TestNetwork net = new TestNetwork(cfg, 9);
        RecordingObserver joinerSeen = new RecordingObserver();
        KadNode seed = net.addRandom();
        KadNode joiner = net.add(net.keySpace.randomId(net.random), joinerSeen);

        int known = net.await(joiner.bootstrap(List.of(seed.self())));
        assertThat(known).as("contacts the joiner knows after bootstrap").isEqualTo(1);
        assertThat(joiner.routingTable().contains(seed.id())).as("joiner knows the seed").isTrue();
        assertThat(seed.routingTable().contains(joiner.id())).as("seed learnt the joiner from its request").isTrue();
        assertThat(joinerSeen.started(LookupPurpose.BOOTSTRAP)).as("self-lookups started by the joiner").hasSize(1);
        assertThat(joinerSeen.started(LookupPurpose.BOOTSTRAP).get(0).lookup().target())
                .as("the bootstrap lookup is for the joiner's own id").isEqualTo(joiner.id());
        int closest = joiner.routingTable().lowestNonEmptyIndex();
        assertThat(joinerSeen.started(LookupPurpose.REFRESH).stream()
                .map(s -> joiner.routingTable().bucketIndexOf(s.lookup().target())).toList())
                .as("a refresh for every bucket above the closest neighbour's bucket %d", closest)
                .containsExactlyElementsOf(IntStream.range(closest + 1, 32).boxed().toList());

        KadNode third = net.addRandom();
        assertThat(net.await(third.bootstrap(List.of(seed.self())))).as("third node's contacts").isEqualTo(2);
        assertThat(third.routingTable().contains(joiner.id())).as("third node found the joiner through the seed").isTrue();
        assertThat(joiner.routingTable().contains(third.id())).as("joiner learnt the third node").isTrue();
    }

    @Test
    @DisplayName("bootstrapping through a dead seed ends after one timeout knowing nobody")
    void bootstrapThroughADeadSeed() {
        KadConfig cfg = ClassicConfig.builder().bits(32).k(8).build();
        TestNetwork net = new TestNetwork(cfg, 10);
        KadNode seed = net.addRandom();
        KadNode joiner = net.addRandom();
        net.kill(seed.id());
        assertThat(net.await(joiner.bootstrap(List.of(seed.self())))).as("contacts after joining via a dead seed")
                .isZero();
        assertThat(joiner.routingTable().contains(seed.id())).as("the dead seed was evicted").isFalse();
        assertThat(net.now).as("it took one rpc timeout").isEqualTo(cfg.rpcTimeoutMs());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LookupMode.class)
    @DisplayName("twenty nodes joining one by one through earlier nodes all end with a non-empty table and exact lookups")
    void incrementalBootstrapOfTwentyNodes(LookupMode mode) {
        for (long seed : new long[] {3, 4, 5}) {
            int k = 4;
            KadConfig cfg = ClassicConfig.builder().bits(64).k(k).alpha(2).lookupMode(mode).build();
            TestNetwork net = new TestNetwork(cfg, seed);
            List<KadNode> joinedSoFar = new ArrayList<>();
            joinedSoFar.add(net.addRandom());
            String scenario = mode + " seed=" + seed;
            for (int i = 1; i < 20; i++) {
                KadNode via = joinedSoFar.get(net.random.nextInt(joinedSoFar.size()));
                KadNode newcomer = net.addRandom();
                int known = net.await(newcomer.bootstrap(List.of(via.self())));
                joinedSoFar.add(newcomer);
                assertThat(known).as("%s: node %d (%s) knows someone after joining via %s", scenario, i,
                        newcomer.id(), via.id()).isPositive();
                for (KadNode n : joinedSoFar) {
                    assertThat(n.routingTable().size())
                            .as("%s: after %d joins node %s has a non-empty table", scenario, i + 1, n.id())
                            .isPositive();
                }
            }
            for (KadNode origin : joinedSoFar) {
                List<NodeId> targets = new ArrayList<>(net.liveIds());
                targets.add(net.keySpace.randomId(net.random));
                for (NodeId target : targets) {
                    String what = describe(net, scenario, origin.id(), target);
                    LookupResult r = net.await(origin.findNode(target));
                    assertWellFormed(r, k, what);
                    assertThat(ids(r.closest())).as("%s: brute-force closest", what)
                            .isEqualTo(net.trueClosest(target, k, origin.id()));
                }
            }
        }
    }

    @Test
    @DisplayName("find_node reaches a node the origin never exchanged a message with")
    void crossNetworkFindNodeBetweenStrangers() {
        KadConfig cfg = ClassicConfig.builder().bits(160).k(8).build();
        for (long seed : new long[] {12, 13}) {
            TestNetwork net = joined(cfg, seed, 50);
            int checked = 0;
            for (NodeId a : net.liveIds()) {
                for (NodeId b : net.liveIds()) {
                    if (a.equals(b) || net.talked(a, b) || net.node(a).routingTable().contains(b) || checked >= 20) {
                        continue;
                    }
                    String what = "seed=" + seed + " " + a + " looking up stranger " + b;
                    LookupResult r = net.await(net.node(a).findNode(b));
                    assertThat(ids(r.closest())).as("%s: the stranger comes first", what).startsWith(b);
                    assertThat(ids(r.closest())).as(what).isEqualTo(net.trueClosest(b, 8, a));
                    assertThat(r.hops()).as("%s: the stranger came through a referral, so hops", what)
                            .isGreaterThanOrEqualTo(2);
                    checked++;
                }
            }
            assertThat(checked).as("seed=%d: pairs of nodes that had never talked", seed).isEqualTo(20);
        }
    }
}
