package org.kadlab.kad;

/**
 * The rules these mechanism tests were written for, set explicitly: evict at the first failed RPC,
 * ping the head of a full bucket every time, no replication to newcomers, and a lookup that waits
 * the whole RPC timeout for a peer, a stale contact evicted even with nobody to replace it, failing
 * contacts handed out in answers and asked again at once (no backoff). Tests of the paper's rules
 * under failure use the defaults.
 */
final class ClassicConfig {
    private ClassicConfig() {
    }

    static KadConfig.Builder builder() {
        return KadConfig.builder().maxFailures(1).pingSkipWindowMs(0).replicateOnJoin(false).peerTimeoutMs(Long.MAX_VALUE)
                .evictStaleAlone(true).shareFailing(true).failureBackoffMs(0);
    }
}
