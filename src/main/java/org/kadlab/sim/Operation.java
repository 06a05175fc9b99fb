package org.kadlab.sim;

import java.util.concurrent.CompletableFuture;
import org.kadlab.kad.Lookup;

/**
 * The handle of a user operation (find_node, find_value or store), returned the moment it starts,
 * so a caller never has to find its lookup by comparing lists before and after.
 *
 * @param op        "find_node", "find_value" or "store"
 * @param lookupId  the simulation-wide id of its lookup, the one its {@link SimEvent.LookupStarted},
 *                  {@link SimEvent.LookupProgressed} and {@link SimEvent.LookupFinished} events carry;
 *                  0 when no lookup ran (a find_value the origin answered from its own store, or a
 *                  store the origin refused because it already publishes max_records keys)
 * @param lookup    the lookup as it runs (for a store, the one that finds the k closest before the
 *                  STOREs go out); null when no lookup ran
 * @param future    completes with the operation's judged record when it ends
 */
public record Operation(String op, long lookupId, Lookup lookup, CompletableFuture<OperationRecord> future) {
    public Operation {
        if (op == null || future == null) {
            throw new IllegalArgumentException("an operation needs its kind and its future");
        }
    }

    /** Whether a lookup ran for it (see {@link #lookupId()} for when none does). */
    public boolean ranLookup() {
        return lookup != null;
    }
}
