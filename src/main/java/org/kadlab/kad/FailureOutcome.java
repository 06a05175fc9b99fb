package org.kadlab.kad;

/** What {@link RoutingTable#recordFailure(NodeId)} did after a failed RPC to a contact. */
public sealed interface FailureOutcome {
    /** The contact is not in the table: nothing to do. */
    record Unknown(NodeId id) implements FailureOutcome {
    }

    /** The contact stays, marked stale with this many consecutive failures. */
    record Stale(Contact contact, int bucket, int failures) implements FailureOutcome {
    }

    /** The contact reached the failure limit and was evicted; {@code promoted} replaced it, or is null. */
    record Evicted(Contact contact, int bucket, Contact promoted) implements FailureOutcome {
    }
}
