package org.kadlab.kad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One k-bucket: at most k contacts in least-recently-seen order (head = least recently seen, tail =
 * most recently seen), a bounded replacement cache of newcomers that found the bucket full, the
 * ping-before-evict in progress (if any) and the time of the last lookup into its range.
 *
 * <p>Outside the package this class is a read-only view; only {@link RoutingTable} changes it.
 * Entries live in parallel arrays that grow on demand, so an almost empty bucket costs little.
 */
public final class KBucket {
    private static final Contact[] NO_CONTACTS = new Contact[0];
    private static final long[] NO_LONGS = new long[0];
    private static final int[] NO_COUNTS = new int[0];
    private static final long OFFSET_MASK = 0xFFFF_FFFFL;

    private final int index;
    private final int bits;
    private Contact[] contacts = NO_CONTACTS;
    /**
     * One word per contact: the top 32 bits of its id ({@link NodeId#key32}: a filter for
     * {@link #find} and a sort key) above its last-seen time as an unsigned offset from {@link #base}.
     */
    private long[] meta = NO_LONGS;
    private long base; // last-seen times are stored as offsets from here (moves on after 49 days)
    private int size;
    private int[] failures = NO_COUNTS; // both allocated at the first failure in this bucket
    private long[] failedAt = NO_LONGS;
    private int failing; // contacts whose failure count is above zero
    private Contact[] replacements = NO_CONTACTS;
    private int[] replacementKeys = NO_COUNTS; // each replacement's key32, to find one without reading ids
    private int replacementCount;
    private Contact pinging;
    private Contact pingCandidate;
    private long lastRefreshed;

    KBucket(int index, int bits, long createdAt) {
        this.index = index;
        this.bits = bits;
        this.lastRefreshed = createdAt;
        this.base = createdAt;
    }

    /** This bucket's index: it holds contacts at distance [2^index, 2^(index+1)) from the owner. */
    public int index() {
        return index;
    }

    /** Number of contacts held. */
    public int size() {
        return size;
    }

    /** The contact at LRU position {@code i} (0 = least recently seen). */
    public Contact contact(int i) {
        checkPosition(i);
        return contacts[i];
    }

    /** When the contact at position {@code i} was last seen (virtual ms). */
    public long lastSeen(int i) {
        checkPosition(i);
        return base + (meta[i] & OFFSET_MASK);
    }

    /** Consecutive failed RPCs of the contact at position {@code i}; above zero means stale. */
    public int failures(int i) {
        checkPosition(i);
        return failures.length == 0 ? 0 : failures[i];
    }

    /** When the contact at position {@code i} last failed (virtual ms); meaningful only while {@link #failures} is above zero. */
    public long failedAt(int i) {
        checkPosition(i);
        return failedAt.length == 0 ? 0 : failedAt[i];
    }

    /** How many contacts have failed since they were last heard from. */
    public int failingCount() {
        return failing;
    }

