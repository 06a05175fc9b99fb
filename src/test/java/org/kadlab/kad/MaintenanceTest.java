package org.kadlab.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kadlab.kad.KadTestSupport.joined;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** maintain(): bucket refresh on the virtual clock, and what nextMaintenance() promises. */
class MaintenanceTest {
    private static final long REFRESH = 60_000;

    /** The buckets maintain() should refresh at {@code now}: from the closest neighbour's bucket outwards. */
    /** The bucket index of a lookup for the node's own id, which refreshes the range below its closest bucket. */
    private static final int OWN_RANGE = -1;

    private static List<Integer> staleBuckets(KadNode n, long now) {
        RoutingTable t = n.routingTable();
        List<Integer> out = new ArrayList<>();
        int lowest = t.lowestNonEmptyIndex();
        if (lowest > 0 && n.ownRangeRefreshed() + REFRESH <= now) {
            out.add(OWN_RANGE); // the range closer than the closest neighbour: the paper's own bucket
        }
        for (int i = Math.max(lowest, 0); lowest >= 0 && i < t.bucketCount(); i++) {
            if (t.lastRefreshed(i) + REFRESH <= now) {
                out.add(i);
            }
        }
        return out;
    }

    private static long earliestRefresh(KadNode n) {
        RoutingTable t = n.routingTable();
        long due = t.lowestNonEmptyIndex() > 0 ? n.ownRangeRefreshed() + REFRESH : Long.MAX_VALUE;
        for (int i = t.lowestNonEmptyIndex(); i >= 0 && i < t.bucketCount(); i++) {
            due = Math.min(due, t.lastRefreshed(i) + REFRESH);
        }
        return due;
    }

    @Test
    @DisplayName("maintain() after refresh_interval starts one REFRESH lookup per stale bucket and nextMaintenance() says when")
    void maintainRefreshesStaleBuckets() {
        KadConfig cfg = ClassicConfig.builder().bits(32).k(4).refreshIntervalMs(REFRESH).build();
        RecordingObserver seen = new RecordingObserver();
        TestNetwork net = joined(cfg, 51, 16, seen);
        net.runUntil(net.now + 1_000);

        for (NodeId id : net.liveIds()) {
            KadNode n = net.node(id);
            long now = net.now;
            long next = n.nextMaintenance();
            assertThat(next).as("node %s: next maintenance is the earliest bucket refresh", id)
                    .isEqualTo(earliestRefresh(n));
            assertThat(next).as("node %s: next maintenance lies ahead, within one refresh interval", id)
                    .isGreaterThan(now).isLessThanOrEqualTo(now + REFRESH);

            seen.clear();
            assertThat(n.maintain()).as("node %s: maintain() before anything is due returns the same time", id)
                    .isEqualTo(next);
            assertThat(seen.lookupsStarted).as("node %s: nothing started before it is due", id).isEmpty();
        }

        for (NodeId id : net.liveIds()) {
            KadNode n = net.node(id);
            net.runUntil(Math.max(net.now, n.nextMaintenance()));
            long now = net.now;
            List<Integer> stale = staleBuckets(n, now);
            assertThat(stale).as("node %s: some bucket is due at %d", id, now).isNotEmpty();

            seen.clear();
            long returned = n.maintain();
            List<Integer> refreshed = seen.lookupsStarted.stream()
                    .filter(s -> s.node() == n)
                    .peek(s -> assertThat(s.purpose()).as("node %s: purpose of maintenance lookups", id)
                            .isEqualTo(LookupPurpose.REFRESH))
                    .map(s -> n.routingTable().bucketIndexOf(s.lookup().target()))
                    .toList();
            assertThat(refreshed).as("node %s: one REFRESH lookup in each stale bucket %s", id, stale)
                    .containsExactlyElementsOf(stale);
            assertThat(returned).as("node %s: maintain() returns nextMaintenance()", id).isEqualTo(n.nextMaintenance());
            assertThat(returned).as("node %s: next maintenance after refreshing", id).isGreaterThan(now);
            for (int i : stale) {
                long refreshedAt = i == OWN_RANGE ? n.ownRangeRefreshed() : n.routingTable().lastRefreshed(i);
                assertThat(refreshedAt).as("node %s: bucket %d marked refreshed", id, i)
                        .isEqualTo(now);
            }
            net.runUntilIdle();
        }
    }

    @Test
    @DisplayName("a user lookup into a bucket's range counts as its refresh")
    void lookupIntoABucketPostponesItsRefresh() {
        KadConfig cfg = ClassicConfig.builder().bits(32).k(4).refreshIntervalMs(REFRESH).build();
        RecordingObserver seen = new RecordingObserver();
        TestNetwork net = joined(cfg, 52, 16, seen);
        KadNode n = net.node(net.liveIds().get(3));
        net.runUntil(REFRESH * 3);
        List<Integer> stale = staleBuckets(n, net.now);
        int bucket = stale.get(stale.size() - 1);
        net.await(n.findNode(net.keySpace.randomIdInBucket(n.id(), bucket, new Random(5))));
        assertThat(n.routingTable().lastRefreshed(bucket)).as("bucket %d after a find_node into it", bucket)
                .isEqualTo(REFRESH * 3);

        seen.clear();
        n.maintain();
        List<Integer> refreshed = seen.started(LookupPurpose.REFRESH).stream()
                .map(s -> n.routingTable().bucketIndexOf(s.lookup().target())).toList();
        assertThat(refreshed).as("buckets refreshed after the find_node into bucket %d", bucket)
                .doesNotContain(bucket)
                .containsExactlyElementsOf(stale.subList(0, stale.size() - 1));
    }

    @Test
    @DisplayName("nextMaintenance() is 'never' for a lone empty node and the earliest record deadline otherwise")
    void nextMaintenanceCoversRecords() {
        KadConfig cfg = ClassicConfig.builder().bits(8).k(4).refreshIntervalMs(1_000_000)
                .holderRepublishMs(5_000).build();
        TestNetwork net = new TestNetwork(cfg, 53);
        KadNode lone = net.add(net.id("0x01"));
        assertThat(lone.nextMaintenance()).as("empty table, no records").isEqualTo(Long.MAX_VALUE);
        assertThat(lone.maintain()).as("maintain() of a lone empty node").isEqualTo(Long.MAX_VALUE);

        KadNode sender = net.add(net.id("0x80"));
        net.await(net.deliver(sender, lone, new KadRequest.Store(1, net.id("0x02"), "v", 3_000)));
        long storedAt = lone.recordStore().get(net.id("0x02"), net.now).storedAt();
        assertThat(lone.nextMaintenance()).as("a record expiring before its holder republish").isEqualTo(storedAt + 3_000);

        net.await(net.deliver(sender, lone, new KadRequest.Store(2, net.id("0x02"), "v", 9_000)));
        storedAt = lone.recordStore().get(net.id("0x02"), net.now).storedAt();
        assertThat(lone.nextMaintenance()).as("a record due for holder republish before it expires")
                .isEqualTo(storedAt + 5_000);
    }
}
