package org.kadlab.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kadlab.kad.KadTestSupport.assertWellFormed;
import static org.kadlab.kad.KadTestSupport.ids;
import static org.kadlab.kad.KadTestSupport.joined;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** store / find_value over the network: replication to the k closest, early stop, caching, StoreFull. */
class StoreAndFindValueTest {

    private static List<TestNetwork.Sent> storesFrom(TestNetwork net, int logStart, NodeId from) {
        return net.log.subList(logStart, net.log.size()).stream()
                .filter(s -> s.from().equals(from) && s.request() instanceof KadRequest.Store)
                .toList();
    }

    @Test
    @DisplayName("a stored value is found by every node, and a missing key is reported not found with the closest nodes")
    void storeThenFindValueRoundTrip() {
        KadConfig cfg = ClassicConfig.builder().bits(32).k(4).build();
        TestNetwork net = joined(cfg, 21, 30);
        KadNode publisher = net.node(net.liveIds().get(7));
        StoreResult stored = net.await(publisher.store("alpha", "one"));
        NodeId key = net.keySpace.keyId("alpha");
        assertThat(stored.key()).as("store result key").isEqualTo(key);
        assertThat(stored.acknowledged()).as("acknowledging peers of 'alpha'").isNotEmpty();

        for (NodeId reader : net.liveIds()) {
            LookupResult r = net.await(net.node(reader).findValue("alpha"));
            assertThat(r.found()).as("reader %s finds 'alpha'", reader).isTrue();
            assertThat(r.value()).as("reader %s value of 'alpha'", reader).isEqualTo("one");
            assertThat(r.foundAt()).as("reader %s: who answered", reader).isNotNull();
        }

        NodeId missing = net.keySpace.keyId("never-stored");
        KadNode reader = net.node(net.liveIds().get(3));
        LookupResult r = net.await(reader.findValue("never-stored"));
        assertThat(r.found()).as("find_value of a key nobody stored").isFalse();
        assertThat(r.value()).as("value of a key nobody stored").isNull();
        assertThat(r.foundAt()).as("foundAt of a key nobody stored").isNull();
        assertWellFormed(r, 4, "find_value of a missing key");
        assertThat(ids(r.closest())).as("a failed find_value still converges like find_node")
                .isEqualTo(net.trueClosest(missing, 4, reader.id()));
    }

    @Test
    @DisplayName("find_value from a non-holder asks the network; from a holder it answers from the local store")
    void findValueFromHolderAndNonHolder() {
        KadConfig cfg = ClassicConfig.builder().bits(32).k(4).cacheOnFindValue(false).build();
        TestNetwork net = joined(cfg, 22, 30);
        NodeId key = net.keySpace.keyId("beta");
        net.await(net.node(net.liveIds().get(0)).store(key, "two"));
        List<NodeId> holders = net.holders(key);
        NodeId holder = holders.get(0);
        NodeId nonHolder = net.liveIds().stream().filter(id -> !holders.contains(id)).findFirst().orElseThrow();

        LookupResult remote = net.await(net.node(nonHolder).findValue(key));
        assertThat(remote.found()).as("non-holder %s finds the value", nonHolder).isTrue();
        assertThat(remote.value()).isEqualTo("two");
        assertThat(remote.lookupId()).as("non-holder ran a lookup").isPositive();
        assertThat(remote.rpcs()).as("non-holder sent FIND_VALUEs").isPositive();
        assertThat(holders).as("the answer came from a holder").contains(remote.foundAt().id());

        LookupResult local = net.await(net.node(holder).findValue(key));
        assertThat(local.found()).as("holder %s finds its own copy", holder).isTrue();
        assertThat(local.foundAt().id()).as("a local hit names the holder itself").isEqualTo(holder);
        assertThat(local.rpcs()).as("a local hit sends nothing").isZero();
        assertThat(local.lookupId()).as("a local hit has lookup id 0").isZero();
    }

