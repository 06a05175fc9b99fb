package org.kadlab.ui.ring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.NetworkModel;

/**
 * What the inspected lookup marks on the ring: each candidate's state (the inspector's rows' own,
 * a late answer apart from an answer in time), how often each peer was asked again, the true
 * closest nodes an inexact lookup never heard of, and the nodes whose labels must be shown (the selected
 * node first, then the candidates and the missed).
 *
 * @param states        ring state by node
 * @param resends       how often each peer was asked again after a silent peer timeout (only those asked again)
 * @param required      the nodes that must be labelled, in order
 * @param candidateHash a hash of the candidates, to tell when labels must be placed again
 */
record RingLookupMarks(Map<NodeId, String> states, Map<NodeId, Integer> resends, List<NodeId> required, int candidateHash) {
    /**
     * The marks of {@code session}'s lookup, read from the very rows the inspector shows
     * ({@link LookupSession#rows}), so the ring and the inspector name every peer's state alike.
     */
    static RingLookupMarks of(NodeId selected, LookupSession session, NetworkModel net) {
        Map<NodeId, String> states = new HashMap<>();
        Map<NodeId, Integer> resends = new HashMap<>();
        List<NodeId> must = new ArrayList<>();
        if (selected != null) {
            must.add(selected);
        }
        int hash = 1;
        if (session != null && session.hasLookup()) {
            for (CandidateRow r : session.rows(net)) {
                states.put(r.id(), r.shownPseudoClass());
                if (r.resends() > 0) {
                    resends.put(r.id(), r.resends());
                }
                must.add(r.id());
                hash = 31 * hash + r.id().hashCode();
            }
        }
        if (session != null && session.finished() != null && session.finished().missed() != null) {
            for (NodeId id : session.finished().missed()) {
                if (states.putIfAbsent(id, CandidateRow.MISSED) == null) { // a true closest node the lookup never heard of;
                    must.add(id); // one it knew keeps its row's state (slow, failed), as the inspector shows it
                }
            }
        }
        return new RingLookupMarks(states, resends, must, hash);
    }

    /**
     * What decides the marks: the network, the session, its version and the membership, the same
     * signature the inspector refreshes its rows by. The marks are read again only when it changes,
     * so the ring never shows a state the inspector's rows do not.
     */
    static Object signature(NetworkModel net, LookupSession session, long membershipVersion) {
        return java.util.Arrays.asList(net, session, session == null ? 0 : session.version(), membershipVersion);
    }
}
