package org.kadlab.ui.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;

/**
 * Says in plain words why a lookup stopped, from its state machine: the rule that ended it, which of
 * the k closest candidates it knew answered and which failed, whether it stalled or widened, and,
 * judged against the simulator's ground truth (which the lookup never sees), why each true closest
 * node it missed was missed.
 */
public final class StopExplanation {
    /** Most ids named in one line; more are counted. */
    static final int MAX_NAMED = 8;

    private StopExplanation() {
    }

    /** The explanation, one sentence per line; empty while the lookup runs or when it never started. */
    public static List<String> explain(LookupSession session, KeySpace ks) {
        List<String> out = new ArrayList<>();
        Lookup l = session.liveLookup();
        if (session.isAbandoned()) {
            out.add("It stopped because its origin " + IdText.brief(ks, session.origin()) + " crashed (or the network"
                    + " was rebuilt) before it ended: no rule ended it.");
            return out;
        }
        if (!session.isOver() || l == null) {
            return out;
        }
        out.add("Rule: " + rule(l));
        out.add(closest(l, ks));
        if (l.stalls() > 0) {
            out.add("It stalled " + times(l.stalls()) + ": " + (l.alpha() == 1 ? "an answer" : l.alpha() + " answers in a row")
                    + " brought nobody closer, so it"
                    + " let up to max(k, alpha) = " + Math.max(l.k(), l.alpha()) + " queries fly until one did.");
        } else if (l.mode() == LookupMode.SLIDING) {
            out.add(l.alpha() == 1 ? "It never stalled: every answer brought a closer node."
                    : "It never stalled: at least one of every " + l.alpha() + " answers brought a closer node.");
        }
        if (l.widenedRounds() > 0) {
            out.add("It widened " + times(l.widenedRounds()) + ": a round found nobody closer, so the next round asked"
                    + " all of the k closest not yet asked (the paper's rule).");
        }
        SimEvent.LookupFinished f = session.finished();
        if (f != null && f.exact() != null) {
            out.add(missed(f, l, ks));
        }
        return out;
    }

    /** The rule that ended it in a few words ("the 4 closest answered"), or "" while it runs. */
    public static String headline(LookupSession session) {
        Lookup l = session.liveLookup();
        if (session.isAbandoned()) {
            return session.isFromEarlierNetwork() ? "the network was replaced" : "its origin crashed";
        }
        if (!session.isOver() || l == null || l.stopRule() == null) {
            return "";
        }
        return switch (l.stopRule()) {
            case K_CLOSEST_ANSWERED -> "the " + l.k() + " closest answered";
            case NOBODY_LEFT -> "nobody left to ask";
            case ROUNDS_DONE -> "a round brought nobody closer";
            case ENDED_EARLY -> "the value was found";
        };
    }

    private static String rule(Lookup l) {
        Lookup.StopRule r = l.stopRule();
        if (r == null) {
            return "none yet.";
        }
        return switch (r) {
            case K_CLOSEST_ANSWERED -> "the " + l.k() + " closest candidates that had not failed had all answered, so"
                    + " nobody it could still ask was closer to the target.";
            case NOBODY_LEFT -> "nothing was in flight and nobody was left to ask: every candidate it knew had answered"
                    + " or failed.";
            case ROUNDS_DONE -> "a round brought nobody closer and the k closest had all been asked (the seed crate's"
                    + " rounds).";
            case ENDED_EARLY -> "a peer returned the value: find_value stops at the first value found.";
        };
    }

    /** Which of the k closest usable candidates answered, and who failed or stayed silent. */
    private static String closest(Lookup l, KeySpace ks) {
        List<NodeId> answered = new ArrayList<>();
        List<NodeId> failed = new ArrayList<>();
        List<NodeId> slow = new ArrayList<>();
        List<NodeId> notAsked = new ArrayList<>();
        int usable = 0;
        for (Lookup.Candidate c : l.candidates()) {
            switch (c.state()) {
                case FAILED -> failed.add(c.contact().id());
                case UNRESPONSIVE -> slow.add(c.contact().id());
                default -> {
                    if (usable++ < l.k()) {
                        if (c.state() == Lookup.CandidateState.SUCCEEDED) {
                            answered.add(c.contact().id());
                        } else {
                            notAsked.add(c.contact().id());
                        }
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder("Of the ").append(l.k()).append(" closest it knew that had not failed, ")
                .append(answered.size()).append(" answered").append(named(answered, ks));
        if (!notAsked.isEmpty()) {
            sb.append("; ").append(notAsked.size()).append(" were never asked").append(named(notAsked, ks));
        }
        sb.append('.');
        if (!failed.isEmpty()) {
            sb.append(' ').append(failed.size()).append(failed.size() == 1 ? " peer" : " peers")
                    .append(" never answered before the RPC timeout").append(named(failed, ks)).append('.');
        }
        if (!slow.isEmpty()) {
            sb.append(' ').append(slow.size()).append(slow.size() == 1 ? " peer was" : " peers were")
                    .append(" still silent after the peer timeout").append(named(slow, ks)).append('.');
        }
        return sb.toString();
    }

    /** The verdict against the ground truth, with the reason each missed node was missed. */
    private static String missed(SimEvent.LookupFinished f, Lookup l, KeySpace ks) {
        if (Boolean.TRUE.equals(f.exact())) {
            return "Ground truth (the simulator's, never seen by the lookup): it found the true " + f.truth().size()
                    + " closest live nodes.";
        }
        if (f.missed().isEmpty()) {
            return "Ground truth: it returned the right nodes but fewer than k or in another order.";
        }
        List<String> why = new ArrayList<>();
        Set<NodeId> shown = new HashSet<>();
        for (NodeId m : f.missed()) {
            if (why.size() == MAX_NAMED) {
                break;
            }
            shown.add(m);
            Lookup.Candidate c = l.candidate(m);
            String reason;
            if (c == null) {
                reason = "no peer it asked ever named it";
            } else {
                reason = switch (c.state()) {
                    case NOT_CONTACTED -> "known but never asked";
                    case FAILED -> "asked, never answered";
                    case UNRESPONSIVE -> "asked, still silent";
                    case WAITING -> "asked, answer still on its way";
                    case SUCCEEDED -> "answered, yet left out";
                };
            }
            why.add(IdText.brief(ks, m) + " (" + reason + ")");
        }
        int more = f.missed().size() - shown.size();
        return "Ground truth (the simulator's, never seen by the lookup): it missed " + f.missed().size() + " of the true "
                + f.truth().size() + " closest: " + String.join(", ", why) + (more > 0 ? " and " + more + " more" : "") + ".";
    }

    private static String named(List<NodeId> ids, KeySpace ks) {
        if (ids.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ids.size() && i < MAX_NAMED; i++) {
            names.add(IdText.brief(ks, ids.get(i)));
        }
        return " (" + String.join(", ", names) + (ids.size() > MAX_NAMED ? ", \u2026" : "") + ")";
    }

    private static String times(int n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }
}
