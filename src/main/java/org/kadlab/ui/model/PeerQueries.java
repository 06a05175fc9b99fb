package org.kadlab.ui.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;

/**
 * What one lookup's progress events tell of each peer it asked.
 *
 * <ol>
 *   <li>Every query sent to a peer (a WAITING progress event) is kept with its time; the second
 *       and later ones are the lookup asking a silent peer again after its peer timeout
 *       ({@code rpc_retries}).</li>
 *   <li>An answer that arrives the peer timeout or more after the last query to the peer came after
 *       the lookup marked the peer unresponsive and freed its slot: its peer timeout fell due then,
 *       and the wake-up for it was queued when the query left, before the answer was. That is a
 *       late answer, which still counts. (An answer at the very millisecond of the timeout that the
 *       lookup happened to take first is called late too: the events cannot tell the two apart.)</li>
 * </ol>
 * At most one entry per candidate of the lookup, which is bounded.
 */
final class PeerQueries {
    /** One peer's query times, oldest first, and the time of its late answer or -1. */
    private static final class Asked {
        final List<Long> sentAt = new ArrayList<>(2);
        long lateAt = -1;
    }

    private final Map<NodeId, Asked> asked = new HashMap<>();

    /** Follows one progress event of the lookup: a query sent to the peer, or its answer. */
    void progressed(SimEvent.LookupProgressed p, long peerTimeoutMs) {
        Asked a = asked.computeIfAbsent(p.peer(), id -> new Asked());
        if (p.state() == Lookup.CandidateState.WAITING) {
            a.sentAt.add(p.time());
        } else if (p.state() == Lookup.CandidateState.SUCCEEDED && !a.sentAt.isEmpty()
                && p.time() >= a.sentAt.get(a.sentAt.size() - 1) + peerTimeoutMs) {
            a.lateAt = p.time();
        }
    }

    /** Takes the queries {@code l} sent before it was followed (its first ones go out as it starts) as each peer's first. */
    void sentBefore(Lookup l) {
        for (Lookup.Candidate c : l.candidates()) {
            if (c.sentAt() >= 0 && !asked.containsKey(c.contact().id())) {
                asked.computeIfAbsent(c.contact().id(), id -> new Asked()).sentAt.add(c.sentAt());
            }
        }
    }

    /** How often {@code peer} was asked again after a silent peer timeout (0 if never, or not asked at all). */
    int resends(NodeId peer) {
        Asked a = asked.get(peer);
        return a == null ? 0 : Math.max(0, a.sentAt.size() - 1);
    }

    /** How often {@code peer} had been asked before virtual time {@code time}: a query then with 1 or more is a resend. */
    int askedBefore(NodeId peer, long time) {
        Asked a = asked.get(peer);
        if (a == null) {
            return 0;
        }
        int before = 0;
        for (long t : a.sentAt) {
            if (t < time) {
                before++;
            }
        }
        return before;
    }

    /** Whether {@code peer} answered late. */
    boolean answeredLate(NodeId peer) {
        Asked a = asked.get(peer);
        return a != null && a.lateAt >= 0;
    }

    /** Whether {@code peer}'s answer at virtual time {@code time} was a late one. */
    boolean answeredLateAt(NodeId peer, long time) {
        Asked a = asked.get(peer);
        return a != null && a.lateAt == time;
    }

    /** The peers {@code l} holds as slow (unresponsive) now; a lookup's failures count them too. */
    static int slowCount(Lookup l) {
        int n = 0;
        if (l != null) {
            for (Lookup.Candidate c : l.candidates()) {
                n += c.state() == Lookup.CandidateState.UNRESPONSIVE ? 1 : 0;
            }
        }
        return n;
    }

    /**
     * The slow peers, late answers and peers asked again of {@code l} so far, in a sentence that
     * says the rule (" 2 slow: their slots are freed, a late answer still counts. 1 late answer.
     * 3 asked again."), or "" when there are none.
     */
    String slowness(Lookup l) {
        if (l == null) {
            return "";
        }
        int slow = slowCount(l);
        int late = 0;
        int again = 0;
        for (Lookup.Candidate c : l.candidates()) {
            NodeId id = c.contact().id();
            late += c.state() == Lookup.CandidateState.SUCCEEDED && answeredLate(id) ? 1 : 0;
            again += resends(id) > 0 ? 1 : 0;
        }
        StringBuilder sb = new StringBuilder();
        if (slow > 0) {
            sb.append(' ').append(slow).append(slow == 1 ? " slow: its slot is freed" : " slow: their slots are freed")
                    .append(", a late answer still counts.");
        }
        if (late > 0) {
            sb.append(' ').append(late).append(late == 1 ? " late answer." : " late answers.");
        }
        if (again > 0) {
            sb.append(' ').append(again).append(" asked again.");
        }
        return sb.toString();
    }
}
