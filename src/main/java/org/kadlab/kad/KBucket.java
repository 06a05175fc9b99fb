package org.kadlab.kad;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One k-bucket, read-only: at most k contacts in least-recently-seen order (head = least recently
 * seen, tail = most recently seen), a bounded replacement cache of newcomers that found the bucket
 * full, the ping-before-evict in progress (if any) and the time of the last lookup into its range.
 *
 * <p>A view of its routing table's storage ({@code TableStore}): it always shows the bucket as it
 * is now; only {@link RoutingTable} changes it.
 */
public final class KBucket {
    private final TableStore store;
    private final int prefix;
    private final int index;

    KBucket(TableStore store, int prefix, int index) {
        this.store = store;
        this.prefix = prefix;
        this.index = index;
    }

    /** This bucket's index: it holds contacts at distance [2^index, 2^(index+1)) from the owner. */
    public int index() {
        return index;
    }

    /** Number of contacts held. */
    public int size() {
        return store.end(prefix) - store.start(prefix);
    }

    /** The contact at LRU position {@code i} (0 = least recently seen). */
    public Contact contact(int i) {
        return store.contact(position(i));
    }

    /** When the contact at position {@code i} was last seen (virtual ms). */
    public long lastSeen(int i) {
        return store.lastSeen(position(i));
    }

    /** Consecutive failed RPCs of the contact at position {@code i}; above zero means stale. */
    public int failures(int i) {
        return store.failures(position(i));
    }

    /** When the contact at position {@code i} last failed (virtual ms); meaningful only while {@link #failures} is above zero. */
    public long failedAt(int i) {
        return store.failedAt(position(i));
    }

    /** How many contacts have failed since they were last heard from. */
    public int failingCount() {
        int n = 0;
        for (int pos = store.start(prefix), e = store.end(prefix); pos < e && store.failing() > 0; pos++) {
            if (store.failures(pos) > 0) {
                n++;
            }
        }
        return n;
    }

    /** The contacts, least recently seen first (a copy). */
    public List<Contact> contacts() {
        List<Contact> out = new ArrayList<>(size());
        for (int pos = store.start(prefix), e = store.end(prefix); pos < e; pos++) {
            out.add(store.contact(pos));
        }
        return Collections.unmodifiableList(out);
    }

    /** The replacement cache, oldest first (a copy). */
    public List<Contact> replacements() {
        return store.replacements(prefix);
    }

    /** The least recently seen contact being pinged before an eviction, or null. */
    public Contact pendingPing() {
        return store.pinging(prefix);
    }

    /** The newcomer waiting on the ping in progress, or null. */
    public Contact pendingCandidate() {
        return store.pingCandidate(prefix);
    }

    /** When a lookup last went into this bucket's range (virtual ms). */
    public long lastRefreshed() {
        return store.refreshed(prefix);
    }

    private int position(int i) {
        int size = size();
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("position " + i + " of a bucket holding " + size);
        }
        return store.start(prefix) + i;
    }

    @Override
    public String toString() {
        return "bucket " + index + " " + contacts();
    }
}
