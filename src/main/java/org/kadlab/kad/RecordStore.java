package org.kadlab.kad;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records a node holds, bounded by max_records, with expiry on the injected clock.
 *
 * <ol>
 *   <li>{@link #put}: overwriting a held key is always allowed; a new key beyond capacity is refused
 *       with {@link PutResult#FULL} (the node turns that into an error the requester sees).</li>
 *   <li>A record is expired when {@code now >= expiresAt}; {@link #get} hides it, {@link #sweep}
 *       removes it.</li>
 *   <li>Each record carries the time a holder should next republish it; receiving a STORE for it
 *       pushes that time back (the paper's optimisation: one republisher per hour, not k).</li>
 * </ol>
 */
public final class RecordStore {
    /** The outcome of {@link #put}. */
    public enum PutResult { STORED, REPLACED, FULL }

    /** One held record (read-only outside the package). */
    public static final class StoredRecord {
        private final NodeId key;
        private String value;
        private long storedAt;
        private long expiresAt;
        private long nextRepublish;

        StoredRecord(NodeId key) {
            this.key = key;
        }

        public NodeId key() {
            return key;
        }

        public String value() {
            return value;
        }

        public long storedAt() {
            return storedAt;
        }

        public long expiresAt() {
            return expiresAt;
        }

        public long nextRepublish() {
            return nextRepublish;
        }
    }

    private final int maxRecords;
    private Map<NodeId, StoredRecord> records = Map.of(); // a map of its own from the first record on

    public RecordStore(int maxRecords) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("max_records must be at least 1, was " + maxRecords);
        }
        this.maxRecords = maxRecords;
    }

    /** Stores or overwrites {@code key} until {@code now + ttlMs}; next holder republish at {@code republishAt}. */
    public PutResult put(NodeId key, String value, long now, long ttlMs, long republishAt) {
        StoredRecord r = records.get(key);
        PutResult result = PutResult.REPLACED;
        if (r == null) {
            if (records.size() >= maxRecords) {
                return PutResult.FULL;
            }
            r = new StoredRecord(key);
            if (!(records instanceof LinkedHashMap)) {
                records = new LinkedHashMap<>();
            }
            records.put(key, r);
            result = PutResult.STORED;
        }
        r.value = value;
        r.storedAt = now;
        r.expiresAt = now + ttlMs;
        r.nextRepublish = republishAt;
        return result;
    }

    /** The live record for {@code key}, or null if absent or expired. */
    public StoredRecord get(NodeId key, long now) {
        StoredRecord r = records.get(key);
        return r == null || now >= r.expiresAt ? null : r;
    }

    /** Removes every expired record and returns their keys. */
    public List<NodeId> sweep(long now) {
        List<NodeId> expired = new ArrayList<>();
        if (records.isEmpty()) {
            return expired;
        }
        records.values().removeIf(r -> {
            if (now >= r.expiresAt) {
                expired.add(r.key);
                return true;
            }
            return false;
        });
        return expired;
    }

    /** Live records whose holder republish time has come, in insertion order. */
    public List<StoredRecord> dueForRepublish(long now) {
        List<StoredRecord> due = new ArrayList<>();
        for (StoredRecord r : records.values()) {
            if (r.nextRepublish <= now && now < r.expiresAt) {
                due.add(r);
            }
        }
        return due;
    }

    void setNextRepublish(StoredRecord r, long at) {
        r.nextRepublish = at;
    }

    /** The earliest time any record expires or is due for republishing, or Long.MAX_VALUE. */
    public long nextDue() {
        long due = Long.MAX_VALUE;
        for (StoredRecord r : records.values()) {
            due = Math.min(due, Math.min(r.expiresAt, r.nextRepublish));
        }
        return due;
    }

    /** Every held record, expired or not, in insertion order (read-only). */
    public Collection<StoredRecord> records() {
        return Collections.unmodifiableCollection(records.values());
    }

    public int size() {
        return records.size();
    }

    public int capacity() {
        return maxRecords;
    }
}
