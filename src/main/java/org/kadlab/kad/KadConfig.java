package org.kadlab.kad;

/**
 * The parameters of a Kademlia node, validated on construction: an impossible value is rejected
 * with a message naming the field. {@link #defaults()} gives the seed crate's defaults (k = 20,
 * alpha = 3, rpc timeout 5 s, refresh 3600 s, max_records 1024) on a 160-bit key space.
 *
 * @param bits                    width of the key space, 1..160
 * @param k                       bucket capacity and lookup result size, at least 1
 * @param alpha                   lookup parallelism, at least 1
 * @param rpcTimeoutMs            how long a request may stay unanswered, at least 1 ms
 * @param refreshIntervalMs       a bucket without a lookup for this long is refreshed, at least 1 ms
 * @param maxRecords              capacity of the record store, at least 1
 * @param recordTtlMs             lifetime of a freshly published record, at least 1 ms
 * @param publisherRepublishMs    how often the original publisher republishes, at least 1 ms
 * @param holderRepublishMs       how often a holder republishes a record it has not seen re-stored
 * @param maxFailures             consecutive failed RPCs after which a contact is evicted, at least 1
 * @param replacementCacheSize    replacement candidates kept per bucket, at least 0
 * @param lookupMode              sliding window (default) or the seed's strict rounds
 * @param cacheOnFindValue        store a found value at the closest node seen that lacked it
 */
public record KadConfig(
        int bits,
        int k,
        int alpha,
        long rpcTimeoutMs,
        long refreshIntervalMs,
        int maxRecords,
        long recordTtlMs,
        long publisherRepublishMs,
        long holderRepublishMs,
        int maxFailures,
        int replacementCacheSize,
        LookupMode lookupMode,
        boolean cacheOnFindValue) {

    public KadConfig {
        require(bits >= 1 && bits <= NodeId.MAX_BITS, "bits", "must be between 1 and 160", bits);
        require(k >= 1, "k", "must be at least 1", k);
        require(alpha >= 1, "alpha", "must be at least 1", alpha);
        require(rpcTimeoutMs >= 1, "rpc_timeout_ms", "must be at least 1", rpcTimeoutMs);
        require(refreshIntervalMs >= 1, "refresh_interval_ms", "must be at least 1", refreshIntervalMs);
        require(maxRecords >= 1, "max_records", "must be at least 1", maxRecords);
        require(recordTtlMs >= 1, "record_ttl_ms", "must be at least 1", recordTtlMs);
        require(publisherRepublishMs >= 1, "publisher_republish_ms", "must be at least 1", publisherRepublishMs);
        require(holderRepublishMs >= 1, "holder_republish_ms", "must be at least 1", holderRepublishMs);
        require(maxFailures >= 1, "max_failures", "must be at least 1", maxFailures);
        require(replacementCacheSize >= 0, "replacement_cache_size", "must not be negative", replacementCacheSize);
        if (lookupMode == null) {
            throw new IllegalArgumentException("lookup_mode must be sliding or rounds");
        }
    }

    private static void require(boolean ok, String field, String rule, long value) {
        if (!ok) {
            throw new IllegalArgumentException(field + " " + rule + ", was " + value);
        }
    }

    /** The seed crate's defaults on a 160-bit key space. */
    public static KadConfig defaults() {
        return new KadConfig(160, 20, 3, 5_000, 3_600_000, 1024,
                25 * 3_600_000L, 24 * 3_600_000L, 3_600_000, 1, 8, LookupMode.SLIDING, true);
    }

    /** The key space these ids live in. */
    public KeySpace keySpace() {
        return new KeySpace(bits);
    }

    /** A builder starting from the seed's defaults. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bits = bits;
        b.k = k;
        b.alpha = alpha;
        b.rpcTimeoutMs = rpcTimeoutMs;
        b.refreshIntervalMs = refreshIntervalMs;
        b.maxRecords = maxRecords;
        b.recordTtlMs = recordTtlMs;
        b.publisherRepublishMs = publisherRepublishMs;
        b.holderRepublishMs = holderRepublishMs;
        b.maxFailures = maxFailures;
        b.replacementCacheSize = replacementCacheSize;
        b.lookupMode = lookupMode;
        b.cacheOnFindValue = cacheOnFindValue;
        return b;
    }

    /** Collects settings; {@link #build()} validates them all at once. */
    public static final class Builder {
        private int bits;
        private int k;
        private int alpha;
        private long rpcTimeoutMs;
        private long refreshIntervalMs;
        private int maxRecords;
        private long recordTtlMs;
        private long publisherRepublishMs;
        private long holderRepublishMs;
        private int maxFailures;
        private int replacementCacheSize;
        private LookupMode lookupMode;
        private boolean cacheOnFindValue;

        private Builder() {
        }

        public Builder bits(int v) { bits = v; return this; }
        public Builder k(int v) { k = v; return this; }
        public Builder alpha(int v) { alpha = v; return this; }
        public Builder rpcTimeoutMs(long v) { rpcTimeoutMs = v; return this; }
        public Builder refreshIntervalMs(long v) { refreshIntervalMs = v; return this; }
        public Builder maxRecords(int v) { maxRecords = v; return this; }
        public Builder recordTtlMs(long v) { recordTtlMs = v; return this; }
        public Builder publisherRepublishMs(long v) { publisherRepublishMs = v; return this; }
        public Builder holderRepublishMs(long v) { holderRepublishMs = v; return this; }
        public Builder maxFailures(int v) { maxFailures = v; return this; }
        public Builder replacementCacheSize(int v) { replacementCacheSize = v; return this; }
        public Builder lookupMode(LookupMode v) { lookupMode = v; return this; }
        public Builder cacheOnFindValue(boolean v) { cacheOnFindValue = v; return this; }

        /** The validated configuration; throws with the offending field's name otherwise. */
        public KadConfig build() {
            return new KadConfig(bits, k, alpha, rpcTimeoutMs, refreshIntervalMs, maxRecords, recordTtlMs,
                    publisherRepublishMs, holderRepublishMs, maxFailures, replacementCacheSize, lookupMode,
                    cacheOnFindValue);
        }
    }
}
