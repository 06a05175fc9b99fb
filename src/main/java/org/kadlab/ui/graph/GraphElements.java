package org.kadlab.ui.graph;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.graphstream.graph.Edge;
import org.graphstream.graph.Graph;
import org.graphstream.graph.Node;

/**
 * The GraphStream elements the network graph shows, diffed instead of rebuilt: each node's style
 * class and label and each edge's class are remembered, so an attribute is set only when it
 * changes, an edge is never added twice, and nodes no longer shown leave with their edges.
 */
final class GraphElements {
    private final Graph graph;
    private final Map<String, String> nodeClass = new HashMap<>();
    private final Map<String, String> nodeLabel = new HashMap<>();
    private final Map<String, String> edgeClass = new HashMap<>();

    GraphElements(Graph graph) {
        this.graph = graph;
    }

    /** Forgets everything drawn (a new network). */
    void clear() {
        graph.clear();
        nodeClass.clear();
        nodeLabel.clear();
        edgeClass.clear();
    }

    /** Adds the edge {@code key} ("a-b") if both ends are shown and it is not drawn yet. */
    void ensureEdge(String key, Set<String> ids) {
        if (edgeClass.containsKey(key) || !bothIn(key, ids)) {
            return;
        }
        int dash = key.indexOf('-');
        String a = key.substring(0, dash);
        String b = key.substring(dash + 1);
        if (graph.getEdge(key) == null && graph.getNode(a).getEdgeBetween(b) == null) {
            graph.addEdge(key, a, b);
            edgeClass.put(key, "");
        }
    }

    /**
     * Gives every drawn edge its class: "path" for the lookup's referrals, "contact" for the selected
     * node's, none otherwise; removes the edges nobody knows any more (unless on the path).
     */
    void styleEdges(Set<String> pathEdges, Set<String> contactEdges, Set<String> knows, String selId) {
        for (String key : new HashSet<>(edgeClass.keySet())) {
            String want = pathEdges.contains(key) ? "path"
                    : selId != null && touches(key, selId) ? "contact" : "";
            if (!want.equals("path") && !knows.contains(key) && !contactEdges.contains(key)) {
                graph.removeEdge(key);
                edgeClass.remove(key);
                continue;
            }
            if (!want.equals(edgeClass.get(key))) {
                Edge e = graph.getEdge(key);
                if (want.isEmpty()) {
                    e.removeAttribute("ui.class");
                } else {
                    e.setAttribute("ui.class", want);
                }
                edgeClass.put(key, want);
            }
        }
    }

    /** Removes the nodes not in {@code ids}, with their edges. */
    void removeNodesOtherThan(Set<String> ids) {
        for (Node n : graph.nodes().toList()) {
            if (!ids.contains(n.getId())) {
                n.edges().toList().forEach(e -> edgeClass.remove(e.getId()));
                graph.removeNode(n);
                nodeClass.remove(n.getId());
                nodeLabel.remove(n.getId());
            }
        }
    }

    void setNodeClass(String id, String cls) {
        setIfChanged(id, "ui.class", cls, nodeClass);
    }

    void setNodeLabel(String id, String label) {
        setIfChanged(id, "ui.label", label, nodeLabel);
    }

    private void setIfChanged(String id, String attribute, String value, Map<String, String> shown) {
        if (!value.equals(shown.getOrDefault(id, ""))) {
            Node n = graph.getNode(id);
            if (value.isEmpty()) {
                n.removeAttribute(attribute);
            } else {
                n.setAttribute(attribute, value);
            }
            shown.put(id, value);
        }
    }

    /** Whether both ends of the edge {@code key} are in {@code ids}. */
    static boolean bothIn(String key, Set<String> ids) {
        int dash = key.indexOf('-');
        return ids.contains(key.substring(0, dash)) && ids.contains(key.substring(dash + 1));
    }

    private static boolean touches(String key, String id) {
        return key.startsWith(id + "-") || key.endsWith("-" + id);
    }
}
