package org.kadlab.ui.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.LookupSnapshot;
import org.kadlab.ui.model.NetworkModel;

/** Which nodes the network graph draws, and the status line that says so. */
final class GraphNodeChoice {
    private GraphNodeChoice() {
    }

    /**
     * The nodes to draw: all of them up to {@link NetworkGraphView#MAX_GRAPH_NODES}; beyond that the first
     * {@link NetworkGraphView#MAX_GRAPH_NODES} plus the selected node, its contacts, and the selected lookup's
     * origin and candidates, so the highlighted path is always complete. The extra nodes are
     * bounded by a routing table and a lookup's candidate list.
     */
    static List<NodeId> shownNodes(NetworkModel net, NodeId sel, NodeId origin, LookupSnapshot lookup) {
        return shownNodes(net, sel, origin, lookup, NetworkGraphView.MAX_GRAPH_NODES);
    }

    /** As {@link #shownNodes(NetworkModel, NodeId, NodeId, LookupSnapshot)} with {@code cap} in place of {@link NetworkGraphView#MAX_GRAPH_NODES}. */
    static List<NodeId> shownNodes(NetworkModel net, NodeId sel, NodeId origin, LookupSnapshot lookup, int cap) {
        List<NodeId> all = net.nodeIds();
        if (all.size() <= cap) {
            return all;
        }
        java.util.LinkedHashSet<NodeId> chosen = new java.util.LinkedHashSet<>(all.subList(0, cap));
        if (sel != null && net.contains(sel)) {
            chosen.add(sel);
            chosen.addAll(net.contactIds(sel));
        }
        if (origin != null && net.contains(origin)) {
            chosen.add(origin);
        }
        if (lookup != null) {
            chosen.add(lookup.origin());
            for (LookupSnapshot.Candidate c : lookup.candidates()) {
                if (net.contains(c.id())) {
                    chosen.add(c.id());
                }
            }
        }
        return new ArrayList<>(chosen);
    }

    /**
     * The status line, the essential first: "1,026 of 2,000 nodes drawn · 1,026 live · 2,950 edges
     * (3 nearest each) · lookup: 12 queried" ("32 nodes · ..." when every node is drawn). A negative
     * {@code queried} means no lookup.
     */
    static String statusText(int drawn, int total, int live, int edges, boolean thinned, int queried, boolean failed) {
        StringBuilder sb = new StringBuilder();
        if (total > drawn) {
            sb.append(String.format(Locale.ROOT, "%,d of %,d nodes drawn", drawn, total));
        } else {
            sb.append(String.format(Locale.ROOT, "%,d nodes", drawn));
        }
        sb.append(String.format(Locale.ROOT, " \u00b7 %,d live \u00b7 %,d edges", live, edges));
        if (thinned) {
            sb.append(" (").append(NetworkGraphView.NEAREST_CONTACTS).append(" nearest each)");
        }
        if (queried >= 0) {
            sb.append(String.format(Locale.ROOT, " \u00b7 lookup: %,d queried", queried));
        }
        if (failed) {
            sb.append(" \u00b7 graph view unavailable");
        }
        return sb.toString();
    }

}
