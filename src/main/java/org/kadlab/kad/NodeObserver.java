package org.kadlab.kad;

import java.util.List;

/**
 * Everything a node does that a viewer may want to see, as callbacks with empty defaults. The
 * simulator turns them into typed events; the core never depends on who listens. Callbacks run on
 * the node's executor and must not call back into the node.
 */
public interface NodeObserver {
    /** An observer that ignores everything. */
    NodeObserver NONE = new NodeObserver() {
    };

    /**
     * The node needs {@link KadNode#wakeLookups()} to be called at {@code atMillis}: a running
     * lookup's peer timeout falls due then, and no answer may come to drive it sooner.
     */
    default void wakeUpAt(KadNode node, long atMillis) {
    }

    /** The routing table changed (Added, Updated) or a full bucket met a newcomer (Pending). */
    default void routingUpdated(KadNode node, UpdateResult result) {
    }

    /** A ping-before-evict of the least recently seen contact started. */
    default void pingStarted(KadNode node, UpdateResult.Pending pending) {
    }

    /** A ping-before-evict ended: who stayed, who went. */
    default void pingResolved(KadNode node, PingOutcome outcome) {
    }

    /** An RPC to a contact failed: it was marked stale or evicted. */
    default void contactFailed(KadNode node, FailureOutcome outcome) {
    }

    /** A lookup began. */
    default void lookupStarted(KadNode node, Lookup lookup, LookupPurpose purpose) {
    }

    /** A lookup sent a query to {@code peer}. */
    default void lookupQueried(KadNode node, Lookup lookup, Contact peer) {
    }

    /** {@code peer} answered a lookup with {@code contacts} (empty for a value). */
    default void lookupAnswered(KadNode node, Lookup lookup, Contact peer, List<Contact> contacts) {
    }

    /** {@code peer} failed to answer a lookup. */
    default void lookupPeerFailed(KadNode node, Lookup lookup, Contact peer) {
    }

    /** A lookup ended. */
    default void lookupFinished(KadNode node, Lookup lookup, LookupResult result) {
    }

    /** This node accepted a record (from a STORE of {@code from}, or its own store when from is null). */
    default void recordStored(KadNode node, NodeId key, Contact from) {
    }

    /** This node refused a STORE because its record store is full. */
    default void recordRefused(KadNode node, NodeId key, Contact from) {
    }

    /** A record expired and was swept. */
    default void recordExpired(KadNode node, NodeId key) {
    }

    /** This node republished a record (as its publisher when {@code original}). */
    default void recordRepublished(KadNode node, NodeId key, boolean original) {
    }
}
