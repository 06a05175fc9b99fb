package org.kadlab.ui.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.LookupSnapshot;

/**
 * Edge keys for the network graph, as pure functions: an undirected edge between {@code a} and
 * {@code b} has the key {@code min(a,b) + "-" + max(a,b)} of their hex ids, so "a knows b" and
 * "b knows a" give one edge and a SingleGraph never sees a duplicate.
 */
public final class GraphEdges {
    private GraphEdges() {
    }

    /** The key of the undirected edge between the nodes with hex ids {@code a} and {@code b}. */
    public static String key(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "-" + b : b + "-" + a;
    }

    /**
     * The edges a lookup walked: for every candidate that was queried (waiting, answered, failed or
     * unresponsive), the edge from its referrer (or from the origin, for the origin's own contacts)
     * to it. {@code hex} formats ids.
     */
    public static Set<String> lookupPath(LookupSnapshot lookup, java.util.function.Function<NodeId, String> hex) {
        Set<String> out = new LinkedHashSet<>();
        if (lookup == null) {
            return out;
        }
        String origin = hex.apply(lookup.origin());
        for (LookupSnapshot.Candidate c : lookup.candidates()) {
            if (c.state() == Lookup.CandidateState.NOT_CONTACTED) {
                continue;
            }
            NodeId ref = c.referrer();
            String from = ref == null ? origin : hex.apply(ref);
            String to = hex.apply(c.id());
            if (!from.equals(to)) {
                out.add(key(from, to));
            }
        }
        return out;
    }

    /** The nodes a lookup queried (hex ids), in candidate order. */
    public static Set<String> queried(LookupSnapshot lookup, java.util.function.Function<NodeId, String> hex) {
        Set<String> out = new LinkedHashSet<>();
        if (lookup == null) {
            return out;
        }
        for (LookupSnapshot.Candidate c : lookup.candidates()) {
            if (c.state() != Lookup.CandidateState.NOT_CONTACTED) {
                out.add(hex.apply(c.id()));
            }
        }
        return out;
    }

    /** The "knows" edges of one node: one key per contact in its routing table. */
    public static void addKnows(String self, List<NodeId> contacts, java.util.function.Function<NodeId, String> hex,
                                Set<String> into) {
        for (NodeId c : contacts) {
            String other = hex.apply(c);
            if (!other.equals(self)) {
                into.add(key(self, other));
            }
        }
    }

    /**
     * The "knows" edges of one node on a graph too dense to draw whole: one key per contact among its
     * {@code n} closest contacts by XOR distance that {@code drawn} accepts.
     */
    public static void addNearest(NodeId self, List<NodeId> contacts, int n, Predicate<NodeId> drawn,
                                  java.util.function.Function<NodeId, String> hex, Set<String> into) {
        String me = hex.apply(self);
        for (NodeId c : nearest(self, contacts, n, drawn)) {
            into.add(key(me, hex.apply(c)));
        }
    }

    /** The at most {@code n} contacts closest to {@code self} by XOR distance that {@code drawn} accepts, closest first; never self. */
    public static List<NodeId> nearest(NodeId self, List<NodeId> contacts, int n, Predicate<NodeId> drawn) {
        List<NodeId> best = new ArrayList<>(n + 1);
        if (n <= 0) {
            return best;
        }
        for (NodeId c : contacts) {
            if (c.equals(self) || !drawn.test(c)) {
                continue;
            }
            int at = best.size();
            while (at > 0 && NodeId.compareDistance(self, c, best.get(at - 1)) < 0) {
                at--;
            }
            if (at < n) {
                best.add(at, c);
                if (best.size() > n) {
                    best.remove(n);
                }
            }
        }
        return best;
    }
}