    @Test
    @DisplayName("find_value stops at the first Found: nothing is sent after it and it costs fewer RPCs than find_node")
    void findValueStopsAtTheFirstFound() {
        KadConfig cfg = ClassicConfig.builder().bits(32).k(8).alpha(3).cacheOnFindValue(false).build();
        TestNetwork net = joined(cfg, 23, 40);
        NodeId key = net.keySpace.keyId("gamma");
        net.await(net.node(net.liveIds().get(5)).store(key, "three"));
        List<NodeId> holders = net.holders(key);
        int compared = 0;
        for (NodeId reader : net.liveIds()) {
            if (holders.contains(reader)) {
                continue;
            }
            KadNode node = net.node(reader);
            LookupResult full = net.await(node.findNode(key));
            int logStart = net.log.size();
            int answersStart = net.answers.size();
            LookupResult found = net.await(node.findValue(key));
            assertThat(found.found()).as("reader %s found 'gamma'", reader).isTrue();

            long valueArrived = net.answers.subList(answersStart, net.answers.size()).stream()
                    .filter(a -> a.to().equals(reader) && a.response() instanceof KadResponse.Value)
                    .mapToLong(TestNetwork.Answered::at).min().orElseThrow();
            List<TestNetwork.Sent> asked = net.log.subList(logStart, net.log.size()).stream()
                    .filter(s -> s.from().equals(reader) && s.request() instanceof KadRequest.FindValue)
                    .toList();
            assertThat(asked).as("reader %s: FIND_VALUEs sent = rpcs", reader).hasSize(found.rpcs());
            assertThat(asked).as("reader %s: no FIND_VALUE sent after the value arrived at %d", reader, valueArrived)
                    .allMatch(s -> s.at() <= valueArrived);
            assertThat(found.endMs()).as("reader %s: the lookup ended when the value arrived", reader)
                    .isEqualTo(valueArrived);
            assertThat(found.rpcs()).as("reader %s: find_value rpcs vs find_node rpcs %d", reader, full.rpcs())
                    .isLessThan(full.rpcs());
            compared++;
        }
        assertThat(compared).as("non-holders compared").isGreaterThan(20);
    }

