package org.kadlab.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kadlab.kad.KadTestSupport.assertWellFormed;
import static org.kadlab.kad.KadTestSupport.describe;
import static org.kadlab.kad.KadTestSupport.ids;
import static org.kadlab.kad.KadTestSupport.joined;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Iterative find_node checked against a brute-force XOR sort of the live nodes, on networks built
 * by real joins (every node bootstraps through the first one), in both lookup modes.
 */
class LookupConvergenceTest {

    static Stream<Arguments> modesSizesSeeds() {
        List<Arguments> out = new ArrayList<>();
        for (LookupMode mode : LookupMode.values()) {
            for (int k : new int[] {8, 20}) {
                for (long seed : new long[] {11, 23, 47}) {
                    out.add(Arguments.of(mode, k, seed));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} k={1} seed={2}")
    @MethodSource("modesSizesSeeds")
    @DisplayName("find_node on a 50-node joined network returns exactly the brute-force k closest other nodes")
    void findNodeOnFiftyJoinedNodesReturnsTheBruteForceClosest(LookupMode mode, int k, long seed) {
        KadConfig cfg = ClassicConfig.builder().bits(160).k(k).alpha(3).lookupMode(mode).build();
        TestNetwork net = joined(cfg, seed, 50);
        String scenario = mode + " k=" + k + " seed=" + seed;
        for (NodeId origin : net.liveIds()) {
            List<NodeId> targets = List.of(net.keySpace.randomId(net.random), net.keySpace.randomId(net.random),
                    net.liveIds().get(net.random.nextInt(50)));
            for (NodeId target : targets) {
                LookupResult r = net.await(net.node(origin).findNode(target));
                String what = describe(net, scenario, origin, target);
                assertWellFormed(r, k, what);
                assertThat(ids(r.closest())).as("%s: the brute-force %d closest", what, k)
                        .isEqualTo(net.trueClosest(target, k, origin));
                assertThat(r.failures()).as("%s: no failures in a live network", what).isZero();
                assertThat(r.purpose()).isEqualTo(LookupPurpose.FIND_NODE);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LookupMode.class)
    @DisplayName("on 2, 3 and 5 node networks with k larger than the network every lookup returns all the other nodes")
    void sparseNetworksReturnEveryOtherNodeAndTerminate(LookupMode mode) {
        for (int size : new int[] {2, 3, 5}) {
            for (long seed = 1; seed <= 5; seed++) {
                KadConfig cfg = ClassicConfig.builder().bits(32).k(20).alpha(3).lookupMode(mode).build();
                TestNetwork net = joined(cfg, seed, size);
                String scenario = mode + " size=" + size + " seed=" + seed;
                for (NodeId origin : net.liveIds()) {
                    assertThat(net.node(origin).routingTable().size())
                            .as("%s: node %s knows every other node after the joins", scenario, origin)
                            .isEqualTo(size - 1);
                    List<NodeId> targets = new ArrayList<>(net.liveIds());
                    targets.add(net.keySpace.randomId(net.random));
                    for (NodeId target : targets) {
                        String what = describe(net, scenario, origin, target);
                        LookupResult r = net.await(net.node(origin).findNode(target));
                        assertWellFormed(r, 20, what);
                        assertThat(ids(r.closest())).as("%s: every other node, closest first", what)
                                .isEqualTo(net.trueClosest(target, size, origin));
                        assertThat(r.rpcs()).as("%s: each other node asked at most once", what)
                                .isLessThanOrEqualTo(size - 1);
                        assertThat(r.endMs() - r.startMs()).as("%s: done within one timeout", what)
                                .isLessThan(cfg.rpcTimeoutMs());
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LookupMode.class)
    @DisplayName("a lookup from a node with an empty routing table finishes at once with an empty result")
    void lookupFromALoneNodeFinishesEmpty(LookupMode mode) {
        KadConfig cfg = ClassicConfig.builder().bits(32).k(8).lookupMode(mode).build();
        TestNetwork net = new TestNetwork(cfg, 3);
        KadNode alone = net.addRandom();
        assertThat(net.await(alone.bootstrap(List.of()))).as("bootstrap without seeds knows nobody").isZero();
        assertThat(net.await(alone.bootstrap(List.of(alone.self())))).as("bootstrap with itself as seed").isZero();
        LookupResult r = net.await(alone.findNode(net.keySpace.randomId(net.random)));
        assertThat(r.closest()).as("%s lone node result", mode).isEmpty();
        assertThat(r.rpcs()).as("%s lone node rpcs", mode).isZero();
        assertThat(r.endMs()).as("%s lone node finished at once", mode).isEqualTo(r.startMs());
        assertThat(net.log).as("no request was sent").isEmpty();
    }

    /**
     * Right after 10 of 50 nodes leave, the survivors' tables (and so their answers, which carry only
     * k contacts) still hold the departed nodes, which can crowd a live node out of every answer: a
     * lookup is then well-formed and live-only but not always exact (measured here at 76% to 91%),
     * and can even return fewer than k: it is seeded with the origin's k closest table entries, and
     * when most of those are dead and the live ones all echo the same stale clique, nobody is left
     * to ask although the origin's table holds further live contacts.
     * Once every survivor ran its scheduled bucket refresh, which times out on and evicts the dead
     * contacts, every lookup returns exactly the k closest live nodes.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(LookupMode.class)
    @DisplayName("after nodes leave, lookups return only live nodes, and exactly the k closest once the survivors refreshed")
    void lookupsAfterDeparturesReturnTheTrueClosestLiveNodes(LookupMode mode) {
        for (long seed : new long[] {5, 6}) {
            int k = 8;
            KadConfig cfg = ClassicConfig.builder().bits(160).k(k).alpha(3).lookupMode(mode).build();
            TestNetwork net = joined(cfg, seed, 50);
            List<NodeId> all = new ArrayList<>(net.liveIds());
            Random pick = new Random(seed * 31);
            Set<NodeId> gone = new HashSet<>();
            while (gone.size() < 10) {
                gone.add(all.get(pick.nextInt(all.size())));
            }
            gone.forEach(net::kill);
            String scenario = mode + " seed=" + seed + " right after 10 of 50 left";
            for (NodeId origin : net.liveIds()) {
                NodeId target = net.keySpace.randomId(net.random);
                String what = describe(net, scenario, origin, target);
                LookupResult r = net.await(net.node(origin).findNode(target));
                assertWellFormed(r, k, what);
                assertThat(ids(r.closest())).as("%s: only live nodes", what)
                        .doesNotContainAnyElementsOf(gone)
                        .isNotEmpty();
            }

            net.runUntil(net.now + cfg.refreshIntervalMs());
            for (NodeId survivor : net.liveIds()) {
                net.node(survivor).maintain();
            }
            net.runUntilIdle();
            scenario = mode + " seed=" + seed + " after the survivors refreshed";
            for (NodeId origin : net.liveIds()) {
                for (int j = 0; j < 2; j++) {
                    NodeId target = net.keySpace.randomId(net.random);
                    String what = describe(net, scenario, origin, target);
                    LookupResult r = net.await(net.node(origin).findNode(target));
                    assertWellFormed(r, k, what);
                    assertThat(ids(r.closest())).as("%s: the brute-force closest live nodes", what)
                            .isEqualTo(net.trueClosest(target, k, origin))
                            .doesNotContainAnyElementsOf(gone);
                }
            }
        }
    }
}
