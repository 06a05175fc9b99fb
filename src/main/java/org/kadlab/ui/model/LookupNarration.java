package org.kadlab.ui.model;

import java.util.ArrayList;
import java.util.List;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;

/**
 * Tells one step of the inspected lookup in plain words, for "Step this lookup": which of a
 * simulation step's events belong to the lookup (its own progress events, and the RPCs between its
 * origin and the peers it asked), what they mean (sent, delivered, answered with n contacts of which
 * m new, timed out, late answer, finish), and what changed in the state machine (a stall, a widened
 * round, the rule that ended it).
 */
final class LookupNarration {
    private LookupNarration() {
    }

    /** The state machine's flags before a step, to tell what the step changed. */
    record Before(boolean stalled, int widened, int round) {
        static Before of(Lookup l) {
            return new Before(l.isStalled(), l.widenedRounds(), l.round());
        }
    }

    /** Whether {@code e} is an event of {@code s}'s lookup: its progress, or an RPC between its origin and a peer it asked. */
    static boolean concerns(LookupSession s, SimEvent e) {
        long id = s.simId();
        if (e instanceof SimEvent.LookupStarted x) {
            return x.lookup() == id;
        }
        if (e instanceof SimEvent.LookupProgressed x) {
            return x.lookup() == id;
        }
        if (e instanceof SimEvent.LookupFinished x) {
            return x.lookup() == id;
        }
        if (e instanceof SimEvent.LookupAbandoned x) {
            return x.lookup() == id;
        }
        if (e instanceof SimEvent.RpcDelivered r) {
            return asked(s, r.from(), r.to(), r.type());
        }
        if (e instanceof SimEvent.RpcTimedOut r) {
            return asked(s, r.from(), r.to(), r.type());
        }
        if (e instanceof SimEvent.RpcAnswered r) {
            return asked(s, r.from(), r.to(), r.type());
        }
        return false;
    }

    private static boolean asked(LookupSession s, NodeId from, NodeId to, SimEvent.RpcType type) {
        Lookup l = s.liveLookup();
        if (l == null || !from.equals(s.origin()) || !s.carries(type)) {
            return false;
        }
        Lookup.Candidate c = l.candidate(to);
        return c != null && c.state() != Lookup.CandidateState.NOT_CONTACTED;
    }

    /**
     * The caption of one step: what {@code mine} (the lookup's events of that step) did, what changed
     * in the state machine since {@code before}, and how much else ran meanwhile.
     */
    static String describe(List<SimEvent> mine, LookupSession s, Before before, long elapsedMs, int others, KeySpace ks) {
        List<String> said = new ArrayList<>();
        for (SimEvent e : mine) {
            String text = describe(e, mine, s, ks);
            if (text != null && !said.contains(text)) {
                said.add(text);
            }
        }
        Lookup l = s.liveLookup();
        if (l != null) {
            if (!before.stalled() && l.isStalled()) {
                said.add("Stalled: " + (l.alpha() == 1 ? "an answer" : l.alpha() + " answers in a row")
                        + " brought nobody closer, so the lookup now lets up to "
                        + l.inFlightLimit() + " queries fly.");
            } else if (before.stalled() && !l.isStalled() && !l.isFinished()) {
                said.add("Progress again: the stall is over, back to alpha = " + l.alpha() + " in flight.");
            }
            if (l.widenedRounds() > before.widened()) {
                said.add("Round " + (before.round() + 1) + " widens to k: the last round found nobody closer, so it asks"
                        + " all of the " + l.k() + " closest not yet asked.");
            } else if (l.round() > before.round() && l.mode() != org.kadlab.kad.LookupMode.SLIDING && !l.isFinished()) {
                said.add("Round " + l.round() + " begins.");
            }
        }
        String why = "";
        if (s.isOver()) {
            List<String> lines = StopExplanation.explain(s, ks);
            if (!lines.isEmpty()) {
                why = " Why it stopped: " + lines.get(0).replaceFirst("^Rule: ", "");
            }
        }
        String head = "+" + elapsedMs + " ms" + (others == 0 ? "" : others == 1 ? " (1 other event ran meanwhile)"
                : " (" + others + " other events ran meanwhile)") + ": ";
        return head + (said.isEmpty() ? "nothing of this lookup changed." : String.join(" Then ", said)) + why;
    }

    private static String describe(SimEvent e, List<SimEvent> group, LookupSession s, KeySpace ks) {
        String o = IdText.brief(ks, s.origin());
        String t = IdText.brief(ks, s.target());
        if (e instanceof SimEvent.RpcDelivered r) {
            return IdText.brief(ks, r.to()) + " receives " + o + "'s " + rpc(r.type()) + " request and replies with the"
                    + " contacts it knows closest to " + t + ".";
        }
        if (e instanceof SimEvent.RpcTimedOut r) {
            return progressedIn(group, r.to()) ? null
                    : "No answer from " + IdText.brief(ks, r.to()) + " within the RPC timeout.";
        }
        if (e instanceof SimEvent.RpcAnswered r) {
            return progressedIn(group, r.to()) ? null
                    : IdText.brief(ks, r.to()) + "'s answer reaches " + o + ", but the lookup had already counted that peer.";
        }
        return Captions.describe(e, s, null, ks);
    }

    /** Whether the group holds the lookup's own progress event for {@code peer} (which tells the RPC's outcome better). */
    private static boolean progressedIn(List<SimEvent> group, NodeId peer) {
        for (SimEvent e : group) {
            if (e instanceof SimEvent.LookupProgressed p && p.peer().equals(peer)) {
                return true;
            }
        }
        return false;
    }

    private static String rpc(SimEvent.RpcType type) {
        return type.name();
    }
}
