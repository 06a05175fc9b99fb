package org.kadlab.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kadlab.kad.NodeId;

/**
 * A user operation (find_node, find_value or store) as it ended, judged against the ground truth.
 *
 * @param op        "find_node", "find_value" or "store"
 * @param origin    the node that ran it
 * @param target    the id looked up, or the key's id
 * @param startMs   virtual start time
 * @param endMs     virtual end time
 * @param result    find_node / find_value: the closest responders, closest first, at most k, never
 *                  the origin; store: the nodes that acknowledged the STORE
 * @param found     find_value: whether the value was found; null otherwise
 * @param value     the value found, or null
 * @param hops      the longest referral chain among the lookup's result
 * @param rpcs      requests sent by the lookup
 * @param failures  peers that failed or timed out
 * @param truth     the brute-force k closest live nodes other than the origin when the lookup ended
 * @param exact     whether the lookup's closest responders equal the truth
 * @param missed    the true closest nodes the lookup did not return
 * @param valueFoundMs find_value: the virtual time the answer carrying the value arrived (the start
 *                  time for a value the origin held itself); null when not a find_value or not found
 * @param valueFrom find_value: the node that answered with the value (the origin for its own copy);
 *                  null when not a find_value or not found
 */
public record OperationRecord(String op, NodeId origin, NodeId target, long startMs, long endMs,
                              List<NodeId> result, Boolean found, String value, int hops, int rpcs,
                              int failures, List<NodeId> truth, boolean exact, List<NodeId> missed,
                              Long valueFoundMs, NodeId valueFrom) {
    public OperationRecord {
        result = List.copyOf(result);
        truth = List.copyOf(truth);
        missed = List.copyOf(missed);
    }

    /**
     * The share of the truth the lookup returned, 0..1: (truth size - missed) / truth size. An exact
     * lookup has recall 1.0; one that missed m of k true closest has (k - m) / k. With an empty truth
     * (no live node but the origin) there was nothing to find and nothing was missed: 1.0.
     */
    public double recall() {
        return truth.isEmpty() ? 1.0 : (double) (truth.size() - missed.size()) / truth.size();
    }

    /** store: how many of the true k closest (the truth) acknowledged the STORE; 0 for a lookup's record. */
    public int ackedOfTruth() {
        if (!op.equals("store")) {
            return 0;
        }
        Set<NodeId> acked = new HashSet<>(result);
        int n = 0;
        for (NodeId id : truth) {
            if (acked.contains(id)) {
                n++;
            }
        }
        return n;
    }

    /** Virtual time the operation took: end - start. */
    public long latencyMs() {
        return endMs - startMs;
    }
}
