package org.kadlab.sim;

import java.util.List;
import org.kadlab.kad.NodeId;

/**
 * How well one stored record survives: how many of the key's true k closest live nodes hold an
 * unexpired copy, and how many live nodes hold one at all, at one moment of virtual time.
 *
 * @param key            the user key
 * @param atMs           virtual time of the sample
 * @param truthSize      the key's true closest live nodes looked at (k, or fewer live nodes)
 * @param holdersOfTruth how many of them hold the record
 * @param liveHolders    live nodes holding the record anywhere
 */
public record Durability(String key, long atMs, int truthSize, int holdersOfTruth, int liveHolders) {
    static Durability sample(String key, NodeId id, long now, int k, Roster roster) {
        List<NodeId> truth = roster.truth().closest(id, k, null);
        int ofTruth = 0;
        for (NodeId n : truth) {
            SimNode node = roster.node(n);
            if (node != null && node.kad().recordStore().get(id, now) != null) {
                ofTruth++;
            }
        }
        int live = 0;
        for (SimNode n : roster.liveSnapshot()) {
            if (n.kad().recordStore().get(id, now) != null) {
                live++;
            }
        }
        return new Durability(key, now, truth.size(), ofTruth, live);
    }
}
