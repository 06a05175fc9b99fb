package org.kadlab.ui.ring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.LookupSnapshot;

/**
 * What the inspected lookup marks on the ring: each candidate's state (as the inspector names it,
 * a late answer apart from an answer in time), how often each peer was asked again, the true
 * closest nodes an inexact lookup missed, and the nodes whose labels must be shown (the selected
 * node first, then the candidates and the missed).
 *
 * @param states        ring state by node
 * @param resends       how often each peer was asked again after a silent peer timeout (only those asked again)
 * @param required      the nodes that must be labelled, in order
 * @param candidateHash a hash of the candidates, to tell when labels must be placed again
 */
record RingLookupMarks(Map<NodeId, String> states, Map<NodeId, Integer> resends, List<NodeId> required, int candidateHash) {
    static RingLookupMarks of(NodeId selected, LookupSession session) {
        Map<NodeId, String> states = new HashMap<>();
        Map<NodeId, Integer> resends = new HashMap<>();
        List<NodeId> must = new ArrayList<>();
        if (selected != null) {
            must.add(selected);
        }
        int hash = 1;
        LookupSnapshot lookup = session == null ? null : session.lookup();
        if (lookup != null) {
            for (LookupSnapshot.Candidate c : lookup.candidates()) {
                states.put(c.id(), CandidateRow.shownState(c.state(), session.isOver(), session.answeredLate(c.id())));
                int again = session.resends(c.id());
                if (again > 0) {
                    resends.put(c.id(), again);
                }
                must.add(c.id());
                hash = 31 * hash + c.id().hashCode();
            }
            if (session.finished() != null && session.finished().missed() != null) {
                for (NodeId id : session.finished().missed()) {
                    states.put(id, CandidateRow.MISSED); // a true closest node the lookup never found
                    must.add(id);
                }
            }
        }
        return new RingLookupMarks(states, resends, must, hash);
    }
}