    /** The contacts, least recently seen first (a copy). */
    public List<Contact> contacts() {
        return Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(contacts, size)));
    }

    /** The replacement cache, oldest first (a copy). */
    public List<Contact> replacements() {
        return Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(replacements, replacementCount)));
    }

    /** The least recently seen contact being pinged before an eviction, or null. */
    public Contact pendingPing() {
        return pinging;
    }

    /** The newcomer waiting on the ping in progress, or null. */
    public Contact pendingCandidate() {
        return pingCandidate;
    }

    /** When a lookup last went into this bucket's range (virtual ms). */
    public long lastRefreshed() {
        return lastRefreshed;
    }

    private void checkPosition(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("position " + i + " of a bucket holding " + size);
        }
    }

    // ---- package-private mutators, used by RoutingTable ----

    /**
     * The position of {@code c}, matched by the top bits of its id and then by identity (the
     * simulator shares one instance per peer, so no other id is read) or else by id.
     */
    int find(Contact c) {
        NodeId id = c.id();
        long key = (long) id.key32(bits) << 32;
        for (int i = 0; i < size; i++) {
            if ((meta[i] & ~OFFSET_MASK) == key && (contacts[i] == c || contacts[i].id().equals(id))) {
                return i;
            }
        }
        return -1;
    }

    int find(NodeId id) {
        long key = (long) id.key32(bits) << 32;
        for (int i = 0; i < size; i++) {
            if ((meta[i] & ~OFFSET_MASK) == key && contacts[i].id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The word stored for {@code c} seen at {@code now}, moving {@link #base} on first if the offset would not fit. */
    private long word(Contact c, long now) {
        if (now - base > OFFSET_MASK) {
            rebase(now);
        }
        return ((long) c.id().key32(bits) << 32) | (now - base);
    }

    /** Moves the base to half the offset range before {@code now}; older times are clamped to it. */
    private void rebase(long now) {
        long next = now - (OFFSET_MASK >>> 1);
        for (int i = 0; i < size; i++) {
            long seen = Math.max(next, base + (meta[i] & OFFSET_MASK));
            meta[i] = (meta[i] & ~OFFSET_MASK) | (seen - next);
        }
        base = next;
    }

    /** Moves position {@code i} to the tail, refreshing its last-seen time and clearing failures. */
    void touch(int i, long now) {
        Contact c = contacts[i];
        int tail = size - 1;
        if (failures.length > 0) {
            if (failures[i] > 0) {
                failing--;
            }
            System.arraycopy(failures, i + 1, failures, i, tail - i);
            System.arraycopy(failedAt, i + 1, failedAt, i, tail - i);
            failures[tail] = 0;
        }
        System.arraycopy(contacts, i + 1, contacts, i, tail - i);
        System.arraycopy(meta, i + 1, meta, i, tail - i);
        contacts[tail] = c;
        meta[tail] = word(c, now);
    }

    /** Makes room for {@code n} contacts in all, so that filling the bucket copies nothing. */
    void reserve(int n) {
        if (contacts.length < n) {
            contacts = Arrays.copyOf(contacts, n);
            meta = Arrays.copyOf(meta, n);
            if (failures.length > 0) {
                failures = Arrays.copyOf(failures, n);
                failedAt = Arrays.copyOf(failedAt, n);
            }
        }
    }

    void append(Contact c, long now, int capacity) {
        if (size == contacts.length) {
            int n = Math.min(capacity, Math.max(4, size * 2));
            contacts = Arrays.copyOf(contacts, n);
            meta = Arrays.copyOf(meta, n);
            if (failures.length > 0) {
                failures = Arrays.copyOf(failures, n);
                failedAt = Arrays.copyOf(failedAt, n);
            }
        }
        contacts[size] = c;
        meta[size] = word(c, now);
        if (failures.length > 0) {
            failures[size] = 0;
        }
        size++;
    }

    Contact removeAt(int i) {
        Contact c = contacts[i];
        int tail = size - 1;
        if (failures.length > 0) {
            if (failures[i] > 0) {
                failing--;
            }
            System.arraycopy(failures, i + 1, failures, i, tail - i);
            System.arraycopy(failedAt, i + 1, failedAt, i, tail - i);
        }
        System.arraycopy(contacts, i + 1, contacts, i, tail - i);
        System.arraycopy(meta, i + 1, meta, i, tail - i);
        contacts[tail] = null;
        size--;
        return c;
    }

    /** Adds one to the failure count at {@code i}, notes when, and returns the new count. */
    int fail(int i, long now) {
        if (failures.length < contacts.length) {
            failures = Arrays.copyOf(failures, contacts.length);
            failedAt = Arrays.copyOf(failedAt, contacts.length);
        }
        if (failures[i] == 0) {
            failing++;
        }
        if (failures[i] < Integer.MAX_VALUE) {
            failures[i]++;
        }
        failedAt[i] = now;
        return failures[i];
    }

    /** Puts {@code c} at the tail of the replacement cache, dropping the oldest when it is full. */
    void cacheReplacement(Contact c, int capacity) {
        if (capacity == 0) {
            return;
        }
        removeReplacement(c.id());
        if (replacementCount == capacity) {
            System.arraycopy(replacements, 1, replacements, 0, replacementCount - 1);
            System.arraycopy(replacementKeys, 1, replacementKeys, 0, replacementCount - 1);
            replacementCount--;
        }
        if (replacementCount == replacements.length) {
            int n = Math.min(capacity, Math.max(2, replacementCount * 2));
            replacements = Arrays.copyOf(replacements, n);
            replacementKeys = Arrays.copyOf(replacementKeys, n);
        }
        replacementKeys[replacementCount] = c.id().key32(bits);
        replacements[replacementCount++] = c;
    }

    boolean removeReplacement(NodeId id) {
        if (replacementCount == 0) {
            return false;
        }
        int key = id.key32(bits);
        for (int i = 0; i < replacementCount; i++) {
            if (replacementKeys[i] == key && replacements[i].id().equals(id)) {
                System.arraycopy(replacements, i + 1, replacements, i, replacementCount - i - 1);
                System.arraycopy(replacementKeys, i + 1, replacementKeys, i, replacementCount - i - 1);
                replacements[--replacementCount] = null;
                return true;
            }
        }
        return false;
    }

    /** Takes the most recently cached replacement out of the cache, or null when it is empty. */
    Contact takeNewestReplacement() {
        if (replacementCount == 0) {
            return null;
        }
        Contact c = replacements[--replacementCount];
        replacements[replacementCount] = null;
        return c;
    }

    void setPendingPing(Contact pinged, Contact candidate) {
        this.pinging = pinged;
        this.pingCandidate = candidate;
    }

    void setLastRefreshed(long now) {
        this.lastRefreshed = now;
    }

    void addTo(List<Contact> out) {
        for (int i = 0; i < size; i++) {
            out.add(contacts[i]);
        }
    }

    /** Scratch space of the sorts, one per thread (each node runs on one thread at a time). */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Packed sort keys of one bucket and the gathered answer of one {@code closest}; grow to the largest seen. */
    static final class Scratch {
        long[] keys = new long[32];
        Contact[] out = new Contact[64];

        Contact[] out(int n) {
            if (out.length < n) {
                out = new Contact[n];
            }
            return out;
        }
    }

    static Scratch scratch() {
        return SCRATCH.get();
    }

    private static final int POSITION_BITS = 16; // a bucket holds at most KadConfig.MAX_K contacts

    /**
     * Writes this bucket's contacts into {@code out} from {@code at}, sorted by distance to
     * {@code target}, leaving out {@code exclude} (may be null) and, without {@code withFailing},
     * contacts whose last RPC failed; returns the position after the last one written. Each contact
     * is sorted by one packed word (the top 32 bits of its distance, then its position), and only
     * contacts whose top bits tie are compared in full.
     */
    int sortInto(Contact[] out, int at, NodeId target, boolean withFailing, NodeId exclude, Scratch scratch) {
        long t = target.key32(bits) & OFFSET_MASK;
        long excludeKey = exclude == null ? -1 : exclude.key32(bits) & OFFSET_MASK;
        if (scratch.keys.length < size) {
            scratch.keys = new long[Math.max(size, scratch.keys.length * 2)];
        }
        long[] keys = scratch.keys;
        int m = 0;
        for (int i = 0; i < size; i++) {
            if (!withFailing && failing > 0 && failures[i] > 0) {
                continue;
            }
            long top = meta[i] >>> 32;
            if (top == excludeKey && contacts[i].id().equals(exclude)) {
                continue;
            }
            keys[m++] = ((top ^ t) << POSITION_BITS) | i;
        }
        Arrays.sort(keys, 0, m);
        for (int i = 0; i < m; i++) {
            out[at + i] = contacts[(int) (keys[i] & ((1 << POSITION_BITS) - 1))];
        }
        for (int i = 1; i < m; i++) { // rare: equal top bits, ordered by the whole distance
            if (keys[i] >>> POSITION_BITS == keys[i - 1] >>> POSITION_BITS) {
                int j = at + i;
                Contact c = out[j];
                while (j > at && keys[j - at - 1] >>> POSITION_BITS == keys[i] >>> POSITION_BITS
                        && NodeId.compareDistance(target, out[j - 1].id(), c.id()) > 0) {
                    out[j] = out[j - 1];
                    j--;
                }
                out[j] = c;
            }
        }
        return at + m;
    }

    @Override
    public String toString() {
        List<Contact> list = new ArrayList<>(size);
        addTo(list);
        return "bucket " + index + " " + list;
    }
}
