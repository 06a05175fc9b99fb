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
    private static final long[] NO_TIMES = new long[0];
    private static final int[] NO_COUNTS = new int[0];

    private final int index;
    private Contact[] contacts = NO_CONTACTS;
    private long[] topWords = NO_TIMES; // top 64 bits of each id: a cache-friendly filter and sort key
    private long[] lastSeen = NO_TIMES;
    private int[] failures = NO_COUNTS;
    private long[] failedAt = NO_TIMES; // allocated at the first failure
    private int failing; // contacts whose failure count is above zero
    private int size;
    private Contact[] replacements = NO_CONTACTS;
    private int replacementCount;
    private Contact pinging;
    private Contact pingCandidate;
    private long lastRefreshed;

    private final int bits;

    KBucket(int index, int bits, long createdAt) {
        this.index = index;
        this.bits = bits;
        this.lastRefreshed = createdAt;
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
        return lastSeen[i];
    }

    /** Consecutive failed RPCs of the contact at position {@code i}; above zero means stale. */
    public int failures(int i) {
        checkPosition(i);
        return failures[i];
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

    int find(NodeId id) {
        long top = id.top(bits);
        for (int i = 0; i < size; i++) {
            if (topWords[i] == top && contacts[i].id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Moves position {@code i} to the tail, refreshing its last-seen time and clearing failures. */
    void touch(int i, long now) {
        if (failures[i] > 0) {
            failing--;
        }
        Contact c = contacts[i];
        int tail = size - 1;
        System.arraycopy(contacts, i + 1, contacts, i, tail - i);
        System.arraycopy(topWords, i + 1, topWords, i, tail - i);
        System.arraycopy(lastSeen, i + 1, lastSeen, i, tail - i);
        System.arraycopy(failures, i + 1, failures, i, tail - i);
        if (failedAt.length > 0) {
            System.arraycopy(failedAt, i + 1, failedAt, i, tail - i);
        }
        contacts[tail] = c;
        topWords[tail] = c.id().top(bits);
        lastSeen[tail] = now;
        failures[tail] = 0;
    }

    void append(Contact c, long now, int capacity) {
        if (size == contacts.length) {
            int n = Math.min(capacity, Math.max(4, size * 2));
            contacts = Arrays.copyOf(contacts, n);
            topWords = Arrays.copyOf(topWords, n);
            lastSeen = Arrays.copyOf(lastSeen, n);
            failures = Arrays.copyOf(failures, n);
            if (failedAt.length > 0) {
                failedAt = Arrays.copyOf(failedAt, n);
            }
        }
        contacts[size] = c;
        topWords[size] = c.id().top(bits);
        lastSeen[size] = now;
        failures[size] = 0;
        size++;
    }

    Contact removeAt(int i) {
        if (failures[i] > 0) {
            failing--;
        }
        Contact c = contacts[i];
        int tail = size - 1;
        System.arraycopy(contacts, i + 1, contacts, i, tail - i);
        System.arraycopy(topWords, i + 1, topWords, i, tail - i);
        System.arraycopy(lastSeen, i + 1, lastSeen, i, tail - i);
        System.arraycopy(failures, i + 1, failures, i, tail - i);
        if (failedAt.length > 0) {
            System.arraycopy(failedAt, i + 1, failedAt, i, tail - i);
        }
        contacts[tail] = null;
        size--;
        return c;
    }

    /** Adds one to the failure count at {@code i}, notes when, and returns the new count. */
    int fail(int i, long now) {
        if (failures[i] == 0) {
            failing++;
        }
        if (failures[i] < Integer.MAX_VALUE) {
            failures[i]++;
        }
        if (failedAt.length < contacts.length) {
            failedAt = Arrays.copyOf(failedAt, contacts.length);
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
            replacementCount--;
        }
        if (replacementCount == replacements.length) {
            replacements = Arrays.copyOf(replacements, Math.min(capacity, Math.max(2, replacementCount * 2)));
        }
        replacements[replacementCount++] = c;
    }

    boolean removeReplacement(NodeId id) {
        for (int i = 0; i < replacementCount; i++) {
            if (replacements[i].id().equals(id)) {
                System.arraycopy(replacements, i + 1, replacements, i, replacementCount - i - 1);
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

    /** Scratch space of {@link #addSortedTo}, one per thread (each node runs on one thread at a time). */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Sort keys and contacts of one bucket being sorted; grows to the largest bucket seen. */
    private static final class Scratch {
        long[] keys = new long[32];
        Contact[] sorted = new Contact[32];

        void ensure(int n) {
            if (keys.length < n) {
                keys = new long[n];
                sorted = new Contact[n];
            }
        }
    }

    /** Appends the contacts to {@code out} sorted by distance to {@code target} (insertion sort: a bucket is small). */
    void addSortedTo(List<Contact> out, NodeId target, boolean withFailing) {
        long t = target.top(bits);
        Scratch scratch = SCRATCH.get();
        scratch.ensure(size);
        long[] keys = scratch.keys;
        Contact[] sorted = scratch.sorted;
        int m = 0;
        for (int i = 0; i < size; i++) {
            if (!withFailing && failures[i] > 0) {
                continue;
            }
            long key = topWords[i] ^ t;
            Contact c = contacts[i];
            int j = m++ - 1;
            while (j >= 0 && (Long.compareUnsigned(keys[j], key) > 0
                    || (keys[j] == key && NodeId.compareDistance(target, sorted[j].id(), c.id()) > 0))) {
                keys[j + 1] = keys[j];
                sorted[j + 1] = sorted[j];
                j--;
            }
            keys[j + 1] = key;
            sorted[j + 1] = c;
        }
        for (int i = 0; i < m; i++) {
            out.add(sorted[i]);
            sorted[i] = null; // the scratch keeps no contact alive
        }
    }

    @Override
    public String toString() {
        List<Contact> list = new ArrayList<>(size);
        addTo(list);
        return "bucket " + index + " " + list;
    }
}
