package org.kadlab.ui.model;

import java.util.ArrayList;
import java.util.List;
import org.kadlab.kad.NodeId;

/**
 * A routing table copied at one moment, for the views: one {@link BucketSnapshot} per bucket index
 * (bucket i holds contacts at XOR distance [2^i, 2^(i+1)) from the owner).
 *
 * @param owner   whose table it is
 * @param k       bucket capacity
 * @param buckets every bucket, by index (empty buckets included)
 */
public record TableSnapshot(NodeId owner, int k, List<BucketSnapshot> buckets) {
    public TableSnapshot {
        buckets = List.copyOf(buckets);
    }

    /** One contact as its bucket holds it. */
    public record ContactSnapshot(NodeId id, long lastSeen, int failures) {
        /** Whether recent RPCs to it failed (it is stale but not yet evicted). */
        public boolean stale() {
            return failures > 0;
        }
    }

    /**
     * One bucket: contacts least recently seen first, its replacement cache (oldest first), and the
     * ping-before-evict under way, if any.
     *
     * @param pinged   the head being pinged because a newcomer wants its place, or null
     * @param newcomer the newcomer waiting on that ping, or null
     */
    public record BucketSnapshot(int index, List<ContactSnapshot> contacts, List<NodeId> replacements, NodeId pinged,
                                 NodeId newcomer) {
        public BucketSnapshot {
            contacts = List.copyOf(contacts);
            replacements = List.copyOf(replacements);
        }

        public int size() {
            return contacts.size();
        }

        /** Whether nothing is in it, waiting for it or cached for it. */
        public boolean isBlank() {
            return contacts.isEmpty() && pinged == null && replacements.isEmpty();
        }
    }

    /** The bucket with this index. */
    public BucketSnapshot bucket(int index) {
        return buckets.get(index);
    }

    /** The buckets that hold at least one contact, closest first. */
    public List<BucketSnapshot> nonEmptyBuckets() {
        List<BucketSnapshot> out = new ArrayList<>();
        for (BucketSnapshot b : buckets) {
            if (b.size() > 0) {
                out.add(b);
            }
        }
        return out;
    }

    /** How many contacts the table holds. */
    public int size() {
        int n = 0;
        for (BucketSnapshot b : buckets) {
            n += b.size();
        }
        return n;
    }

    /** Whether the table holds {@code id}. */
    public boolean contains(NodeId id) {
        for (BucketSnapshot b : buckets) {
            for (ContactSnapshot c : b.contacts()) {
                if (c.id().equals(id)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every contact's id, farthest bucket first. */
    public List<NodeId> contactIds() {
        List<NodeId> out = new ArrayList<>();
        for (int i = buckets.size() - 1; i >= 0; i--) {
            for (ContactSnapshot c : buckets.get(i).contacts()) {
                out.add(c.id());
            }
        }
        return out;
    }
}
