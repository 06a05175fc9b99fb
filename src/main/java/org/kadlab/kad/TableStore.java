package org.kadlab.kad;

import java.util.Arrays;
import java.util.List;

/**
 * Where one routing table keeps its contacts: one flat pair of arrays for the whole table, bucket
 * after bucket (farthest first, by common-prefix length p = B - 1 - index), each bucket's run in
 * least-recently-seen order, plus a little state per bucket. A table of N contacts costs about 12
 * bytes per contact and 12 per bucket, with no object per bucket; {@link RoutingTable} applies the
 * rules and {@link KBucket} reads one bucket.
 *
 * <p>Each contact has one 64-bit word: the top 32 bits of its id ({@link NodeId#key32}, a filter
 * for finding it and a sort key) above its last-seen time as an unsigned offset from the table's
 * base. When an offset would not fit (after 49 days) the base moves on and older times are
 * clamped. Failure counts are kept only once a contact of the table has failed.
 */
final class TableStore {
    private static final Contact[] NO_CONTACTS = new Contact[0];
    private static final long[] NO_LONGS = new long[0];
    private static final int[] NO_INTS = new int[0];
    private static final long OFFSET_MASK = 0xFFFF_FFFFL;
    private static final int POSITION_BITS = 16; // a bucket holds at most KadConfig.MAX_K contacts

    private final int bits;
    private final long createdAt;
    private Contact[] contacts = NO_CONTACTS;
    private long[] meta = NO_LONGS;
    private int[] failures = NO_INTS; // both allocated at the table's first failure
    private long[] failedAt = NO_LONGS;
    private int size;
    private int failing; // contacts whose failure count is above zero
    private long base;
    private int depth; // buckets in use: prefixes 0 .. depth-1
    private int[] ends = NO_INTS; // ends[p]: one past the last position of prefix p's run
    private long[] refreshed = NO_LONGS; // per prefix: when a lookup last went into its range
    private Extra[] extras = new Extra[0]; // per prefix, once it has a replacement or a ping
    private boolean[] used = new boolean[0]; // per prefix: written to at least once (else it reads as absent)

    /** A bucket's replacement cache and its ping-before-evict in progress. */
    private static final class Extra {
        Contact[] replacements = NO_CONTACTS;
        int[] keys = NO_INTS; // each replacement's key32, to find one without reading ids
        int count;
        Contact pinging;
        Contact candidate;
    }

    TableStore(int bits, long createdAt) {
        this.bits = bits;
        this.createdAt = createdAt;
        this.base = createdAt;
    }

    int size() {
        return size;
    }

    int depth() {
        return depth;
    }

    int failing() {
        return failing;
    }

    int start(int p) {
        return p == 0 ? 0 : ends[p - 1];
    }

    int end(int p) {
        return ends[p];
    }

    Contact contact(int pos) {
        return contacts[pos];
    }

    long lastSeen(int pos) {
        return base + (meta[pos] & OFFSET_MASK);
    }

    int failures(int pos) {
        return failures.length == 0 ? 0 : failures[pos];
    }

    long failedAt(int pos) {
        return failedAt.length == 0 ? 0 : failedAt[pos];
    }

    long refreshed(int p) {
        return refreshed[p];
    }

    void setRefreshed(int p, long now) {
        refreshed[p] = now;
    }

    /** Whether prefix {@code p}'s bucket was ever written to. */
    boolean used(int p) {
        return p < depth && used[p];
    }

    /** Makes prefix {@code p} a bucket in use (and every one before it part of the layout), empty if new. */
    void use(int p) {
        if (p < depth) {
            used[p] = true;
            return;
        }
        if (p >= ends.length) {
            int n = Math.max(p + 1, Math.min(bits, ends.length + 4));
            ends = Arrays.copyOf(ends, n);
            refreshed = Arrays.copyOf(refreshed, n);
            extras = Arrays.copyOf(extras, n);
            used = Arrays.copyOf(used, n);
        }
        used[p] = true;
        for (int q = depth; q <= p; q++) {
            ends[q] = size; // new prefixes are deeper than every one in use: their runs start at the end
            refreshed[q] = createdAt;
        }
        depth = p + 1;
    }

    /** Room for {@code n} more contacts, so that filling the table copies nothing. */
    void reserve(int n) {
        if (contacts.length < size + n) {
            resize(size + n);
        }
    }

