package org.kadlab.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kadlab.kad.KadTestSupport.joined;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Records over virtual time: expiry and sweeping, publisher and holder republishing (seed gap 4). */
class RecordLifecycleTest {
    private static final long NEVER = 1_000_000_000L;

    private static KadConfig.Builder quiet() {
        // nothing else due during these tests: no bucket refresh, no republish unless a test sets it
        return ClassicConfig.builder().bits(32).k(4).refreshIntervalMs(NEVER).recordTtlMs(NEVER / 2)
                .publisherRepublishMs(NEVER / 2).holderRepublishMs(NEVER / 2);
    }

    /** New nodes as close to {@code key} as possible (key XOR 1, 2, ...), each joined through {@code via}. */
    private static List<NodeId> joinNodesNextTo(TestNetwork net, NodeId key, int count, KadNode via) {
        List<NodeId> added = new ArrayList<>();
        for (long d = 1; added.size() < count; d++) {
            NodeId id = net.keySpace.id(key.toBigInteger().xor(BigInteger.valueOf(d)));
            if (net.nodes.containsKey(id)) {
                continue;
            }
            KadNode n = net.add(id);
            net.await(n.bootstrap(List.of(via.self())));
            added.add(id);
        }
        return added;
    }

    private static NodeId farFrom(TestNetwork net, NodeId key, int k) {
        List<NodeId> near = net.trueClosest(key, k + 1, null);
        return net.liveIds().stream().filter(id -> !near.contains(id)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("after record_ttl a record is gone from get and find_value, and maintain() sweeps it and reports it")
    void recordsExpireAndAreSwept() {
        long ttl = 10_000;
        KadConfig cfg = quiet().recordTtlMs(ttl).build();
        RecordingObserver seen = new RecordingObserver();
        TestNetwork net = joined(cfg, 41, 12, seen);
        NodeId key = net.keySpace.keyId("short-lived");
        KadNode publisher = net.node(net.liveIds().get(0));
        net.await(publisher.store(key, "soon gone"));
        List<NodeId> holders = net.holders(key);
        assertThat(holders).as("holders of 'short-lived'").hasSizeGreaterThanOrEqualTo(4);

        long lastExpiry = 0;
        long firstExpiry = Long.MAX_VALUE;
        for (NodeId h : holders) {
            RecordStore.StoredRecord r = net.node(h).recordStore().get(key, net.now);
            assertThat(r.expiresAt()).as("holder %s: expires = stored + record_ttl", h).isEqualTo(r.storedAt() + ttl);
            assertThat(net.node(h).nextMaintenance()).as("holder %s: next maintenance is the expiry", h)
                    .isEqualTo(r.expiresAt());
            lastExpiry = Math.max(lastExpiry, r.expiresAt());
            firstExpiry = Math.min(firstExpiry, r.expiresAt());
        }
        net.runUntil(firstExpiry - 1);
        assertThat(net.holders(key)).as("one ms before the first expiry every holder still serves it")
                .containsExactlyElementsOf(holders);

        net.runUntil(lastExpiry);
        seen.clear();
        for (NodeId h : holders) {
            KadNode node = net.node(h);
            assertThat(node.recordStore().get(key, net.now)).as("holder %s: get at expiry (now >= expires)", h).isNull();
            assertThat(node.recordStore().records()).as("holder %s: still held before the sweep", h).hasSize(1);
            node.maintain();
            assertThat(node.recordStore().records()).as("holder %s: swept by maintain()", h).isEmpty();
        }
        assertThat(seen.expired).as("recordExpired reported once per holder")
                .containsExactlyInAnyOrderElementsOf(holders.stream()
                        .map(h -> new RecordingObserver.RecordEvent(h, key, null)).toList());
        assertThat(seen.lookupsStarted).as("maintain() started nothing else").isEmpty();

        LookupResult r = net.await(net.node(farFrom(net, key, 4)).findValue(key));
        assertThat(r.found()).as("find_value after expiry").isFalse();
    }

    @Test
    @DisplayName("the publisher republishes after publisher_republish to the current k closest, including nodes that joined closer")
    void publisherRepublishReachesTheCurrentClosest() {
        long period = 100_000;
        KadConfig cfg = quiet().publisherRepublishMs(period).build();
        RecordingObserver seen = new RecordingObserver();
        TestNetwork net = joined(cfg, 42, 20, seen);
        NodeId key = net.keySpace.keyId("republish-me");
        KadNode publisher = net.node(farFrom(net, key, 4));
        long t0 = net.now;
        net.await(publisher.store(key, "still here"));
        assertThat(net.holders(key)).as("holders right after the store").containsAll(net.trueClosest(key, 4, null));

        List<NodeId> newcomers = joinNodesNextTo(net, key, 4, publisher);
        assertThat(net.trueClosest(key, 4, null)).as("the newcomers are now the 4 closest").isEqualTo(
                newcomers.stream().sorted((a, b) -> NodeId.compareDistance(key, a, b)).toList());
        for (NodeId n : newcomers) {
            assertThat(net.node(n).recordStore().get(key, net.now)).as("newcomer %s before the republish", n).isNull();
        }
        assertThat(publisher.nextMaintenance()).as("publisher's next maintenance").isEqualTo(t0 + period);

        seen.clear();
        net.runUntil(t0 + period - 1);
        publisher.maintain();
        net.runUntilIdle();
        assertThat(seen.republished).as("no republish before publisher_republish").isEmpty();

        net.runUntil(t0 + period);
        publisher.maintain();
        long republishedAt = net.now;
        net.runUntilIdle();
        assertThat(seen.republishedBy(publisher.id())).as("publisher's republish")
                .containsExactly(new RecordingObserver.Republish(publisher.id(), key, true));
        assertThat(seen.started(LookupPurpose.REPUBLISH)).as("one REPUBLISH lookup").hasSize(1);
        for (NodeId n : net.trueClosest(key, 4, null)) {
            RecordStore.StoredRecord r = net.node(n).recordStore().get(key, net.now);
            assertThat(r).as("current closest node %s holds the republished record", n).isNotNull();
            assertThat(r.expiresAt()).as("node %s: republished with a fresh record_ttl", n)
                    .isBetween(republishedAt + cfg.recordTtlMs(), r.storedAt() + cfg.recordTtlMs());
        }
        assertThat(publisher.nextMaintenance()).as("publisher's next republish").isEqualTo(republishedAt + period);
    }

    @Test
    @DisplayName("a holder republishes after holder_republish to the current k closest, and its STOREs push back the other holders")
    void holderRepublishReachesTheCurrentClosestAndDefersTheOthers() {
        long period = 50_000;
        KadConfig cfg = quiet().holderRepublishMs(period).build();
        RecordingObserver seen = new RecordingObserver();
        TestNetwork net = joined(cfg, 43, 20, seen);
        NodeId key = net.keySpace.keyId("held");
        KadNode publisher = net.node(farFrom(net, key, 4));
        net.await(publisher.store(key, "kept alive by holders"));
        List<NodeId> holders = net.holders(key);
        assertThat(holders).as("the publisher is not a holder").doesNotContain(publisher.id());

        // two newcomers: two old holders stay among the 4 closest, two are displaced
        List<NodeId> newcomers = joinNodesNextTo(net, key, 2, publisher);
        NodeId first = holders.stream().min((a, b) -> Long.compare(
                net.node(a).recordStore().get(key, net.now).nextRepublish(),
                net.node(b).recordStore().get(key, net.now).nextRepublish())).orElseThrow();
        KadNode holder = net.node(first);
        RecordStore.StoredRecord own = holder.recordStore().get(key, net.now);
        long ownExpiry = own.expiresAt();
        assertThat(own.nextRepublish()).as("holder %s: republish due holder_republish after the STORE", first)
                .isEqualTo(own.storedAt() + period);
        assertThat(holder.nextMaintenance()).as("holder %s: next maintenance", first).isEqualTo(own.nextRepublish());

        seen.clear();
        net.runUntil(own.nextRepublish() - 1);
        holder.maintain();
        assertThat(seen.republished).as("holder %s before its republish time", first).isEmpty();

        net.runUntil(own.nextRepublish());
        long at = net.now;
        holder.maintain();
        net.runUntilIdle();
        assertThat(seen.republished).as("holder %s republished as a holder", first)
                .containsExactly(new RecordingObserver.Republish(first, key, false));
        for (NodeId n : newcomers) {
            RecordStore.StoredRecord r = net.node(n).recordStore().get(key, net.now);
            assertThat(r).as("newcomer %s holds the record after the holder republish", n).isNotNull();
            // the STORE carries the lifetime left when it is sent; it arrives one latency later
            assertThat(r.expiresAt()).as("newcomer %s: keeps the holder's expiry %d (plus transit)", n, ownExpiry)
                    .isBetween(ownExpiry, ownExpiry + net.latencyMs);
        }
        assertThat(holder.recordStore().get(key, net.now).expiresAt())
                .as("holder %s: its own copy's expiry is not extended by its republish", first).isEqualTo(ownExpiry);
        // (when it is still among the k closest its own copy is re-put after the lookup, a few ms later)
        assertThat(holder.recordStore().get(key, net.now).nextRepublish()).as("holder %s: next republish", first)
                .isBetween(at + period, net.now + period);

        // the old holders that got the holder's STORE have their republish pushed back; the ones
        // displaced by the newcomers got nothing and republish on their own schedule
        List<NodeId> receivers = net.log.stream()
                .filter(s -> s.from().equals(first) && s.at() >= at && s.request() instanceof KadRequest.Store)
                .map(TestNetwork.Sent::to).toList();
        assertThat(receivers).as("the holder's STOREs went to the current k closest")
                .containsExactlyInAnyOrderElementsOf(net.trueClosest(key, 4, first));
        List<NodeId> pushedBack = holders.stream().filter(receivers::contains).toList();
        List<NodeId> displaced = holders.stream().filter(h -> !h.equals(first) && !receivers.contains(h)).toList();
        assertThat(pushedBack).as("old holders still among the k closest").isNotEmpty();
        assertThat(displaced).as("old holders displaced by the newcomers").isNotEmpty();
        for (NodeId other : pushedBack) {
            RecordStore.StoredRecord r = net.node(other).recordStore().get(key, net.now);
            assertThat(r.nextRepublish()).as("holder %s re-stored at %d", other, r.storedAt())
                    .isEqualTo(r.storedAt() + period).isGreaterThan(at);
        }
        seen.clear();
        net.runUntil(at + 10);
        for (NodeId other : holders) {
            if (!other.equals(first)) {
                net.node(other).maintain();
            }
        }
        net.runUntilIdle();
        assertThat(seen.republished.stream().map(RecordingObserver.Republish::node).toList())
                .as("at the original republish time only the holders that got no STORE republish")
                .containsExactlyInAnyOrderElementsOf(displaced);
    }

    @Test
    @DisplayName("receiving a STORE pushes the holder's own republish back by holder_republish")
    void receivingAStorePushesBackTheHolderRepublish() {
        long period = 50_000;
        KadConfig cfg = quiet().bits(8).holderRepublishMs(period).build();
        TestNetwork net = new TestNetwork(cfg, 44);
        RecordingObserver seen = new RecordingObserver();
        KadNode holder = net.add(net.id("0b0000_0001"), seen);
        KadNode sender = net.add(net.id("0b1000_0000"));
        NodeId key = net.id("0b0000_0011");

        net.await(net.deliver(sender, holder, new KadRequest.Store(1, key, "v", NEVER / 4)));
        long firstArrival = holder.recordStore().get(key, net.now).storedAt();
        assertThat(holder.recordStore().get(key, net.now).nextRepublish()).as("after the first STORE")
                .isEqualTo(firstArrival + period);

        net.runUntil(20_000);
        net.await(net.deliver(sender, holder, new KadRequest.Store(2, key, "v", NEVER / 4)));
        long secondArrival = holder.recordStore().get(key, net.now).storedAt();
        assertThat(secondArrival).isGreaterThanOrEqualTo(20_000);
        assertThat(holder.recordStore().get(key, net.now).nextRepublish()).as("after the second STORE")
                .isEqualTo(secondArrival + period);
        assertThat(holder.nextMaintenance()).as("holder's next maintenance").isEqualTo(secondArrival + period);

        net.runUntil(firstArrival + period);
        int logStart = net.log.size();
        holder.maintain();
        net.runUntilIdle();
        assertThat(seen.republished).as("no republish at the time the first STORE had set").isEmpty();
        assertThat(net.log.subList(logStart, net.log.size())).as("holder sent nothing").isEmpty();

        net.runUntil(secondArrival + period);
        holder.maintain();
        net.runUntilIdle();
        assertThat(seen.republished).as("republish at the pushed-back time")
                .containsExactly(new RecordingObserver.Republish(holder.id(), key, false));
        assertThat(net.sent(holder.id(), sender.id(), KadRequest.Store.class)).as("holder's republish STORE")
                .hasSize(1);
    }
}
