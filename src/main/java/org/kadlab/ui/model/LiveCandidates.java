package org.kadlab.ui.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;

/**
 * The candidates of a lookup run by a real node, rebuilt from its progress events (the app holds no
 * {@link Lookup} object of a node it only watches): each peer's latest state, how many contacts it
 * returned and how many were new, who introduced it, its depth and round, the candidates an answer
 * introduced (known, not yet asked), and the queries in flight.
 */
final class LiveCandidates {
    /** Most candidates followed for one lookup. */
    static final int MAX_CANDIDATES = 1_000;

    private record Cand(Lookup.CandidateState state, int returned, int introduced) {
    }

    /** Where a candidate came from: whose answer (null: the origin's table), its depth and round. */
    private record Origin(NodeId referrer, int depth, int round) {
    }

    private final Map<NodeId, Cand> byPeer = new LinkedHashMap<>();
    private final Map<NodeId, Origin> origins = new java.util.HashMap<>();
    private int sent;
    private int inFlight;

    void progressed(SimEvent.LookupProgressed p) {
        if (!byPeer.containsKey(p.peer()) && byPeer.size() >= MAX_CANDIDATES) {
            return;
        }
        if (p.state() == Lookup.CandidateState.WAITING) {
            sent++;
        }
        byPeer.put(p.peer(), new Cand(p.state(), p.returned(), p.introduced()));
        inFlight = p.inFlight();
    }

    /** What a progress event of {@code peer} told beyond its state: its origin, and whom its answer introduced. */
    void detail(NodeId peer, org.kadlab.ui.model.live.LiveEvents.Candidate d) {
        if (!byPeer.containsKey(peer)) {
            return;
        }
        origins.put(peer, new Origin(d.referrer(), d.depth(), d.round()));
        for (NodeId n : d.introduced()) {
            if (!byPeer.containsKey(n) && byPeer.size() < MAX_CANDIDATES) {
                byPeer.put(n, new Cand(Lookup.CandidateState.NOT_CONTACTED, -1, 0));
                origins.put(n, new Origin(peer, d.depth() + 1, 0));
            }
        }
    }

    int queriesSent() {
        return sent;
    }

    int inFlight() {
        return inFlight;
    }

    /** The candidates, closest to {@code target} first, as inspector rows. */
    List<CandidateRow> rows(NetworkModel net, NodeId target, int k, Set<NodeId> truth, boolean over,
                            LookupSession session) {
        KeySpace ks = net.keySpace();
        List<NodeId> order = new ArrayList<>(byPeer.keySet());
        order.sort(Comparator.comparing(id -> KeySpace.distance(id, target)));
        CandidateRows rows = new CandidateRows(net, target, k, truth, over, session);
        for (NodeId id : order) {
            Origin o = origins.get(id);
            String toldBy = o == null ? "\u2014" : o.referrer() == null ? "own table" : ks.hex(o.referrer());
            rows.add(id, byPeer.get(id).state(), toldBy, o == null ? 0 : o.depth(), o == null ? 0 : o.round());
        }
        return rows.rows();
    }

    /** The ids in the k closest usable places, closest first (what the lookup returns when it ends). */
    List<NodeId> closestUsable(NodeId target, int k) {
        List<NodeId> out = new ArrayList<>();
        Set<NodeId> seen = new HashSet<>();
        byPeer.keySet().stream().sorted(Comparator.comparing(id -> KeySpace.distance(id, target))).forEach(id -> {
            Lookup.CandidateState s = byPeer.get(id).state();
            if (out.size() < k && s == Lookup.CandidateState.SUCCEEDED && seen.add(id)) {
                out.add(id);
            }
        });
        return out;
    }
}
