package org.kadlab.kad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The routing table of one node: B k-buckets, bucket i holding contacts at XOR distance
 * [2^i, 2^(i+1)) from the owner (bucket 0 is the closest).
 *
 * <ol>
 *   <li>{@link #update}: self is ignored; a known contact moves to the tail (Updated); a bucket with
 *       room appends it (Added); a full bucket is left unchanged and the answer names its least
 *       recently seen contact to ping (Pending), unless that contact answered within the ping-skip
 *       window: then the newcomer waits in the replacement cache (Cached). The table does no I/O:
 *       the node pings.</li>
 *   <li>{@link #applyPingResult}: alive, the pinged contact moves to the tail and the newcomer goes to
 *       the bucket's replacement cache; dead, the pinged contact is evicted and the newcomer
 *       appended.</li>
 *   <li>{@link #recordFailure}: a failed RPC is counted; after {@code maxFailures} consecutive
 *       failures the contact is stale and is replaced: by the newcomer waiting on a ping of that
 *       very contact if there is one (the ping is then moot), else by the newest replacement; with
 *       no replacement it stays, flagged, until it answers or a replacement comes.</li>
 *   <li>{@link #closest}: exactly the n contacts nearest to a target, nearest first.</li>
 * </ol>
 * Buckets come into use on first use and are kept by common-prefix length, all of them in one flat
 * {@code TableStore}, so a 160-bit table in a network of N nodes keeps about log2(N) buckets, not
 * 160, with no object per bucket.
 */
public final class RoutingTable {
    private final NodeId self;
    private final int bits;
    private final int k;
    private final int replacementCacheSize;
    private final int maxFailures;
    private final long pingSkipWindowMs;
    private final boolean evictStaleAlone;
    private final KadConfig config;
    private final KadClock clock;
    private final long createdAt;
    private final TableStore store;

    /** A table for {@code self} using the bucket size, cache size and failure limit of {@code config}. */
    public RoutingTable(NodeId self, KadConfig config, KadClock clock) {
        this.self = Objects.requireNonNull(self, "self");
        this.bits = config.bits();
        if (!config.keySpace().contains(self)) {
            throw new IllegalArgumentException("own id " + self + " does not fit in " + bits + " bits");
        }
        this.k = config.k();
        this.replacementCacheSize = config.replacementCacheSize();
        this.maxFailures = config.maxFailures();
        this.pingSkipWindowMs = config.pingSkipWindowMs();
        this.evictStaleAlone = config.evictStaleAlone();
        this.config = config;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.createdAt = clock.nowMillis();
        this.store = new TableStore(bits, createdAt);
    }

    /** The owner's id. */
    public NodeId self() {
        return self;
    }

    /** Bucket capacity. */
    public int k() {
        return k;
    }

    /** Number of buckets (the key space width B). */
    public int bucketCount() {
        return bits;
    }

    /** Total number of contacts held. */
    public int size() {
        return store.size();
    }

    /** The bucket {@code id} belongs in, or -1 for the owner itself. */
    public int bucketIndexOf(NodeId id) {
        return self.bucketIndex(id);
    }

    /** The bucket with this index, or null if it was never used. A read-only view. */
    public KBucket bucket(int index) {
        checkIndex(index);
        int p = bits - 1 - index;
        return store.used(p) ? new KBucket(store, p, index) : null;
    }

    /** The buckets that hold at least one contact, closest (lowest index) first. */
    public List<KBucket> nonEmptyBuckets() {
        List<KBucket> out = new ArrayList<>();
        for (int p = store.depth() - 1; p >= 0; p--) {
            if (store.end(p) > store.start(p)) {
                out.add(new KBucket(store, p, bits - 1 - p));
            }
        }
        return out;
    }

    /** The lowest index of a non-empty bucket (the bucket of the closest contact), or -1 if empty. */
    public int lowestNonEmptyIndex() {
        for (int p = store.depth() - 1; p >= 0; p--) {
            if (store.end(p) > store.start(p)) {
                return bits - 1 - p;
            }
        }
        return -1;
    }

    /** Whether the table holds a contact with this id. */
    public boolean contains(NodeId id) {
        int p = prefixOf(id);
        return p >= 0 && store.find(p, id) >= 0;
    }

    /** Every contact, closest bucket first, each bucket least recently seen first. */
    public List<Contact> contacts() {
        List<Contact> out = new ArrayList<>(store.size());
        for (int p = store.depth() - 1; p >= 0; p--) {
            for (int pos = store.start(p), e = store.end(p); pos < e; pos++) {
                out.add(store.contact(pos));
            }
        }
        return out;
    }

    /** Records that {@code contact} was heard from; see the class comment for the four outcomes. */
    public UpdateResult update(Contact contact) {
        NodeId id = contact.id();
        int index = self.bucketIndex(id);
        if (index < 0) {
            return new UpdateResult.Ignored(contact);
        }
        checkIndex(index);
        int p = prefixForWrite(index);
        long now = clock.nowMillis();
        int pos = store.find(p, contact);
        if (pos >= 0) {
            store.touch(p, pos, now);
            return new UpdateResult.Updated(contact, index);
        }
        int head = store.start(p);
        if (store.end(p) - head < k) {
            store.removeReplacement(p, id);
            store.append(p, contact, now);
            return new UpdateResult.Added(contact, index);
        }
        if (pingSkipWindowMs > 0 && store.failures(head) == 0 && now - store.lastSeen(head) < pingSkipWindowMs) {
            store.cacheReplacement(p, contact, replacementCacheSize); // the head answered moments ago: no ping
            return new UpdateResult.Cached(contact, index);
        }
        return new UpdateResult.Pending(store.contact(head), contact, index);
    }

    /**
     * Notes that a ping-before-evict of {@code pending.toPing()} has started. Returns false when the
     * bucket already has one in flight; the newcomer then waits in the replacement cache instead.
     */
    public boolean beginPing(UpdateResult.Pending pending) {
        int p = prefixForWrite(pending.bucket());
        if (store.pinging(p) != null) {
            store.cacheReplacement(p, pending.candidate(), replacementCacheSize);
            return false;
        }
        store.setPendingPing(p, pending.toPing(), pending.candidate());
        return true;
    }

    /** Forgets every ping-before-evict in progress (their answers will never come, as after a crash). */
    public void clearPendingPings() {
        store.clearPendingPings();
    }

    /** Applies the answer of a ping-before-evict; see the class comment. */
    public PingOutcome applyPingResult(Contact pinged, boolean alive, Contact candidate) {
        int index = self.bucketIndex(pinged.id());
        checkIndex(index);
        int p = prefixForWrite(index);
        Contact pinging = store.pinging(p);
        if (pinging != null && pinging.id().equals(pinged.id())) {
            store.setPendingPing(p, null, null);
        }
        long now = clock.nowMillis();
        int pos = store.find(p, pinged.id());
        if (alive && pos >= 0) {
            store.touch(p, pos, now);
            if (candidate != null && store.find(p, candidate.id()) < 0) {
                store.cacheReplacement(p, candidate, replacementCacheSize);
            }
            return new PingOutcome(index, pinged, true, candidate, false);
        }
        if (pos >= 0) {
            store.removeAt(p, pos);
        }
        // dead, or already evicted meanwhile: the newcomer takes a free place, or waits in the cache
        boolean added = false;
        if (candidate != null && store.find(p, candidate.id()) < 0) {
            if (store.end(p) - store.start(p) < k) {
                store.removeReplacement(p, candidate.id());
                store.append(p, candidate, now);
                added = true;
            } else {
                store.cacheReplacement(p, candidate, replacementCacheSize);
            }
        }
        return new PingOutcome(index, pinged, alive, candidate, added);
    }

    /**
     * Counts a failed RPC to {@code id}. Below {@code max_failures} in a row the contact is only
     * marked; at the limit it is stale (paper, section 4.1) and is replaced if a replacement waits
     * (the newcomer of a ping-before-evict of this contact, else the newest in the bucket's cache);
     * with nobody to take its place it stays, flagged, so a node whose own link fails does not
     * empty its buckets. An answer clears the count.
     */
    public FailureOutcome recordFailure(NodeId id) {
        int index = self.bucketIndex(id);
        int p = prefixOf(id);
        int pos = p < 0 ? -1 : store.find(p, id);
        if (pos < 0) {
            if (p >= 0) {
                store.removeReplacement(p, id);
            }
            return new FailureOutcome.Unknown(id);
        }
        int failures = store.fail(pos, clock.nowMillis());
        Contact stale = store.contact(pos);
        if (failures < maxFailures) {
            return new FailureOutcome.Stale(stale, index, failures);
        }
        Contact promoted = null;
        Contact pinging = store.pinging(p);
        if (pinging != null && pinging.id().equals(stale.id())) {
            // the contact being pinged failed anyway: the newcomer waiting on that ping gets its place
            Contact waiting = store.pingCandidate(p);
            store.setPendingPing(p, null, null);
            if (waiting != null && store.find(p, waiting.id()) < 0) {
                store.removeReplacement(p, waiting.id());
                promoted = waiting;
            }
        }
        if (promoted == null) {
            promoted = store.takeNewestReplacement(p);
        }
        if (promoted == null && !evictStaleAlone) {
            return new FailureOutcome.Stale(stale, index, failures); // nobody to take its place: flagged, kept
        }
        store.removeAt(p, pos);
        if (promoted != null) {
            store.append(p, promoted, clock.nowMillis());
        }
        return new FailureOutcome.Evicted(stale, index, promoted);
    }

    /** Removes the contact with this id; returns whether it was present. */
    public boolean remove(NodeId id) {
        int p = prefixOf(id);
        int pos = p < 0 ? -1 : store.find(p, id);
        if (pos < 0) {
            return false;
        }
        store.removeAt(p, pos);
        return true;
    }

    /**
     * The {@code n} contacts closest to {@code target}, closest first. With x = target XOR self, a
     * contact in bucket i differs from x first at bit i: bucket i is wholly closer than every lower
     * bucket when bit i of x is set, and wholly farther when it is clear. So the buckets are visited
     * in that order (set bits from the highest down, then clear bits from the lowest up) and only
     * within a bucket are contacts sorted.
     */
    public List<Contact> closest(NodeId target, int n) {
        return closest(target, n, true);
    }

    /**
     * Like {@link #closest(NodeId, int)}; without {@code withFailing}, contacts whose last RPC failed
     * (flagged, not yet answered again) are left out, as a FIND_NODE answer leaves them out.
     */
    public List<Contact> closest(NodeId target, int n, boolean withFailing) {
        return closestExcept(target, n, withFailing, null);
    }

    /**
     * The {@code n} contacts closest to {@code target} other than {@code exclude} (may be null: an
     * answer never names its asker), closest first, as a read-only list; without
     * {@code withFailing}, contacts whose last RPC failed are left out.
     */
    public List<Contact> closestExcept(NodeId target, int n, boolean withFailing, NodeId exclude) {
        if (n <= 0 || store.size() == 0) {
            return List.of();
        }
        TableStore.Scratch scratch = TableStore.scratch();
        // a whole bucket is added at a time, so the gathering may overshoot n by up to k - 1
        Contact[] out = scratch.out(Math.min(store.size(), n + k));
        int m = 0;
        // prefix p is bucket bits-1-p: ascending p is descending bucket index; bucket i comes before
        // the lower ones when bit i of target XOR self is set, after them when it is clear
        int depth = store.depth();
        for (int p = 0; p < depth && m < n; p++) {
            if (store.end(p) > store.start(p) && target.testBit(bits - 1 - p) != self.testBit(bits - 1 - p)) {
                m = store.sortInto(p, out, m, target, withFailing, exclude, scratch);
            }
        }
        for (int p = depth - 1; p >= 0 && m < n; p--) {
            if (store.end(p) > store.start(p) && target.testBit(bits - 1 - p) == self.testBit(bits - 1 - p)) {
                m = store.sortInto(p, out, m, target, withFailing, exclude, scratch);
            }
        }
        Contact[] answer = Arrays.copyOf(out, Math.min(m, n));
        Arrays.fill(out, 0, m, null); // the scratch keeps no contact alive
        return Collections.unmodifiableList(Arrays.asList(answer));
    }

    /**
     * Until when this node's lookups leave {@code id} alone: its last failure plus the backoff for
     * its failures in a row ({@link KadConfig#backoffMs}); {@link Long#MIN_VALUE} when it is not in
     * the table or its last RPC did not fail.
     */
    public long backoffUntil(NodeId id) {
        int p = prefixOf(id);
        int pos = p < 0 ? -1 : store.find(p, id);
        if (pos < 0 || store.failures(pos) == 0) {
            return Long.MIN_VALUE;
        }
        return store.failedAt(pos) + config.backoffMs(store.failures(pos));
    }

    /** Whether any contact has failed since it was last heard from (cheap: a count per table). */
    public boolean hasFailing() {
        return store.failing() > 0;
    }

    /**
     * Fills an empty table at once from {@code contacts} given farthest bucket first (as a global
     * view hands them out), each bucket's in least-recently-seen order, all seen now: the same
     * table as {@link #update} of each in turn would give (the owner skipped, a repeat moved to its
     * bucket's tail, a newcomer to a full bucket cached, its head having just been seen), without
     * its per-contact work. Returns the contacts that went in, in order, or null (and changes
     * nothing) when the table is not empty or the contacts are not in that order.
     */
    public List<Contact> fill(List<Contact> contacts) {
        if (store.size() > 0) {
            return null;
        }
        int last = -1;
        for (Contact c : contacts) {
            int index = self.bucketIndex(c.id());
            if (index >= 0) {
                int p = bits - 1 - index;
                if (p < last) {
                    return null;
                }
                last = p;
            }
        }
        List<Contact> added = new ArrayList<>(contacts.size());
        store.reserve(contacts.size());
        long now = clock.nowMillis();
        for (Contact c : contacts) {
            int index = self.bucketIndex(c.id());
            if (index < 0) {
                continue;
            }
            int p = prefixForWrite(index);
            int pos = store.find(p, c);
            if (pos >= 0) {
                store.touch(p, pos, now);
            } else if (store.end(p) - store.start(p) < k) {
                store.append(p, c, now);
                added.add(c);
            } else if (pingSkipWindowMs > 0) {
                store.cacheReplacement(p, c, replacementCacheSize);
            }
        }
        return added;
    }

    /** Notes that a lookup went into bucket {@code index}'s range now. */
    public void markRefreshed(int index) {
        checkIndex(index);
        store.setRefreshed(prefixForWrite(index), clock.nowMillis());
    }

    /** When a lookup last went into bucket {@code index}'s range (the table's birth if never). */
    public long lastRefreshed(int index) {
        checkIndex(index);
        int p = bits - 1 - index;
        return p < store.depth() ? store.refreshed(p) : createdAt;
    }

    /** The prefix of {@code id}'s bucket if that bucket is in use, else -1 (also for the owner). */
    private int prefixOf(NodeId id) {
        int index = self.bucketIndex(id);
        int p = bits - 1 - index;
        return index < 0 || p >= store.depth() ? -1 : p;
    }

    private int prefixForWrite(int index) {
        int p = bits - 1 - index;
        store.use(p);
        return p;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= bits) {
            throw new IllegalArgumentException("bucket index must be between 0 and " + (bits - 1) + ", was " + index);
        }
    }
}
