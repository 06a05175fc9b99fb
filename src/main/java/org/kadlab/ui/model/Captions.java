package org.kadlab.ui.model;

import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;

/**
 * Says in plain language what one simulation event means, for the caption under the views.
 *
 * <ol>
 *   <li>Steps of the lookup shown in the inspector: who asks whom, who answers with how many new
 *       contacts, who fails, how it ended.</li>
 *   <li>Routing-table drama (ping-before-evict started, kept, evicted, replaced) in the table of the
 *       selected node (the one the bucket panel shows) or of a node taking part in the inspected
 *       lookup (its origin, or a peer it has queried). Drama in any other table gets no caption: on
 *       thousands of nodes it would overwrite the story being followed many times a second.</li>
 *   <li>Crashes and revivals.</li>
 * </ol>
 * Everything else (routine table touches, pings of other nodes' lookups) gets no caption: null.
 * Ids are printed by {@link IdText#brief}: whole up to 32 bits, abbreviated in wider key spaces.
 */
public final class Captions {
    private Captions() {
    }

    /**
     * The caption for {@code e}, or null if it deserves none, when the selected node is not known:
     * table drama is captioned only for nodes taking part in {@code session}. {@code session} may be null.
     */
    public static String describe(SimEvent e, LookupSession session, KeySpace ks) {
        return describe(e, session, null, ks);
    }

    /**
     * The caption for {@code e}, or null if it deserves none. {@code session} (the inspected lookup)
     * and {@code selected} (the node whose routing table is shown) may be null.
     */
    public static String describe(SimEvent e, LookupSession session, NodeId selected, KeySpace ks) {
        boolean ours = session != null && session.simId() >= 0;
        if (e instanceof SimEvent.LookupStarted s && ours && s.lookup() == session.simId()) {
            return h(ks, s.origin()) + " starts find_node for " + h(ks, s.target())
                    + ": it asks the closest contacts it knows, a few at a time.";
        }
        if (e instanceof SimEvent.LookupProgressed p && ours && p.lookup() == session.simId()) {
            String o = h(ks, session.origin());
            String peer = h(ks, p.peer());
            String t = h(ks, session.target());
            int again = session.queries().askedBefore(p.peer(), p.time());
            return switch (p.state()) {
                case WAITING -> again > 0
                        ? o + " asks " + peer + " again (\u00d7" + again + "): it stayed silent for the peer timeout ("
                                + p.inFlight() + " in flight)."
                        : o + " asks " + peer + " for nodes closer to " + t + " (" + p.inFlight() + " in flight).";
                case SUCCEEDED -> session.queries().answeredLateAt(p.peer(), p.time())
                        ? "Late answer: " + peer + " was slow and its slot was freed, but its answer still counts: "
                                + contacts(p.returned()) + ", " + p.introduced() + " of them new."
                        : o + " asked " + peer + " for nodes closer to " + t + "; " + peer + " answers with "
                                + contacts(p.returned()) + ", " + p.introduced() + " of them new.";
                case FAILED -> peer + " did not answer " + o + " before the RPC timeout; the lookup gives up on it.";
                case UNRESPONSIVE -> peer + " is slow to answer " + o + ": its slot is freed, a late answer still counts.";
                case NOT_CONTACTED -> null;
            };
        }
        if (e instanceof SimEvent.LookupFinished f && ours && f.lookup() == session.simId()) {
            String head = "Lookup for " + h(ks, f.target()) + " done: " + f.hops() + (f.hops() == 1 ? " hop, " : " hops, ")
                    + f.rpcs() + " RPCs. ";
            if (Boolean.TRUE.equals(f.exact())) {
                return head + "Exact: it found the true " + f.truth().size() + " closest nodes.";
            }
            return head + "Not exact: it missed " + f.missed().size() + " of the true " + f.truth().size() + " closest.";
        }
        if (e instanceof SimEvent.LookupAbandoned a && ours && a.lookup() == session.simId()) {
            return h(ks, a.origin()) + " crashed, so its lookup is abandoned.";
        }
        if (e instanceof SimEvent.BucketChanged b && isDrama(b.change())
                && ((selected != null && selected.equals(b.node())) || takesPart(session, b.node()))) {
            String n = h(ks, b.node());
            String c = h(ks, b.contact());
            return switch (b.change()) {
                case PING_STARTED -> n + "'s bucket " + b.bucket() + " is full: it pings " + c
                        + ", the least recently seen, before letting " + h(ks, b.other()) + " in.";
                case PING_KEPT -> c + " answers the ping and stays in " + n + "'s bucket " + b.bucket()
                        + (b.other() == null ? "." : "; " + h(ks, b.other()) + " waits in the replacement cache.");
                case EVICTED -> c + " failed to answer: " + n + " evicts it from bucket " + b.bucket() + ".";
                case REPLACED, PROMOTED -> c + " takes the free place in " + n + "'s bucket " + b.bucket() + ".";
                case CACHED -> n + "'s bucket " + b.bucket() + " is full and its least recently seen contact answered"
                        + " moments ago: " + c + " waits in the replacement cache, nobody is pinged.";
                default -> null;
            };
        }
        if (e instanceof SimEvent.NodeKilled k) {
            return h(ks, k.node()) + " crashed: it stops answering but keeps its state.";
        }
        if (e instanceof SimEvent.NodeRevived r) {
            return h(ks, r.node()) + " is back, with the routing table it had.";
        }
        return null;
    }

    /** Whether a table change is a step of ping-before-evict (the rest are routine touches). */
    private static boolean isDrama(SimEvent.BucketChange change) {
        return switch (change) {
            case PING_STARTED, PING_KEPT, EVICTED, REPLACED, PROMOTED, CACHED -> true;
            default -> false;
        };
    }

    /** Whether {@code node} is the origin of the inspected lookup or a peer that lookup has queried. */
    static boolean takesPart(LookupSession session, NodeId node) {
        if (session == null || node == null) {
            return false;
        }
        if (node.equals(session.origin())) {
            return true;
        }
        Lookup l = session.liveLookup();
        Lookup.Candidate c = l == null ? null : l.candidate(node);
        return c != null && c.state() != Lookup.CandidateState.NOT_CONTACTED;
    }

    private static String contacts(int n) {
        return n == 1 ? "1 contact" : n + " contacts";
    }

    private static String h(KeySpace ks, NodeId id) {
        return IdText.brief(ks, id);
    }
}
