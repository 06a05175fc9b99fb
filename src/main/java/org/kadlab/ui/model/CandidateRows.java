package org.kadlab.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.NodeId;

/**
 * The inspector's rows of one lookup's candidates, added closest to the target first: the first k
 * usable ones (neither failed nor unresponsive) are marked as the current k closest.
 */
final class CandidateRows {
    private final NetworkModel net;
    private final KeySpace ks;
    private final NodeId target;
    private final int k;
    private final Set<NodeId> truth;
    private final boolean over;
    private final LookupSession session;
    private final List<CandidateRow> rows = new ArrayList<>();
    private int usable;

    /**
     * Rows of {@code session}'s lookup to {@code target} on {@code net}; {@code truth} is the true k
     * closest once it ended, {@code over} whether it ended.
     */
    CandidateRows(NetworkModel net, NodeId target, int k, Set<NodeId> truth, boolean over, LookupSession session) {
        this.net = net;
        this.ks = net.keySpace();
        this.target = target;
        this.k = k;
        this.truth = truth;
        this.over = over;
        this.session = session;
    }

    /** Adds the next candidate: none added before is farther from the target. */
    void add(NodeId id, Lookup.CandidateState s, String toldBy, int depth, int round) {
        boolean usableNow = s != Lookup.CandidateState.FAILED && s != Lookup.CandidateState.UNRESPONSIVE;
        boolean inK = usableNow && usable < k;
        if (usableNow) {
            usable++;
        }
        NodeId d = id.xor(target);
        rows.add(new CandidateRow(rows.size() + 1, id, ks.hex(id), ks.binary(id), ks.bits() - d.bitLength(), ks.hex(d), s,
                toldBy, depth, round, inK, truth.contains(id), net.isAlive(id), over, session.resends(id),
                s == Lookup.CandidateState.SUCCEEDED && session.answeredLate(id)));
    }

    /** The rows added, closest first. */
    List<CandidateRow> rows() {
        return rows;
    }
}
