package org.kadlab.ui.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.NetworkModel;

/**
 * The "knows" edges of the drawn nodes: one undirected edge per routing-table entry between two
 * drawn nodes. When that would be more than the graph can draw (2 x maxEdges table entries, or
 * more than maxEdges edges), each node is joined only to its
 * {@link NetworkGraphView#NEAREST_CONTACTS} closest drawn contacts by XOR distance ("thinned").
 */
final class GraphKnows {
    /** The edge keys to draw and whether they were thinned. */
    record Edges(Set<String> keys, boolean thinned) {
    }

    private GraphKnows() {
    }

    static Edges of(NetworkModel net, List<NodeId> nodes, Set<String> ids, Set<NodeId> drawn, int maxEdges) {
        KeySpace ks = net.keySpace();
        Set<String> want = new HashSet<>();
        List<List<NodeId>> tables = new ArrayList<>(nodes.size());
        long entries = 0;
        for (NodeId n : nodes) {
            List<NodeId> t = net.contactIds(n);
            tables.add(t);
            entries += t.size();
        }
        // every table entry gives at most one edge, and a pair that knows each other shares one
        boolean thinned = entries > 2L * maxEdges;
        if (!thinned) {
            for (int i = 0; i < nodes.size(); i++) {
                GraphEdges.addKnows(ks.hex(nodes.get(i)), tables.get(i), ks::hex, want);
            }
            want.removeIf(k -> !GraphElements.bothIn(k, ids));
            if (want.size() > maxEdges) {
                thinned = true;
                want.clear();
            }
        }
        if (thinned) {
            for (int i = 0; i < nodes.size(); i++) {
                GraphEdges.addNearest(nodes.get(i), tables.get(i), NetworkGraphView.NEAREST_CONTACTS, drawn::contains,
                        ks::hex, want);
            }
        }
        return new Edges(want, thinned);
    }
}
