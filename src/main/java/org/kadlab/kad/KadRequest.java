package org.kadlab.kad;

/**
 * The four Kademlia requests. Each carries a request id that its response echoes, so answers can be
 * matched to questions; the sender is the contact the transport delivers it from.
 */
public sealed interface KadRequest {
    /** Correlates this request with its response. */
    long requestId();

    /** Are you alive? */
    record Ping(long requestId) implements KadRequest {
    }

    /** Which contacts do you know closest to {@code target}? */
    record FindNode(long requestId, NodeId target) implements KadRequest {
    }

    /** Do you hold {@code key}? If not, which contacts do you know closest to it? */
    record FindValue(long requestId, NodeId key) implements KadRequest {
    }

    /** Hold {@code value} under {@code key} for {@code ttlMs} milliseconds. */
    record Store(long requestId, NodeId key, String value, long ttlMs) implements KadRequest {
    }
}
