package org.kadlab.sim;

import java.util.List;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.NodeId;

/**
 * What happened in the simulated network, as an immutable, typed stream shared by the views and the
 * headless runner. Every event carries the virtual time (ms) it happened at.
 */
public sealed interface SimEvent {
    /** Virtual time of the event, in milliseconds. */
    long time();

    /** A node was created and started to join. */
    record NodeAdded(long time, NodeId node, NodeId seed) implements SimEvent {
    }

    /** A node crashed: it stops answering; its state is kept. */
    record NodeKilled(long time, NodeId node) implements SimEvent {
    }

    /** A crashed node came back with the state it had. */
    record NodeRevived(long time, NodeId node) implements SimEvent {
    }

    /** The kinds of RPC. */
    enum RpcType { PING, FIND_NODE, FIND_VALUE, STORE }

    /** A request left {@code from}. */
    record RpcSent(long time, long rpc, NodeId from, NodeId to, RpcType type) implements SimEvent {
    }

    /** A request reached {@code to}, which handled it. */
    record RpcDelivered(long time, long rpc, NodeId from, NodeId to, RpcType type) implements SimEvent {
    }

    /** The answer reached the requester {@code from}; {@code contacts} is the number of contacts it carried. */
    record RpcAnswered(long time, long rpc, NodeId from, NodeId to, RpcType type, String answer, int contacts)
            implements SimEvent {
    }

    /** No answer came within the rpc timeout (peer dead, message lost, or partitioned). */
    record RpcTimedOut(long time, long rpc, NodeId from, NodeId to, RpcType type) implements SimEvent {
    }

    /** The kinds of routing table change. */
    enum BucketChange { ADDED, UPDATED, PING_STARTED, PING_KEPT, EVICTED, REPLACED, STALE, PROMOTED, CACHED }

    /**
     * A routing table changed. {@code contact} is the contact concerned; {@code other} the newcomer
     * waiting on a ping, the contact promoted after an eviction, or null.
     */
    record BucketChanged(long time, NodeId node, int bucket, BucketChange change, NodeId contact, NodeId other)
            implements SimEvent {
    }

    /** A lookup began. */
    record LookupStarted(long time, long lookup, NodeId origin, NodeId target, LookupPurpose purpose)
            implements SimEvent {
    }

    /** A candidate of a lookup changed state: queried, answered (with how many contacts, how many new), failed. */
    record LookupProgressed(long time, long lookup, NodeId peer, Lookup.CandidateState state, int returned,
                            int introduced, int inFlight) implements SimEvent {
    }

    /**
     * A lookup ended. For user operations {@code truth} holds the brute-force k closest live nodes
     * (other than the origin) at that moment, {@code exact} whether the result equals it and
     * {@code missed} which true closest nodes the result lacks; for internal lookups they are empty.
     */
    record LookupFinished(long time, long lookup, NodeId origin, NodeId target, LookupPurpose purpose,
                          List<NodeId> result, int hops, int rpcs, int failures, Boolean found,
                          List<NodeId> truth, Boolean exact, List<NodeId> missed) implements SimEvent {
    }

    /** A lookup's origin crashed before it finished. */
    record LookupAbandoned(long time, long lookup, NodeId origin) implements SimEvent {
    }

    /** A node accepted a record ({@code from} is null for its own copy). */
    record RecordStored(long time, NodeId node, NodeId key, NodeId from) implements SimEvent {
    }

    /** A node refused a record: its store is full. */
    record RecordRefused(long time, NodeId node, NodeId key, NodeId from) implements SimEvent {
    }

    /** A record expired at a node and was swept. */
    record RecordExpired(long time, NodeId node, NodeId key) implements SimEvent {
    }

    /** A node republished a record, as its original publisher or as a holder. */
    record RecordRepublished(long time, NodeId node, NodeId key, boolean original) implements SimEvent {
    }

    /** A checked invariant did not hold. */
    record InvariantViolated(long time, NodeId node, String rule) implements SimEvent {
    }
}
