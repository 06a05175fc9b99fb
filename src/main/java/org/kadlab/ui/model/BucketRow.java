package org.kadlab.ui.model;

import java.util.ArrayList;
import java.util.List;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.RingGeometry;

/**
 * One row of the bucket occupancy panel: either a non-empty bucket (contacts in LRU order, head
 * first, fill against k and the expected fill, replacement cache, pending ping) or a run of
 * consecutive empty buckets folded into one row.
 *
 * @param emptyRun     whether the row stands for a run of empty buckets
 * @param firstIndex   the bucket index (for a run, the lowest index)
 * @param lastIndex    the same as firstIndex for a bucket; the highest index for a run of empty ones
 * @param contacts     the contacts, least recently seen first (empty for a run)
 * @param k            bucket capacity
 * @param expected     the expected fill min(k, N 2^(i-B)) for N other live nodes
 * @param replacements the replacement cache, oldest first, in hex
 * @param pinged       the contact being pinged before an eviction, in hex, or null
 * @param newcomer     the newcomer waiting on that ping, in hex, or null
 */
public record BucketRow(boolean emptyRun, int firstIndex, int lastIndex, List<Slot> contacts, int k, double expected,
                        List<String> replacements, String pinged, String newcomer) {

    /** One contact in a bucket. */
    public record Slot(String hex, String binary, long lastSeen, int failures, boolean alive) {
        /** Whether recent RPCs to it failed (it is stale but not yet evicted). */
        public boolean stale() {
            return failures > 0;
        }
    }

    /** Whether this row stands for a run of empty buckets. */
    public boolean isEmptyRun() {
        return emptyRun;
    }

    /** The row's title: "bucket 12" or "buckets 0-9 empty". */
    public String title() {
        if (!isEmptyRun()) {
            return "bucket " + firstIndex;
        }
        return firstIndex == lastIndex ? "bucket " + firstIndex + " empty"
                : "buckets " + firstIndex + "\u2013" + lastIndex + " empty";
    }

    /**
     * The rows for {@code node}'s routing table, farthest bucket first; runs of empty buckets are
     * folded into one row each.
     */
    public static List<BucketRow> of(NodeId node, NetworkModel net) {
        TableSnapshot table = net.table(node);
        KeySpace ks = net.keySpace();
        int bits = ks.bits();
        int k = table.k();
        int others = Math.max(0, net.liveCount() - (net.isAlive(node) ? 1 : 0));
        List<BucketRow> rows = new ArrayList<>();
        int runEnd = -1; // highest index of the current empty run
        for (int i = bits - 1; i >= 0; i--) {
            TableSnapshot.BucketSnapshot b = table.bucket(i);
            boolean empty = b.isBlank();
            if (empty) {
                if (runEnd < 0) {
                    runEnd = i;
                }
                continue;
            }
            if (runEnd >= 0) {
                rows.add(new BucketRow(true, i + 1, runEnd, List.of(), k, 0, List.of(), null, null));
                runEnd = -1;
            }
            List<Slot> slots = new ArrayList<>(b.size());
            for (TableSnapshot.ContactSnapshot c : b.contacts()) {
                slots.add(new Slot(ks.hex(c.id()), ks.binary(c.id()), c.lastSeen(), c.failures(), net.isAlive(c.id())));
            }
            List<String> cache = new ArrayList<>();
            for (NodeId r : b.replacements()) {
                cache.add(ks.hex(r));
            }
            rows.add(new BucketRow(false, i, i, slots, k, RingGeometry.expectedFill(i, k, others, bits), cache,
                    b.pinged() == null ? null : ks.hex(b.pinged()),
                    b.newcomer() == null ? null : ks.hex(b.newcomer())));
        }
        if (runEnd >= 0) {
            rows.add(new BucketRow(true, 0, runEnd, List.of(), k, 0, List.of(), null, null));
        }
        return rows;
    }
}