    // ---- finding and moving contacts of prefix p (positions are absolute) ----

    /** The position of {@code c} in prefix p's run: top id bits first, then identity (the simulator shares one instance per peer) or id. */
    int find(int p, Contact c) {
        NodeId id = c.id();
        long key = (long) id.key32(bits) << 32;
        for (int i = start(p), e = ends[p]; i < e; i++) {
            if ((meta[i] & ~OFFSET_MASK) == key && (contacts[i] == c || contacts[i].id().equals(id))) {
                return i;
            }
        }
        return -1;
    }

    int find(int p, NodeId id) {
        long key = (long) id.key32(bits) << 32;
        for (int i = start(p), e = ends[p]; i < e; i++) {
            if ((meta[i] & ~OFFSET_MASK) == key && contacts[i].id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Moves position {@code pos} to the tail of prefix p's run, refreshing its last-seen time and clearing failures. */
    void touch(int p, int pos, long now) {
        Contact c = contacts[pos];
        int tail = ends[p] - 1;
        if (failures.length > 0) {
            if (failures[pos] > 0) {
                failing--;
            }
            System.arraycopy(failures, pos + 1, failures, pos, tail - pos);
            System.arraycopy(failedAt, pos + 1, failedAt, pos, tail - pos);
            failures[tail] = 0;
        }
        System.arraycopy(contacts, pos + 1, contacts, pos, tail - pos);
        System.arraycopy(meta, pos + 1, meta, pos, tail - pos);
        contacts[tail] = c;
        meta[tail] = word(c, now);
    }

    /** Appends {@code c} at the tail of prefix p's run. */
    void append(int p, Contact c, long now) {
        if (size == contacts.length) {
            resize(size + Math.max(4, size >> 3)); // an eighth more: little slack in a large table
        }
        int at = ends[p];
        System.arraycopy(contacts, at, contacts, at + 1, size - at);
        System.arraycopy(meta, at, meta, at + 1, size - at);
        if (failures.length > 0) {
            System.arraycopy(failures, at, failures, at + 1, size - at);
            System.arraycopy(failedAt, at, failedAt, at + 1, size - at);
            failures[at] = 0;
        }
        contacts[at] = c;
        meta[at] = word(c, now);
        for (int q = p; q < depth; q++) {
            ends[q]++;
        }
        size++;
    }

    /** Removes position {@code pos} of prefix p's run. */
    Contact removeAt(int p, int pos) {
        Contact c = contacts[pos];
        int last = size - 1;
        if (failures.length > 0) {
            if (failures[pos] > 0) {
                failing--;
            }
            System.arraycopy(failures, pos + 1, failures, pos, last - pos);
            System.arraycopy(failedAt, pos + 1, failedAt, pos, last - pos);
        }
        System.arraycopy(contacts, pos + 1, contacts, pos, last - pos);
        System.arraycopy(meta, pos + 1, meta, pos, last - pos);
        contacts[last] = null;
        for (int q = p; q < depth; q++) {
            ends[q]--;
        }
        size--;
        return c;
    }

    /** Adds one to the failure count at {@code pos}, notes when, and returns the new count. */
    int fail(int pos, long now) {
        if (failures.length < contacts.length) {
            failures = Arrays.copyOf(failures, contacts.length);
            failedAt = Arrays.copyOf(failedAt, contacts.length);
        }
        if (failures[pos] == 0) {
            failing++;
        }
        if (failures[pos] < Integer.MAX_VALUE) {
            failures[pos]++;
        }
        failedAt[pos] = now;
        return failures[pos];
    }

    private void resize(int n) {
        contacts = Arrays.copyOf(contacts, n);
        meta = Arrays.copyOf(meta, n);
        if (failures.length > 0) {
            failures = Arrays.copyOf(failures, n);
            failedAt = Arrays.copyOf(failedAt, n);
        }
    }

    /** The word stored for {@code c} seen at {@code now}, moving the base on first if the offset would not fit. */
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

    // ---- replacement caches and pings, per prefix ----

    private Extra extra(int p) {
        Extra e = extras[p];
        if (e == null) {
            e = new Extra();
            extras[p] = e;
        }
        return e;
    }

    int replacementCount(int p) {
        return extras[p] == null ? 0 : extras[p].count;
    }

    List<Contact> replacements(int p) {
        Extra e = extras[p];
        return e == null ? List.of() : List.of(Arrays.copyOf(e.replacements, e.count));
    }

    Contact pinging(int p) {
        return extras[p] == null ? null : extras[p].pinging;
    }

    Contact pingCandidate(int p) {
        return extras[p] == null ? null : extras[p].candidate;
    }

    void setPendingPing(int p, Contact pinged, Contact candidate) {
        if (pinged == null && extras[p] == null) {
            return;
        }
        Extra e = extra(p);
        e.pinging = pinged;
        e.candidate = candidate;
    }

    /** Forgets every ping-before-evict in progress. */
    void clearPendingPings() {
        for (int p = 0; p < depth; p++) {
            if (extras[p] != null) {
                extras[p].pinging = null;
                extras[p].candidate = null;
            }
        }
    }

    /** Puts {@code c} at the tail of prefix p's replacement cache, dropping the oldest when it is full. */
    void cacheReplacement(int p, Contact c, int capacity) {
        if (capacity == 0) {
            return;
        }
        removeReplacement(p, c.id());
        Extra e = extra(p);
        if (e.count == capacity) {
            System.arraycopy(e.replacements, 1, e.replacements, 0, e.count - 1);
            System.arraycopy(e.keys, 1, e.keys, 0, e.count - 1);
            e.count--;
        }
        if (e.count == e.replacements.length) {
            int n = Math.min(capacity, Math.max(2, e.count * 2));
            e.replacements = Arrays.copyOf(e.replacements, n);
            e.keys = Arrays.copyOf(e.keys, n);
        }
        e.keys[e.count] = c.id().key32(bits);
        e.replacements[e.count++] = c;
    }

    boolean removeReplacement(int p, NodeId id) {
        Extra e = extras[p];
        if (e == null || e.count == 0) {
            return false;
        }
        int key = id.key32(bits);
        for (int i = 0; i < e.count; i++) {
            if (e.keys[i] == key && e.replacements[i].id().equals(id)) {
                System.arraycopy(e.replacements, i + 1, e.replacements, i, e.count - i - 1);
                System.arraycopy(e.keys, i + 1, e.keys, i, e.count - i - 1);
                e.replacements[--e.count] = null;
                return true;
            }
        }
        return false;
    }

    /** Takes the most recently cached replacement of prefix p out of its cache, or null when it is empty. */
    Contact takeNewestReplacement(int p) {
        Extra e = extras[p];
        if (e == null || e.count == 0) {
            return null;
        }
        Contact c = e.replacements[--e.count];
        e.replacements[e.count] = null;
        return c;
    }

    // ---- sorting for closest() ----

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

    /**
     * Writes prefix p's contacts into {@code out} from {@code at}, sorted by distance to
     * {@code target}, leaving out {@code exclude} (may be null) and, without {@code withFailing},
     * contacts whose last RPC failed; returns the position after the last one written. Each contact
     * is sorted by one packed word (the top 32 bits of its distance, then its place in the run),
     * and only contacts whose top bits tie are compared in full.
     */
    int sortInto(int p, Contact[] out, int at, NodeId target, boolean withFailing, NodeId exclude, Scratch scratch) {
        int from = start(p);
        int n = ends[p] - from;
        long t = target.key32(bits) & OFFSET_MASK;
        long excludeKey = exclude == null ? -1 : exclude.key32(bits) & OFFSET_MASK;
        if (scratch.keys.length < n) {
            scratch.keys = new long[Math.max(n, scratch.keys.length * 2)];
        }
        long[] keys = scratch.keys;
        boolean skipFailing = !withFailing && failing > 0;
        int m = 0;
        for (int i = 0; i < n; i++) {
            int pos = from + i;
            if (skipFailing && failures[pos] > 0) {
                continue;
            }
            long top = meta[pos] >>> 32;
            if (top == excludeKey && contacts[pos].id().equals(exclude)) {
                continue;
            }
            keys[m++] = ((top ^ t) << POSITION_BITS) | i;
        }
        Arrays.sort(keys, 0, m);
        for (int i = 0; i < m; i++) {
            out[at + i] = contacts[from + (int) (keys[i] & ((1 << POSITION_BITS) - 1))];
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
}
