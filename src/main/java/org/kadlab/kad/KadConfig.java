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
 * @param maxFailures             consecutive failed RPCs after which a contact is stale (paper, 4.1:
 *                                default 5): replaced when its bucket's cache has a candidate,
 *                                otherwise only flagged
 * @param replacementCacheSize    replacement candidates kept per bucket, at least 0
 * @param lookupMode              sliding window (default), the paper's rounds, or the seed's rounds
 * @param cacheOnFindValue        store a found value at the closest node seen that lacked it
 * @param peerTimeoutMs           how long a lookup waits for a peer before it frees its slot and
 *                                marks it unresponsive (its answer still counts until the RPC times
 *                                out), 1..rpcTimeoutMs; default 1 s
 * @param rpcRetries              how often a request that timed out is sent again to the same peer
 *                                before it counts as failed, 0..10; default 0 (the paper's choice).
 *                                A lookup asks a silent peer again at its peer timeout, other
 *                                requests are resent at the RPC timeout
 * @param replicateOnJoin         a node that learns of a newcomer closer to some of its keys than
 *                                itself (or among their k closest) stores those records on it
 *                                (paper, 2.5); default on
 * @param pingSkipWindowMs        a full bucket does not ping its head before evicting when the head
 *                                answered within this window, 0 = always ping; default 1 min
 * @param evictStaleAlone         evict a stale contact even with no replacement waiting (the seed
 *                                crate's and bmuller/kademlia's rule); default off, the paper's rule
 * @param shareFailing            hand out contacts whose last RPC failed in FIND_NODE answers (the
 *                                seed crate does); default off: a flagged contact is kept but not
 *                                recommended to others until it answers again
 * @param failureBackoffMs        a contact whose RPCs failed f times in a row is not asked again by
 *                                this node's lookups for failureBackoffMs * 2^(f-1), at most
 *                                {@link #MAX_BACKOFF_FACTOR} times this (0 = off); default 5 s
 * @param scaleCacheTtl           a copy cached by find_value lives ttl / 2^m, m the usable nodes the
 *                                lookup saw closer to the key than the cache (paper, 2.3: against
 *                                over-caching); off: the whole remaining ttl (the seed crate's rule)
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
        boolean cacheOnFindValue,
        long peerTimeoutMs,
        int rpcRetries,
        boolean replicateOnJoin,
        long pingSkipWindowMs,
        boolean evictStaleAlone,
        boolean shareFailing,
        long failureBackoffMs,
        boolean scaleCacheTtl) {

    /** Largest bucket size accepted (a lookup keeps 8k + alpha candidates: this keeps that small). */
    public static final int MAX_K = 10_000;
    /** Largest lookup parallelism accepted. */
    public static final int MAX_ALPHA = 1_000;
    /** Most retries of one request. */
    public static final int MAX_RETRIES = 10;
    /** The longest backoff of a failing contact, in multiples of {@link #failureBackoffMs}. */
    public static final int MAX_BACKOFF_FACTOR = 64;
    /** Largest failure backoff accepted: one day. */
    public static final long MAX_FAILURE_BACKOFF_MS = 86_400_000L;

    public KadConfig {
        require(bits >= 1 && bits <= NodeId.MAX_BITS, "bits", "must be between 1 and 160", bits);
        require(k >= 1 && k <= MAX_K, "k", "must be between 1 and " + MAX_K, k);
        require(alpha >= 1 && alpha <= MAX_ALPHA, "alpha", "must be between 1 and " + MAX_ALPHA, alpha);
        require(rpcTimeoutMs >= 1, "rpc_timeout_ms", "must be at least 1", rpcTimeoutMs);
        require(refreshIntervalMs >= 1, "refresh_interval_ms", "must be at least 1", refreshIntervalMs);
        require(maxRecords >= 1, "max_records", "must be at least 1", maxRecords);
        require(recordTtlMs >= 1, "record_ttl_ms", "must be at least 1", recordTtlMs);
        require(publisherRepublishMs >= 1, "publisher_republish_ms", "must be at least 1", publisherRepublishMs);
        require(holderRepublishMs >= 1, "holder_republish_ms", "must be at least 1", holderRepublishMs);
        require(maxFailures >= 1, "max_failures", "must be at least 1", maxFailures);
        require(replacementCacheSize >= 0, "replacement_cache_size", "must not be negative", replacementCacheSize);
        if (lookupMode == null) {
            throw new IllegalArgumentException("lookup_mode must be sliding, rounds or seed_rounds");
        }
        require(peerTimeoutMs >= 1 && peerTimeoutMs <= rpcTimeoutMs, "peer_timeout_ms",
                "must be between 1 and rpc_timeout_ms (" + rpcTimeoutMs + ")", peerTimeoutMs);
        require(rpcRetries >= 0 && rpcRetries <= MAX_RETRIES, "rpc_retries", "must be between 0 and " + MAX_RETRIES, rpcRetries);
        require(pingSkipWindowMs >= 0, "ping_skip_window_ms", "must not be negative", pingSkipWindowMs);
        require(failureBackoffMs >= 0 && failureBackoffMs <= MAX_FAILURE_BACKOFF_MS, "failure_backoff_ms",
                "must be between 0 and " + MAX_FAILURE_BACKOFF_MS, failureBackoffMs);
    }

    /**
     * How long a copy cached by find_value lives: the whole {@code ttlMs} when {@link #scaleCacheTtl}
     * is off, else {@code ttlMs / 2^closer}, closer = usable nodes the lookup saw nearer the key than
     * the cache; 0 = not worth caching.
     */
    public long cacheTtlMs(long ttlMs, int closer) {
        if (!scaleCacheTtl || ttlMs <= 0) {
            return Math.max(0, ttlMs);
        }
        return closer >= 63 ? 0 : ttlMs >> closer;
    }

    /** How long a contact that failed {@code failures} times in a row is left alone (0 when it has not failed). */
    public long backoffMs(int failures) {
        if (failures <= 0 || failureBackoffMs == 0) {
            return 0;
        }
        return failureBackoffMs * Math.min(MAX_BACKOFF_FACTOR, 1L << Math.min(failures - 1, 30));
    }

    private static void require(boolean ok, String field, String rule, long value) {
        if (!ok) {
            throw new IllegalArgumentException(field + " " + rule + ", was " + value);
        }
    }

    /**
     * The defaults on a 160-bit key space: the seed crate's sizes and timers (k = 20, alpha = 3, rpc
     * timeout 5 s, refresh 1 h, 1024 records), and the paper's rules under failure (a contact is
     * stale after 5 failures, a lookup frees a slot after 1 s, no retries, records replicated to
     * newcomers); a head heard from within the last minute is not pinged before an eviction.
     */
    public static KadConfig defaults() {
        return new KadConfig(160, 20, 3, 5_000, 3_600_000, 1024,
                25 * 3_600_000L, 24 * 3_600_000L, 3_600_000, 5, 8, LookupMode.SLIDING, true,
                1_000, 0, true, 60_000, false, false, 5_000, true);
    }

    /** The lookup's peer timeout: {@link #peerTimeoutMs()}, never longer than the RPC timeout. */
    public long effectivePeerTimeoutMs() {
        return Math.min(peerTimeoutMs, rpcTimeoutMs);
    }

    /** The key space these ids live in. */
    public KeySpace keySpace() {
        return KeySpace.of(bits);
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
        b.peerTimeoutMs = peerTimeoutMs;
        b.rpcRetries = rpcRetries;
        b.replicateOnJoin = replicateOnJoin;
        b.pingSkipWindowMs = pingSkipWindowMs;
        b.evictStaleAlone = evictStaleAlone;
        b.shareFailing = shareFailing;
        b.failureBackoffMs = failureBackoffMs;
        b.scaleCacheTtl = scaleCacheTtl;
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
        private long peerTimeoutMs;
        private int rpcRetries;
        private boolean replicateOnJoin;
        private long pingSkipWindowMs;
        private boolean evictStaleAlone;
        private boolean shareFailing;
        private long failureBackoffMs;
        private boolean scaleCacheTtl;

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
        public Builder peerTimeoutMs(long v) { peerTimeoutMs = v; return this; }
        public Builder rpcRetries(int v) { rpcRetries = v; return this; }
        public Builder replicateOnJoin(boolean v) { replicateOnJoin = v; return this; }
        public Builder pingSkipWindowMs(long v) { pingSkipWindowMs = v; return this; }
        public Builder evictStaleAlone(boolean v) { evictStaleAlone = v; return this; }
        public Builder shareFailing(boolean v) { shareFailing = v; return this; }
        public Builder failureBackoffMs(long v) { failureBackoffMs = v; return this; }
        public Builder scaleCacheTtl(boolean v) { scaleCacheTtl = v; return this; }

        /**
         * The validated configuration; throws with the offending field's name otherwise. A peer
         * timeout longer than the RPC timeout is cut to it (a shorter RPC timeout set alone keeps
         * the configuration valid).
         */
        public KadConfig build() {
            return new KadConfig(bits, k, alpha, rpcTimeoutMs, refreshIntervalMs, maxRecords, recordTtlMs,
                    publisherRepublishMs, holderRepublishMs, maxFailures, replacementCacheSize, lookupMode,
                    cacheOnFindValue, peerTimeoutMs > rpcTimeoutMs && rpcTimeoutMs >= 1 ? rpcTimeoutMs : peerTimeoutMs,
                    rpcRetries, replicateOnJoin, pingSkipWindowMs, evictStaleAlone, shareFailing,
                    failureBackoffMs, scaleCacheTtl);
        }
    }
}
