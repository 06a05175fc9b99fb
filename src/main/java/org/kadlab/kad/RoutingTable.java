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
 * Buckets are created on first use and stored by common-prefix length, so a 160-bit table in a
 * network of N nodes allocates about log2(N) buckets, not 160.
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
    private KBucket[] byPrefix = new KBucket[0];
    private int size;

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
        return size;
    }

    /** The bucket {@code id} belongs in, or -1 for the owner itself. */
    public int bucketIndexOf(NodeId id) {
        return self.bucketIndex(id);
    }

    /** The bucket with this index, or null if it was never used. A read-only view. */
    public KBucket bucket(int index) {
        checkIndex(index);
        int p = bits - 1 - index;
        return p < byPrefix.length ? byPrefix[p] : null;
    }

    /** The buckets that hold at least one contact, closest (lowest index) first. */
    public List<KBucket> nonEmptyBuckets() {
        List<KBucket> out = new ArrayList<>();
        for (int p = byPrefix.length - 1; p >= 0; p--) {
            if (byPrefix[p] != null && byPrefix[p].size() > 0) {
                out.add(byPrefix[p]);
            }
        }
        return out;
    }

    /** The lowest index of a non-empty bucket (the bucket of the closest contact), or -1 if empty. */
    public int lowestNonEmptyIndex() {
        for (int p = byPrefix.length - 1; p >= 0; p--) {
            if (byPrefix[p] != null && byPrefix[p].size() > 0) {
                return bits - 1 - p;
            }
        }
        return -1;
    }

    /** Whether the table holds a contact with this id. */
    public boolean contains(NodeId id) {
        int i = self.bucketIndex(id);
        if (i < 0) {
            return false;
        }
        KBucket b = bucket(i);
        return b != null && b.find(id) >= 0;
    }

    /** Every contact, closest bucket first, each bucket least recently seen first. */
    public List<Contact> contacts() {
        List<Contact> out = new ArrayList<>(size);
        for (int p = byPrefix.length - 1; p >= 0; p--) {
            if (byPrefix[p] != null) {
                byPrefix[p].addTo(out);
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
        KBucket b = bucketForWrite(index);
        long now = clock.nowMillis();
        int pos = b.find(contact);
        if (pos >= 0) {
            b.touch(pos, now);
            return new UpdateResult.Updated(contact, index);
        }
        if (b.size() < k) {
            b.removeReplacement(id);
            b.append(contact, now, k);
            size++;
            return new UpdateResult.Added(contact, index);
        }
        if (pingSkipWindowMs > 0 && b.failures(0) == 0 && now - b.lastSeen(0) < pingSkipWindowMs) {
            b.cacheReplacement(contact, replacementCacheSize); // the head answered moments ago: no ping
            return new UpdateResult.Cached(contact, index);
        }
        return new UpdateResult.Pending(b.contact(0), contact, index);
    }

    /**
     * Notes that a ping-before-evict of {@code pending.toPing()} has started. Returns false when the
     * bucket already has one in flight; the newcomer then waits in the replacement cache instead.
     */
    public boolean beginPing(UpdateResult.Pending pending) {
        KBucket b = bucketForWrite(pending.bucket());
        if (b.pendingPing() != null) {
            b.cacheReplacement(pending.candidate(), replacementCacheSize);
            return false;
        }
        b.setPendingPing(pending.toPing(), pending.candidate());
        return true;
    }

    /** Forgets every ping-before-evict in progress (their answers will never come, as after a crash). */
    public void clearPendingPings() {
        for (KBucket b : byPrefix) {
            if (b != null) {
                b.setPendingPing(null, null);
            }
        }
    }

    /** Applies the answer of a ping-before-evict; see the class comment. */
    public PingOutcome applyPingResult(Contact pinged, boolean alive, Contact candidate) {
        int index = self.bucketIndex(pinged.id());
        checkIndex(index);
        KBucket b = bucketForWrite(index);
        if (b.pendingPing() != null && b.pendingPing().id().equals(pinged.id())) {
            b.setPendingPing(null, null);
        }
        long now = clock.nowMillis();
        int pos = b.find(pinged.id());
        if (alive && pos >= 0) {
            b.touch(pos, now);
            if (candidate != null && b.find(candidate.id()) < 0) {
                b.cacheReplacement(candidate, replacementCacheSize);
            }
            return new PingOutcome(index, pinged, true, candidate, false);
        }
        if (pos >= 0) {
            b.removeAt(pos);
            size--;
        }
        // dead, or already evicted meanwhile: the newcomer takes a free place, or waits in the cache
        boolean added = false;
        if (candidate != null && b.find(candidate.id()) < 0) {
            if (b.size() < k) {
                b.removeReplacement(candidate.id());
                b.append(candidate, now, k);
                size++;
                added = true;
            } else {
                b.cacheReplacement(candidate, replacementCacheSize);
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
        KBucket b = index < 0 ? null : bucket(index);
        int pos = b == null ? -1 : b.find(id);
        if (pos < 0) {
            if (b != null) {
                b.removeReplacement(id);
            }
            return new FailureOutcome.Unknown(id);
        }
        int failures = b.fail(pos, clock.nowMillis());
        if (failures < maxFailures) {
            return new FailureOutcome.Stale(b.contact(pos), index, failures);
        }
        Contact stale = b.contact(pos);
        Contact promoted = null;
        if (b.pendingPing() != null && b.pendingPing().id().equals(stale.id())) {
            // the contact being pinged failed anyway: the newcomer waiting on that ping gets its place
            Contact waiting = b.pendingCandidate();
            b.setPendingPing(null, null);
            if (waiting != null && b.find(waiting.id()) < 0) {
                b.removeReplacement(waiting.id());
                promoted = waiting;
            }
        }
        if (promoted == null) {
            promoted = b.takeNewestReplacement();
        }
        if (promoted == null && !evictStaleAlone) {
            return new FailureOutcome.Stale(stale, index, failures); // nobody to take its place: flagged, kept
        }
        b.removeAt(pos);
        size--;
        if (promoted != null) {
            b.append(promoted, clock.nowMillis(), k);
            size++;
        }
        return new FailureOutcome.Evicted(stale, index, promoted);
    }

    /** Removes the contact with this id; returns whether it was present. */
    public boolean remove(NodeId id) {
        int index = self.bucketIndex(id);
        KBucket b = index < 0 ? null : bucket(index);
        int pos = b == null ? -1 : b.find(id);
        if (pos < 0) {
            return false;
        }
        b.removeAt(pos);
        size--;
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
        if (n <= 0 || size == 0) {
            return List.of();
        }
        KBucket.Scratch scratch = KBucket.scratch();
        // a whole bucket is added at a time, so the gathering may overshoot n by up to k - 1
        Contact[] out = scratch.out(Math.min(size, n + k));
        int m = 0;
        // byPrefix[p] is bucket bits-1-p: ascending p is descending bucket index; bucket i comes
        // before the lower ones when bit i of target XOR self is set, after them when it is clear
        for (int p = 0; p < byPrefix.length && m < n; p++) {
            KBucket b = byPrefix[p];
            if (b != null && b.size() > 0 && target.testBit(bits - 1 - p) != self.testBit(bits - 1 - p)) {
                m = b.sortInto(out, m, target, withFailing, exclude, scratch);
            }
        }
        for (int p = byPrefix.length - 1; p >= 0 && m < n; p--) {
            KBucket b = byPrefix[p];
            if (b != null && b.size() > 0 && target.testBit(bits - 1 - p) == self.testBit(bits - 1 - p)) {
                m = b.sortInto(out, m, target, withFailing, exclude, scratch);
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
        int index = self.bucketIndex(id);
        KBucket b = index < 0 ? null : bucket(index);
        int pos = b == null ? -1 : b.find(id);
        if (pos < 0 || b.failures(pos) == 0) {
            return Long.MIN_VALUE;
        }
        return b.failedAt(pos) + config.backoffMs(b.failures(pos));
    }

    /** Whether any contact has failed since it was last heard from (cheap: a count per bucket). */
    public boolean hasFailing() {
        for (KBucket b : byPrefix) {
            if (b != null && b.failingCount() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Makes room for {@code n} contacts (at most k) in bucket {@code index}, as a filling from a global view knows them all at once. */
    public void reserve(int index, int n) {
        checkIndex(index);
        bucketForWrite(index).reserve(Math.min(n, k));
    }

    /** Notes that a lookup went into bucket {@code index}'s range now. */
    public void markRefreshed(int index) {
        checkIndex(index);
        bucketForWrite(index).setLastRefreshed(clock.nowMillis());
    }

    /** When a lookup last went into bucket {@code index}'s range (the table's birth if never). */
    public long lastRefreshed(int index) {
        KBucket b = bucket(index);
        return b == null ? createdAt : b.lastRefreshed();
    }

    private KBucket bucketForWrite(int index) {
        int p = bits - 1 - index;
        if (p >= byPrefix.length) {
            byPrefix = Arrays.copyOf(byPrefix, p + 1);
        }
        KBucket b = byPrefix[p];
        if (b == null) {
            b = new KBucket(index, bits, createdAt);
            byPrefix[p] = b;
        }
        return b;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= bits) {
            throw new IllegalArgumentException("bucket index must be between 0 and " + (bits - 1) + ", was " + index);
        }
    }
}
