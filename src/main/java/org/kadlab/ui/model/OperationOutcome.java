package org.kadlab.ui.model;

import java.util.List;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.OperationRecord;
import org.kadlab.sim.SimEvent;

/**
 * One judged user operation as the charts show it: when its lookup ended, what it was, and how well
 * it did against the ground truth.
 *
 * @param timeMs   virtual time the lookup ended
 * @param purpose  find_node, find_value or store
 * @param exact    whether the closest responders were exactly the true k closest
 * @param recall   find_node: the share of the true k closest it returned, 0..1 (the same rule as the
 *                 operation record's {@code recall()}); NaN for the others
 * @param found    find_value: whether the value was found; null for the others
 * @param hops     the longest referral chain among the result
 * @param rpcs     requests the lookup sent
 * @param failures peers that failed or stayed silent
 */
public record OperationOutcome(long timeMs, LookupPurpose purpose, boolean exact, double recall, Boolean found,
                               int hops, int rpcs, int failures) {

    /** The outcome of a judged user lookup, or null for an internal one (a join, a refresh) or another event. */
    public static OperationOutcome of(SimEvent e) {
        if (!(e instanceof SimEvent.LookupFinished f) || f.exact() == null) {
            return null;
        }
        double recall = f.purpose() == LookupPurpose.FIND_NODE ? recall(f.truth(), f.missed()) : Double.NaN;
        return new OperationOutcome(f.time(), f.purpose(), f.exact(), recall, f.found(), f.hops(), f.rpcs(), f.failures());
    }

    /** The outcome an operation's record tells (for a find_value the origin answered from its own store: no lookup ran). */
    static OperationOutcome of(OperationRecord r) {
        LookupPurpose p = switch (r.op()) {
            case "find_value" -> LookupPurpose.FIND_VALUE;
            case "store" -> LookupPurpose.STORE;
            default -> LookupPurpose.FIND_NODE;
        };
        return new OperationOutcome(r.endMs(), p, r.exact(), p == LookupPurpose.FIND_NODE ? r.recall() : Double.NaN, r.found(),
                r.hops(), r.rpcs(), r.failures());
    }

    /**
     * The share of {@code truth} a lookup returned: (truth - missed) / truth, 1.0 with an empty truth
     * (nothing to find, nothing missed), as the simulation's operation records compute it.
     */
    static double recall(List<NodeId> truth, List<NodeId> missed) {
        return truth.isEmpty() ? 1.0 : (double) (truth.size() - missed.size()) / truth.size();
    }
}
