package org.kadlab.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.kadlab.kad.Contact;
import org.kadlab.kad.LookupResult;
import org.kadlab.kad.NodeId;

/**
 * Judges lookups against the ground truth (the brute-force k closest live nodes other than the
 * origin, at the moment asked) and keeps the records of user operations, the most recent first out.
 */
final class Judge {
    private final GroundTruth truth;
    private final int k;
    private final SimStats stats;
    private final ArrayDeque<OperationRecord> operations = new ArrayDeque<>();
    private int operationLimit = Integer.MAX_VALUE;
    private boolean keepOperations = true;

    /** What the ground truth says of one lookup's closest responders. */
    record Verdict(List<NodeId> truth, boolean exact, List<NodeId> missed) {
    }

    Judge(GroundTruth truth, int k, SimStats stats) {
        this.truth = truth;
        this.k = k;
        this.stats = stats;
    }

    /** Compares {@code closest} (the lookup's closest responders) with the true k closest to {@code target} now. */
    Verdict verdict(NodeId target, NodeId origin, List<NodeId> closest) {
        List<NodeId> want = truth.closest(target, k, origin);
        List<NodeId> missed = new ArrayList<>(want);
        missed.removeAll(new HashSet<>(closest));
        return new Verdict(want, closest.equals(want), missed);
    }

    /**
     * The record of a user operation that ended now, counted (find_node: exactness and recall;
     * find_value: success) and kept. {@code v} is the
     * verdict given when its lookup ended; {@code result} is what the operation returns (a store's
     * acknowledgers); {@code found}, {@code value}, {@code valueFoundMs} and {@code valueFrom} are
     * find_value's. Unless {@code recorded} (a background workload's query), the record is only
     * returned: neither counted nor kept.
     */
    OperationRecord record(String op, NodeId origin, LookupResult r, Verdict v, List<Contact> result, Boolean found,
                           String value, Long valueFoundMs, NodeId valueFrom, boolean recorded) {
        OperationRecord rec = new OperationRecord(op, origin, r.target(), r.startMs(), r.endMs(), ids(result),
                found, value, r.hops(), r.rpcs(), r.failures(), v.truth(), v.exact(), v.missed(), valueFoundMs, valueFrom);
        if (!recorded) {
            return rec;
        }
        if (op.equals("find_node")) {
            stats.judgedLookup(r.hops(), r.rpcs(), v.exact());
            stats.lookupRecall(rec.recall());
        } else if (op.equals("find_value")) {
            stats.findValueEnded(Boolean.TRUE.equals(found));
        }
        keep(rec);
        return rec;
    }

    private void keep(OperationRecord rec) {
        if (keepOperations && operationLimit > 0) {
            if (operations.size() >= operationLimit) {
                operations.removeFirst();
            }
            operations.addLast(rec);
        }
    }

    List<OperationRecord> operations() {
        return List.copyOf(operations);
    }

    void setOperationLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("operation limit must not be negative, was " + limit);
        }
        this.operationLimit = limit;
        while (operations.size() > limit) {
            operations.removeFirst();
        }
    }

    void setKeepOperations(boolean keep) {
        this.keepOperations = keep;
    }

    static List<NodeId> ids(List<Contact> contacts) {
        List<NodeId> out = new ArrayList<>(contacts.size());
        for (Contact c : contacts) {
            out.add(c.id());
        }
        return out;
    }
}
