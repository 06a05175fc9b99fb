package org.kadlab.ui.model;

import java.util.List;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;

/**
 * A lookup's state machine copied at one moment, for the views: its candidates closest to the
 * target first, and how far it is.
 */
public record LookupSnapshot(long id, NodeId origin, NodeId target, int k, int alpha, LookupMode mode, int round,
                             int queriesSent, int inFlight, int inFlightLimit, boolean stalled, boolean finished,
                             List<Candidate> candidates) {
    public LookupSnapshot {
        candidates = List.copyOf(candidates);
    }

    /**
     * One peer the lookup knows of.
     *
     * @param referrer who told the lookup about it, or null when it came from the origin's own table
     * @param depth    the referral hop it was learnt at (1 = the origin's own table)
     * @param round    the round it was queried in, or 0
     */
    public record Candidate(NodeId id, NodeId referrer, int depth, Lookup.CandidateState state, int round) {
    }

    /** Copies the state of {@code l} now. */
    public static LookupSnapshot of(Lookup l) {
        List<Lookup.Candidate> live = l.candidates();
        Candidate[] out = new Candidate[live.size()];
        for (int i = 0; i < out.length; i++) {
            Lookup.Candidate c = live.get(i);
            out[i] = new Candidate(c.contact().id(), c.referrer() == null ? null : c.referrer().id(), c.depth(), c.state(),
                    c.round());
        }
        return new LookupSnapshot(l.id(), l.origin(), l.target(), l.k(), l.alpha(), l.mode(), l.round(), l.queriesSent(),
                l.inFlight(), l.inFlightLimit(), l.isStalled(), l.isFinished(), List.of(out));
    }

    /** The candidate with this id, or null. */
    public Candidate candidate(NodeId id) {
        for (Candidate c : candidates) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }
}
