package org.kadlab.kad;

import java.util.List;

/**
 * How a lookup ended.
 *
 * @param lookupId  the node-local id of the lookup (0 for a find_value answered from the local store)
 * @param purpose   why it ran
 * @param origin    the node that ran it
 * @param target    the id looked up (for find_value, the key's id)
 * @param closest   the responders closest to the target, closest first, at most k, never the origin
 * @param found     for find_value, whether the value was found; null for other lookups
 * @param value     the value found, or null
 * @param foundAt   who answered with the value (the origin itself for a local hit), or null
 * @param hops      the longest referral chain among the result (0 for a local hit)
 * @param rpcs      requests sent
 * @param failures  peers that failed or timed out
 * @param startMs   virtual start time
 * @param endMs     virtual end time
 */
public record LookupResult(long lookupId, LookupPurpose purpose, NodeId origin, NodeId target,
                           List<Contact> closest, Boolean found, String value, Contact foundAt,
                           int hops, int rpcs, int failures, long startMs, long endMs) {
    public LookupResult {
        closest = List.copyOf(closest);
    }
}