    /**
     * With caching on, after a find_value the closest responder that answered without the value
     * (computed here from the lookup's own candidates and the holders before the lookup) gets a
     * STORE from the reader, and nobody else does. With caching off, nobody gets one.
     */
    @ParameterizedTest(name = "cacheOnFindValue={0}")
    @ValueSource(booleans = {true, false})
    @DisplayName("find_value caches the value at the closest responder that lacked it only when caching is on")
    void findValueCachesAtTheClosestResponderWithoutTheValue(boolean cacheOn) {
        KadConfig cfg = ClassicConfig.builder().bits(32).k(3).alpha(3).cacheOnFindValue(cacheOn).build();
        int[] cachedSomewhere = {0};
        eachReaderOfAStoredValue(cfg, (net, key, reader, before, logStart, r, lookup) -> {
            assertThat(r.found()).as("reader %s found 'delta'", reader).isTrue();
            NodeId expected = lookup.candidates().stream()
                    .filter(c -> c.state() == Lookup.CandidateState.SUCCEEDED && !before.contains(c.contact().id()))
                    .map(c -> c.contact().id())
                    .min((a, b) -> NodeId.compareDistance(key, a, b)).orElse(null);
            Set<NodeId> after = new HashSet<>(net.holders(key));
            List<TestNetwork.Sent> stores = storesFrom(net, logStart, reader);
            if (cacheOn && expected != null) {
                cachedSomewhere[0]++;
                Set<NodeId> wanted = new HashSet<>(before);
                wanted.add(expected);
                assertThat(after).as("reader %s: holders gain exactly the closest responder without it, %s",
                        reader, expected).isEqualTo(wanted);
                assertThat(stores).as("reader %s: one caching STORE", reader).hasSize(1);
                assertThat(stores.get(0).to()).as("reader %s: STORE addressee", reader).isEqualTo(expected);
                RecordStore.StoredRecord cached = net.node(expected).recordStore().get(key, net.now);
                RecordStore.StoredRecord source = net.node(r.foundAt().id()).recordStore().get(key, net.now);
                assertThat(cached.value()).as("cached value at %s", expected).isEqualTo("four");
                // the Value carries the source's remaining ttl; the answer and the STORE each take one latency
                assertThat(cached.expiresAt())
                        .as("the cached copy outlives its source %s by at most the transit time", r.foundAt().id())
                        .isLessThanOrEqualTo(source.expiresAt() + 2 * net.latencyMs);
            } else {
                assertThat(after).as("reader %s (caching %s, candidate %s): holders unchanged", reader, cacheOn, expected)
                        .isEqualTo(before);
                assertThat(stores).as("reader %s (caching %s): no STORE sent", reader, cacheOn).isEmpty();
            }
        });
        if (cacheOn) {
            assertThat(cachedSomewhere[0]).as("find_values that had a responder without the value").isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LookupMode.class)
    @DisplayName("property 8: after store(key) every one of the brute-force k closest live nodes holds the record")
    void afterStoreTheKClosestLiveNodesHoldTheRecord(LookupMode mode) {
        for (long seed : new long[] {31, 32, 33}) {
            int k = 8;
            KadConfig cfg = ClassicConfig.builder().bits(160).k(k).lookupMode(mode).build();
            TestNetwork net = joined(cfg, seed, 40);
            int originAmongClosest = 0;
            for (int i = 0; i < 40; i++) {
                NodeId origin = net.liveIds().get(i);
                // every fourth key is the origin's own id, so the origin is surely among the k closest
                NodeId key = i % 4 == 0 ? origin : net.keySpace.keyId("key-" + seed + "-" + i);
                String what = mode + " seed=" + seed + " origin " + origin + " key " + key;
                StoreResult s = net.await(net.node(origin).store(key, "v" + i));
                List<NodeId> closest = net.trueClosest(key, k, null);
                List<NodeId> closestPlusOne = net.trueClosest(key, k + 1, null);
                List<NodeId> holders = net.holders(key);
                assertThat(holders).as("%s: holders include every one of the k closest %s", what, closest)
                        .containsAll(closest);
                assertThat(closestPlusOne).as("%s: nobody beyond the k+1 closest holds it", what)
                        .containsAll(holders);
                assertThat(s.storedLocally()).as("%s: origin keeps a copy iff it is among the k closest", what)
                        .isEqualTo(closest.contains(origin));
                assertThat(ids(s.acknowledged())).as("%s: acknowledged = k closest other nodes, closest first", what)
                        .isEqualTo(net.trueClosest(key, k, origin));
                assertThat(s.refused()).as("%s: refused", what).isEmpty();
                assertThat(s.failed()).as("%s: failed", what).isEmpty();
                originAmongClosest += s.storedLocally() ? 1 : 0;
            }
            assertThat(originAmongClosest).as("stores whose origin was among the k closest").isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    @DisplayName("StoreFull: a node with max_records = 1 refuses a second key with STORE_FULL, the storer sees it, overwriting is allowed")
    void fullRecordStoreRefusesANewKeyButAcceptsAnOverwrite() {
        KadConfig cfg = ClassicConfig.builder().bits(32).k(8).build();
        TestNetwork net = new TestNetwork(cfg, 25);
        RecordingObserver fullSeen = new RecordingObserver();
        List<NodeId> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(net.addRandom().id());
        }
        KadNode full = net.add(net.keySpace.randomId(net.random), fullSeen, cfg.toBuilder().maxRecords(1).build());
        ids.add(full.id());
        net.joinAll(ids);
        KadNode p = net.node(ids.get(0));
        KadNode q = net.node(ids.get(1));
        NodeId key1 = net.keySpace.keyId("first");
        NodeId key2 = net.keySpace.keyId("second");

        StoreResult first = net.await(p.store(key1, "v1"));
        assertThat(ids(first.acknowledged())).as("first key: the capped node accepts it").contains(full.id());
        assertThat(first.refused()).as("first key refused by").isEmpty();

        int answersStart = net.answers.size();
        StoreResult second = net.await(q.store(key2, "v2"));
        assertThat(ids(second.refused())).as("second key: refused by the capped node only").containsExactly(full.id());
        assertThat(ids(second.acknowledged())).as("second key: acknowledged by the other three")
                .hasSize(3).doesNotContain(full.id());
        assertThat(full.recordStore().get(key2, net.now)).as("capped node does not hold the second key").isNull();
        assertThat(fullSeen.refused).as("capped node reported the refusal")
                .containsExactly(new RecordingObserver.RecordEvent(full.id(), key2, q.self()));
        List<TestNetwork.Answered> wire = net.answers.subList(answersStart, net.answers.size()).stream()
                .filter(a -> a.from().equals(full.id()) && a.request() instanceof KadRequest.Store).toList();
        assertThat(wire).as("the capped node's answer to the STORE").hasSize(1);
        assertThat(wire.get(0).response()).as("answer on the wire").isInstanceOf(KadResponse.Error.class);
        KadResponse.Error error = (KadResponse.Error) wire.get(0).response();
        assertThat(error.code()).as("error code").isEqualTo(KadResponse.ErrorCode.STORE_FULL);
        assertThat(error.requestId()).as("error echoes the STORE's id").isEqualTo(wire.get(0).request().requestId());

        StoreResult overwrite = net.await(p.store(key1, "v1-new"));
        assertThat(ids(overwrite.acknowledged())).as("overwrite of the held key").contains(full.id());
        assertThat(overwrite.refused()).as("overwrite refused by").isEmpty();
        assertThat(full.recordStore().get(key1, net.now).value()).as("capped node's value after overwrite")
                .isEqualTo("v1-new");
    }

    @Test
    @DisplayName("a full record store whose only record has expired accepts a new key")
    void expiredRecordDoesNotKeepAStoreFull() {
        KadConfig cfg = ClassicConfig.builder().bits(8).k(4).maxRecords(1).build();
        TestNetwork net = new TestNetwork(cfg, 26);
        RecordingObserver seen = new RecordingObserver();
        KadNode holder = net.add(net.id("0x10"), seen);
        KadNode sender = net.add(net.id("0x20"));
        KadResponse first = net.await(net.deliver(sender, holder, new KadRequest.Store(1, net.id("0x11"), "old", 100)));
        assertThat(first).as("first STORE").isEqualTo(new KadResponse.Stored(1));
        net.runUntil(net.now + 100);
        assertThat(holder.recordStore().get(net.id("0x11"), net.now)).as("old record after its ttl").isNull();

        KadResponse second = net.await(net.deliver(sender, holder, new KadRequest.Store(2, net.id("0x12"), "new", 100)));
        assertThat(second).as("STORE of a new key when the only record has expired").isEqualTo(new KadResponse.Stored(2));
        assertThat(holder.recordStore().get(net.id("0x12"), net.now).value()).isEqualTo("new");
        assertThat(seen.expired).as("the expired record was swept and reported")
                .containsExactly(new RecordingObserver.RecordEvent(holder.id(), net.id("0x11"), null));
    }

    @Test
    @DisplayName("a value stored by one node is retrieved by nodes that never exchanged a message with it")
    void crossNetworkStoreAndRetrieveBetweenStrangers() {
        KadConfig cfg = ClassicConfig.builder().bits(160).k(8).cacheOnFindValue(false).build();
        TestNetwork net = joined(cfg, 27, 50);
        int checked = 0;
        for (int i = 0; i < 10; i++) {
            NodeId publisher = net.liveIds().get(i * 5);
            String key = "cross-" + i;
            net.await(net.node(publisher).store(key, "value-" + i));
            for (NodeId reader : net.liveIds()) {
                if (reader.equals(publisher) || net.talked(publisher, reader)
                        || net.node(reader).routingTable().contains(publisher)
                        || net.node(reader).recordStore().get(net.keySpace.keyId(key), net.now) != null) {
                    continue;
                }
                LookupResult r = net.await(net.node(reader).findValue(key));
                assertThat(r.value()).as("stranger %s reads %s published by %s", reader, key, publisher)
                        .isEqualTo("value-" + i);
                assertThat(r.foundAt().id()).as("stranger %s got it from a holder, not itself", reader)
                        .isNotEqualTo(reader);
                checked++;
                break;
            }
        }
        assertThat(checked).as("publisher/stranger pairs checked").isGreaterThanOrEqualTo(5);
    }

    /**
     * The paper's rule against over-caching: the copy cached by find_value lives ttl / 2^m, m the
     * usable nodes the lookup saw closer to the key than the cache; with scale_cache_ttl off it lives
     * the whole remaining ttl.
     */
    @ParameterizedTest(name = "scaleCacheTtl={0}")
    @ValueSource(booleans = {true, false})
    @DisplayName("a copy cached by find_value lives ttl / 2^(usable nodes seen closer to the key)")
    void cachedCopyExpiresSoonerTheFartherItIsFromTheKey(boolean scale) {
        KadConfig cfg = ClassicConfig.builder().bits(32).k(3).alpha(3).scaleCacheTtl(scale).build();
        int[] halved = {0};
        eachReaderOfAStoredValue(cfg, (net, key, reader, before, logStart, r, lookup) -> {
            int closer = 0;
            NodeId cache = null;
            for (Lookup.Candidate c : lookup.candidates()) {
                if (c.state() == Lookup.CandidateState.SUCCEEDED && !c.contact().equals(r.foundAt())) {
                    cache = c.contact().id();
                    break;
                }
                if (c.state() != Lookup.CandidateState.FAILED && c.state() != Lookup.CandidateState.UNRESPONSIVE) {
                    closer++;
                }
            }
            if (cache == null || before.contains(cache)) {
                return;
            }
            long carried = net.answers.stream()
                    .filter(a -> a.to().equals(reader) && a.from().equals(r.foundAt().id()))
                    .map(TestNetwork.Answered::response).filter(KadResponse.Value.class::isInstance)
                    .mapToLong(v -> ((KadResponse.Value) v).ttlMs()).reduce((a, b) -> b).orElseThrow();
            List<TestNetwork.Sent> stores = storesFrom(net, logStart, reader);
            assertThat(stores).as("reader %s: one caching STORE", reader).hasSize(1);
            KadRequest.Store store = (KadRequest.Store) stores.get(0).request();
            assertThat(store.ttlMs()).as("reader %s: cache %s with %d usable nodes closer, value ttl %d", reader, cache,
                    closer, carried).isEqualTo(scale ? carried >> closer : carried);
            if (closer > 0) {
                halved[0]++;
            }
        });
        assertThat(halved[0]).as("find_values whose cache had nodes closer to the key").isPositive();
    }

    /** What a test checks after one reader's find_value of a stored value. */
    private interface ReaderCheck {
        void check(TestNetwork net, NodeId key, NodeId reader, Set<NodeId> before, int logStart, LookupResult r,
                   Lookup lookup);
    }

    /**
     * On 40 joined nodes with the value "four" stored under "delta", runs find_value from every node
     * that does not hold it, one at a time, and hands each result and its lookup to {@code check}.
     */
    private static void eachReaderOfAStoredValue(KadConfig cfg, ReaderCheck check) {
        RecordingObserver seen = new RecordingObserver();
        TestNetwork net = joined(cfg, 24, 40, seen);
        NodeId key = net.keySpace.keyId("delta");
        net.await(net.node(net.liveIds().get(9)).store(key, "four"));
        for (NodeId reader : net.liveIds()) {
            Set<NodeId> before = new HashSet<>(net.holders(key));
            if (before.contains(reader)) {
                continue;
            }
            seen.clear();
            int logStart = net.log.size();
            LookupResult r = net.await(net.node(reader).findValue(key));
            Lookup lookup = seen.lookupsFinished.stream()
                    .filter(f -> f.node().id().equals(reader) && f.result().purpose() == LookupPurpose.FIND_VALUE)
                    .findFirst().orElseThrow().lookup();
            check.check(net, key, reader, before, logStart, r, lookup);
        }
    }
}
