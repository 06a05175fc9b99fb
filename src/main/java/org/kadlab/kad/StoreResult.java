package org.kadlab.kad;

import java.util.List;

/**
 * How a store ended.
 *
 * @param key           the key's id
 * @param acknowledged  the peers that accepted the STORE, closest first
 * @param refused       the peers that answered with an error (for example a full record store)
 * @param failed        the peers that did not answer
 * @param storedLocally whether the origin kept a copy (it is itself among the k closest)
 * @param lookup        the find_node phase that chose the peers
 * @param endMs         virtual time when the last STORE was answered
 */
public record StoreResult(NodeId key, List<Contact> acknowledged, List<Contact> refused, List<Contact> failed,
                          boolean storedLocally, LookupResult lookup, long endMs) {
    public StoreResult {
        acknowledged = List.copyOf(acknowledged);
        refused = List.copyOf(refused);
        failed = List.copyOf(failed);
    }
}
