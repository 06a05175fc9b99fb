package org.kadlab.ui.graph;

import org.kadlab.ui.model.IdText;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.widgets.OnScreen;
import org.kadlab.ui.model.RingGeometry;
import org.kadlab.ui.model.EventInbox;
import org.kadlab.ui.model.LookupSnapshot;
import org.kadlab.ui.model.NetworkModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.graphstream.graph.Edge;
import org.graphstream.graph.Graph;
import org.graphstream.graph.Node;
import org.graphstream.graph.implementations.SingleGraph;
import org.graphstream.ui.fx_viewer.FxViewPanel;
import org.graphstream.ui.fx_viewer.FxViewer;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;

/**
 * Who knows whom: a GraphStream graph of the simulated nodes, embedded with an {@link FxViewer}
 * (never {@code graph.display()}), laid out automatically.
 *
 * <ol>
 *   <li>Nodes are the simulation's nodes; beyond {@link #MAX_GRAPH_NODES}, the first ones plus those
 *       the selection and the selected lookup need ({@link #shownNodes}); crashed ones are grey.</li>
 *   <li>An undirected edge joins two nodes when either has the other in its routing table
 *       ({@link GraphEdges#key}); edges are diffed, never duplicated, and recomputed only after an
 *       event that changes a table or the node set. Beyond {@link #MAX_GRAPH_EDGES} such edges (a
 *       160-bit network of hundreds of nodes has a hundred thousand, which take GraphStream many
 *       seconds a frame to draw) each node is joined only to its {@link #NEAREST_CONTACTS} closest
 *       contacts by XOR distance, plus the selected node's contacts and the lookup's path.</li>
 *   <li>A node starts at the angle of its id on a circle, as on the ID ring, so the first picture
 *       is sensible at once and the layout only has to refine it.</li>
 *   <li>Ids wider than 32 bits are labelled abbreviated ({@link IdText#brief}); beyond
 *       {@link #LABEL_ALL_UP_TO} nodes only the highlighted ones are labelled.</li>
 *   <li>The selected node and its contacts are highlighted; so are the selected lookup's origin,
 *       the peers it queried and the referral edges it walked (referrer to peer).</li>
 *   <li>Work is throttled: at most {@link #REFRESHES_PER_SECOND} refreshes a second, only when the
 *       revision changed and the view is on screen; the layout thread runs only while it is
 *       (and while "Auto layout" is ticked).</li>
 *   <li>Clicking a node selects it in the view model (dragging moves it, as GraphStream does).</li>
 *   <li>If GraphStream cannot create its view (no usable graphics pipeline), a message takes its place.</li>
 * </ol>
 */
public final class NetworkGraphView extends BorderPane {
    /** Most nodes drawn. */
    public static final int MAX_GRAPH_NODES = 1_000;
    /** Most "knows" edges drawn; beyond it each node keeps only its nearest contacts. */
    public static final int MAX_GRAPH_EDGES = 4_000;
    /** How many of its XOR-closest drawn contacts a node is joined to once the edges are thinned. */
    public static final int NEAREST_CONTACTS = 3;
    /** Most refreshes per second. */
    public static final int REFRESHES_PER_SECOND = 2;
    /** How often the view checks whether it has work to do (and whether it has just come on screen). */
    private static final double TICK_MS = 100;
    /** Nodes get hex labels up to this network size; beyond it only highlighted ones do. */
    public static final int LABEL_ALL_UP_TO = 64;
    private static final int FEED_CAPACITY = 4_096;
    private static final double CLICK_RADIUS_PX = 12;

    private static final String STYLE = """
            graph { fill-color: %1$s; padding: 40px; }
            node { size: 9px; fill-color: %2$s; stroke-mode: plain; stroke-color: %1$s; stroke-width: 1px;
                   text-color: %3$s; text-size: 11; text-alignment: under; text-background-mode: none; z-index: 2; }
            node.dead { fill-color: %4$s; text-color: %4$s; }
            node.contact { fill-color: #009E73; size: 11px; }
            node.queried { fill-color: #56B4E9; size: 12px; }
            node.failed { fill-color: #D55E00; size: 12px; }
            node.origin { fill-color: #CC79A7; size: 15px; }
            node.selected { fill-color: #E69F00; size: 16px; stroke-color: %3$s; stroke-width: 2px; z-index: 4; }
            edge { fill-color: %5$s; size: 1px; z-index: 0; }
            edge.contact { fill-color: #009E73; size: 1.5px; z-index: 1; }
            edge.path { fill-color: #56B4E9; size: 3px; z-index: 3; }
            """;

    private final NetworkViewModel vm;
    private final int maxNodes;
    private final int maxEdges;
    private final Graph graph = new SingleGraph("kad-network", false, true, MAX_GRAPH_NODES, 8 * MAX_GRAPH_NODES);
    private final javafx.scene.control.Tooltip statusTip = new javafx.scene.control.Tooltip();
    private final Label status = new Label();
    private final javafx.scene.control.CheckBox layoutToggle = new javafx.scene.control.CheckBox("Auto layout");
    private final Map<String, String> nodeClass = new HashMap<>();
    private final Map<String, String> nodeLabel = new HashMap<>();
    private final Map<String, String> edgeClass = new HashMap<>();
    private final Set<String> knows = new HashSet<>();
    private final EventInbox.Reader feed;
    private final Timeline ticker;
    private FxViewer viewer;
    private FxViewPanel panel;
    private String failure;
    private boolean topologyDirty = true;
    private boolean dirty = true;
    private boolean layoutRunning;
    private Boolean lightStyle;
    private NetworkModel shownSim;
    private boolean thinned;
    private boolean wasOnScreen;
    private long lastRefreshNanos;
    private int refreshes;
    private int edgeRebuilds;

    public NetworkGraphView(NetworkViewModel vm) {
        this(vm, MAX_GRAPH_NODES, MAX_GRAPH_EDGES);
    }

    /** A graph drawing at most {@code maxNodes} nodes (plus those the selection needs) and {@code maxEdges} "knows" edges (for tests). */
    NetworkGraphView(NetworkViewModel vm, int maxNodes, int maxEdges) {
        this.vm = vm;
        this.maxNodes = maxNodes;
        this.maxEdges = maxEdges;
        getStyleClass().add("network-graph");
        setId("network-graph");
        status.setId("graph-status");
        status.getStyleClass().add("view-status");
        Label legend = new Label("orange selected \u00b7 pink lookup origin \u00b7 green its contacts \u00b7 blue queried"
                + " by the lookup (thick: the referral it followed) \u00b7 red failed \u00b7 grey down"
                + " \u00b7 click a node to select it, drag to move it");
        legend.getStyleClass().add("graph-legend");
        legend.setWrapText(true);
        HBox legendBar = new HBox(legend);
        legendBar.getStyleClass().addAll("view-toolbar", "graph-legend-bar");
        layoutToggle.setId("graph-layout-toggle");
        layoutToggle.setSelected(true);
        layoutToggle.selectedProperty().addListener((o, a, on) -> setLayout(on && isOnScreen()));
        layoutToggle.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        status.setMinWidth(0);
        status.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        statusTip.setWrapText(true);
        statusTip.setMaxWidth(600);
        status.setTooltip(statusTip);
        HBox.setHgrow(status, javafx.scene.layout.Priority.SOMETIMES);
        HBox bar = new HBox(12, status, gap, layoutToggle);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("view-toolbar");
        setTop(bar);
        setBottom(legendBar);
        applyStyle(false);
        try {
            viewer = new FxViewer(graph, FxViewer.ThreadingModel.GRAPH_IN_GUI_THREAD);
            panel = (FxViewPanel) viewer.addDefaultView(false);
            panel.getStyleClass().add("graph-panel");
            panel.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
                if (e.isStillSincePress()) {
                    selectAt(e.getX(), e.getY());
                }
            });
            setCenter(panel);
        } catch (RuntimeException | LinkageError ex) {
            viewer = null;
            panel = null;
            failure = "The graph view could not start: " + ex;
            Label l = new Label(failure);
            l.setWrapText(true);
            l.getStyleClass().add("graph-unavailable");
            setCenter(l);
        }
        feed = vm.events().reader();
        vm.networkProperty().addListener((o, was, now) -> {
            topologyDirty = true;
            dirty = true;
        });
        vm.revisionProperty().addListener((o, a, b) -> dirty = true);
        vm.selection().selectedNodeProperty().addListener((o, a, b) -> dirty = true);
        vm.selection().selectedLookupProperty().addListener((o, a, b) -> dirty = true);
        ObservableValue<Boolean> showing = sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty);
        showing.addListener((o, a, b) -> {
            if (!Boolean.TRUE.equals(b)) {
                setLayout(false);
            }
        });
        ticker = new Timeline(new KeyFrame(Duration.millis(TICK_MS), e -> tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                ticker.stop();
                setLayout(false);
            } else {
                ticker.play();
            }
        });
    }

    /** Refreshes at once when the view has just come on screen, otherwise at most {@link #REFRESHES_PER_SECOND} times a second. */
    private void tick() {
        boolean onScreen = isOnScreen();
        boolean cameOn = onScreen && !wasOnScreen;
        wasOnScreen = onScreen;
        long now = System.nanoTime();
        boolean due = now - lastRefreshNanos >= 1_000_000_000L / REFRESHES_PER_SECOND;
        if (onScreen && (cameOn || due && (dirty || feed.hasPending()))) {
            refresh();
            lastRefreshNanos = now;
        }
        setLayout(onScreen && layoutToggle.isSelected());
    }

    /** Whether this view can be seen now (see {@link OnScreen}). */
    public boolean isOnScreen() {
        return OnScreen.is(this);
    }

    private void setLayout(boolean on) {
        if (viewer == null || on == layoutRunning) {
            return;
        }
        layoutRunning = on;
        if (on) {
            viewer.enableAutoLayout();
        } else {
            viewer.disableAutoLayout();
        }
    }

    /** Brings the graph up to date with the simulation now (the ticker calls it when due). */
    public void refresh() {
        dirty = false;
        refreshes++;
        NetworkModel sim = vm.network();
        if (sim != shownSim) {
            graph.clear();
            nodeClass.clear();
            nodeLabel.clear();
            edgeClass.clear();
            knows.clear();
            thinned = false;
            lightStyle = null;
            shownSim = sim;
            topologyDirty = true;
        }
        applyStyle(isLight());
        int drained = 0;
        for (SimEvent e : feed.drain()) {
            drained++;
            if (changesTopology(e)) {
                topologyDirty = true;
            }
        }
        if (drained >= FEED_CAPACITY) {
            topologyDirty = true;
        }
        KeySpace ks = sim.keySpace();
        List<NodeId> all = sim.nodeIds();
        NodeId sel = vm.selection().selectedNode();
        LookupSession session = vm.selection().selectedLookup();
        LookupSnapshot lookup = session == null ? null : session.lookup();
        List<NodeId> nodes = shownNodes(sim, sel, lookup == null && session != null ? session.origin() : null, lookup, maxNodes);
        Set<String> ids = new HashSet<>();
        Set<NodeId> drawn = new HashSet<>();
        double radius = Math.max(1, Math.sqrt(nodes.size()));
        for (NodeId n : nodes) {
            String id = ks.hex(n);
            ids.add(id);
            drawn.add(n);
            if (graph.getNode(id) == null) {
                Node added = graph.addNode(id);
                double angle = RingGeometry.angle(n, ks.bits());
                added.setAttribute("xyz", radius * Math.sin(angle), radius * Math.cos(angle), 0.0);
                topologyDirty = true;
            }
        }
        if (graph.getNodeCount() > ids.size()) {
            topologyDirty = true; // nodes drawn for an earlier selection or lookup are taken away
        }
        if (topologyDirty) {
            rebuildEdges(sim, nodes, ids, drawn);
        }

        String selId = sel == null ? null : ks.hex(sel);
        Set<String> contacts = new HashSet<>();
        Set<String> contactEdges = new HashSet<>();
        if (sel != null) {
            List<NodeId> selContacts = sim.contactIds(sel);
            for (NodeId c : selContacts) {
                contacts.add(ks.hex(c));
            }
            GraphEdges.addKnows(selId, selContacts, ks::hex, contactEdges);
            contactEdges.removeIf(k -> !bothIn(k, ids));
        }
        Set<String> pathEdges = GraphEdges.lookupPath(lookup, ks::hex);
        Set<String> queried = GraphEdges.queried(lookup, ks::hex);
        Set<String> failed = new HashSet<>();
        if (lookup != null) {
            for (LookupSnapshot.Candidate c : lookup.candidates()) {
                if (c.state() == Lookup.CandidateState.FAILED || c.state() == Lookup.CandidateState.UNRESPONSIVE) {
                    failed.add(ks.hex(c.id()));
                }
            }
        }
        String origin = session == null ? null : ks.hex(session.origin());

        boolean labelAll = nodes.size() <= LABEL_ALL_UP_TO;
        int live = 0;
        for (NodeId n : nodes) {
            String id = ks.hex(n);
            boolean alive = sim.isAlive(n);
            if (alive) {
                live++;
            }
            StringBuilder cls = new StringBuilder();
            if (!alive) {
                cls.append("dead");
            } else if (failed.contains(id)) {
                cls.append("failed");
            } else if (queried.contains(id)) {
                cls.append("queried");
            } else if (contacts.contains(id)) {
                cls.append("contact");
            }
            if (id.equals(origin)) {
                cls.setLength(0);
                cls.append("origin");
            }
            if (id.equals(selId)) {
                cls.setLength(0);
                cls.append("selected");
            }
            setNodeClass(id, cls.toString());
            boolean highlighted = cls.length() > 0 && !cls.toString().equals("dead");
            setNodeLabel(id, labelAll || highlighted ? IdText.brief(ks, id) : "");
        }

        // path edges that are not (or no longer) in anybody's table are drawn too; so are the
        // selected node's contacts when the edges are thinned
        for (String key : pathEdges) {
            ensureEdge(key, ids);
        }
        for (String key : contactEdges) {
            ensureEdge(key, ids);
        }
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
        int queriedCount = queried.size();
        status.setText(statusText(nodes.size(), all.size(), live, graph.getEdgeCount(), thinned,
                lookup == null ? -1 : queriedCount, failure != null));
        StringBuilder tip = new StringBuilder(status.getText());
        if (all.size() > nodes.size()) {
            tip.append("\nDrawn: the first ").append(String.format(Locale.ROOT, "%,d", maxNodes))
                    .append(" nodes, the selected node's contacts and the lookup's candidates.");
        }
        if (thinned) {
            tip.append("\nToo many routing-table edges to draw: each node is joined to its ").append(NEAREST_CONTACTS)
                    .append(" closest contacts by XOR distance; the selected node's contacts and the lookup's path are all drawn.");
        }
        statusTip.setText(tip.toString());
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
            sb.append(" (").append(NEAREST_CONTACTS).append(" nearest each)");
        }
        if (queried >= 0) {
            sb.append(String.format(Locale.ROOT, " \u00b7 lookup: %,d queried", queried));
        }
        if (failed) {
            sb.append(" \u00b7 graph view unavailable");
        }
        return sb.toString();
    }

    /**
     * Selects the node drawn nearest to (x, y) of the graph panel, if one is within
     * {@link #CLICK_RADIUS_PX} (GraphStream 2.0's own hit test misses nodes in the JavaFX view).
     */
    private void selectAt(double x, double y) {
        if (viewer == null) {
            return;
        }
        String best = null;
        double bestD = CLICK_RADIUS_PX * CLICK_RADIUS_PX;
        var camera = panel.getCamera();
        for (Node n : viewer.getGraphicGraph().nodes().toList()) {
            double[] xyz = org.graphstream.ui.graphicGraph.GraphPosLengthUtils.nodePosition(n);
            var px = camera.transformGuToPx(xyz[0], xyz[1], 0);
            double d = (px.x - x) * (px.x - x) + (px.y - y) * (px.y - y);
            if (d <= bestD) {
                bestD = d;
                best = n.getId();
            }
        }
        if (best != null) {
            try {
                vm.selection().select(vm.keySpace().parse(best));
            } catch (IllegalArgumentException ignored) {
                // not a node id of this network (a stale element after a reset): nothing to select
            }
        }
    }

    /**
     * The nodes to draw: all of them up to {@link #MAX_GRAPH_NODES}; beyond that the first
     * {@link #MAX_GRAPH_NODES} plus the selected node, its contacts, and the selected lookup's
     * origin and candidates, so the highlighted path is always complete. The extra nodes are
     * bounded by a routing table and a lookup's candidate list.
     */
    static List<NodeId> shownNodes(NetworkModel net, NodeId sel, NodeId origin, LookupSnapshot lookup) {
        return shownNodes(net, sel, origin, lookup, MAX_GRAPH_NODES);
    }

    /** As {@link #shownNodes(NetworkModel, NodeId, NodeId, LookupSnapshot)} with {@code cap} in place of {@link #MAX_GRAPH_NODES}. */
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

    private void rebuildEdges(NetworkModel sim, List<NodeId> nodes, Set<String> ids, Set<NodeId> drawn) {
        topologyDirty = false;
        edgeRebuilds++;
        KeySpace ks = sim.keySpace();
        Set<String> want = new HashSet<>();
        List<List<NodeId>> tables = new ArrayList<>(nodes.size());
        long entries = 0;
        for (NodeId n : nodes) {
            List<NodeId> t = sim.contactIds(n);
            tables.add(t);
            entries += t.size();
        }
        // every table entry gives at most one edge, and a pair that knows each other shares one
        thinned = entries > 2L * maxEdges;
        if (!thinned) {
            for (int i = 0; i < nodes.size(); i++) {
                GraphEdges.addKnows(ks.hex(nodes.get(i)), tables.get(i), ks::hex, want);
            }
            want.removeIf(k -> !bothIn(k, ids));
            if (want.size() > maxEdges) {
                thinned = true;
                want.clear();
            }
        }
        if (thinned) {
            for (int i = 0; i < nodes.size(); i++) {
                GraphEdges.addNearest(nodes.get(i), tables.get(i), NEAREST_CONTACTS, drawn::contains, ks::hex, want);
            }
        }
        knows.clear();
        knows.addAll(want);
        for (String key : want) {
            ensureEdge(key, ids);
        }
        // edges no one knows any more are removed by refresh() (unless on the lookup's path)
        for (Node n : graph.nodes().toList()) {
            if (!ids.contains(n.getId())) {
                n.edges().toList().forEach(e -> edgeClass.remove(e.getId()));
                graph.removeNode(n);
                nodeClass.remove(n.getId());
                nodeLabel.remove(n.getId());
            }
        }
    }

    private void ensureEdge(String key, Set<String> ids) {
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

    private static boolean bothIn(String key, Set<String> ids) {
        int dash = key.indexOf('-');
        return ids.contains(key.substring(0, dash)) && ids.contains(key.substring(dash + 1));
    }

    private static boolean touches(String key, String id) {
        return key.startsWith(id + "-") || key.endsWith("-" + id);
    }

    private void setNodeClass(String id, String cls) {
        if (!cls.equals(nodeClass.getOrDefault(id, ""))) {
            Node n = graph.getNode(id);
            if (cls.isEmpty()) {
                n.removeAttribute("ui.class");
            } else {
                n.setAttribute("ui.class", cls);
            }
            nodeClass.put(id, cls);
        }
    }

    private void setNodeLabel(String id, String label) {
        if (!label.equals(nodeLabel.getOrDefault(id, ""))) {
            Node n = graph.getNode(id);
            if (label.isEmpty()) {
                n.removeAttribute("ui.label");
            } else {
                n.setAttribute("ui.label", label);
            }
            nodeLabel.put(id, label);
        }
    }

    static boolean changesTopology(SimEvent e) {
        if (e instanceof SimEvent.BucketChanged b) {
            return switch (b.change()) {
                case ADDED, EVICTED, REPLACED, PROMOTED -> true;
                default -> false;
            };
        }
        return e instanceof SimEvent.NodeAdded;
    }

    private boolean isLight() {
        for (Parent p = getParent(); p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("theme-light")) {
                return true;
            }
        }
        return false;
    }

    private void applyStyle(boolean light) {
        if (lightStyle != null && lightStyle == light) {
            return;
        }
        lightStyle = light;
        String css = light
                ? String.format(Locale.ROOT, STYLE, "#f6f5f1", "#59636e", "#1d1f22", "#c3c7cc", "#c9ccd1")
                : String.format(Locale.ROOT, STYLE, "#1c1f24", "#c9d1da", "#e8e8e6", "#5b626b", "#3a4149");
        graph.setAttribute("ui.stylesheet", css);
        graph.setAttribute("ui.quality");
        graph.setAttribute("ui.antialias");
    }

    /** Where the node with this hex id is drawn, in screen coordinates, or null (for tests). */
    public javafx.geometry.Point2D screenPointOf(String id) {
        if (panel == null || viewer == null) {
            return null;
        }
        var element = viewer.getGraphicGraph().getNode(id);
        if (element == null) {
            return null;
        }
        double[] xyz = org.graphstream.ui.graphicGraph.GraphPosLengthUtils.nodePosition(element);
        var px = panel.getCamera().transformGuToPx(xyz[0], xyz[1], 0);
        return panel.localToScreen(px.x, px.y);
    }

    /** The GraphStream graph (for tests). */
    public Graph graph() {
        return graph;
    }

    /** Whether the GraphStream view could be created. */
    public boolean isGraphViewAvailable() {
        return panel != null;
    }

    /** Why the GraphStream view could not be created, or null. */
    public String failure() {
        return failure;
    }

    /** How often the edges were recomputed (for tests of the throttle). */
    public int edgeRebuilds() {
        return edgeRebuilds;
    }

    public int refreshes() {
        return refreshes;
    }

    /** Whether the "knows" edges are thinned to each node's nearest contacts (for tests). */
    public boolean edgesThinned() {
        return thinned;
    }

    /** The status line. */
    public Label status() {
        return status;
    }

    /** The check box that lets the layout run (unticked: nodes stay where they are). */
    public javafx.scene.control.CheckBox layoutToggle() {
        return layoutToggle;
    }

    /** Stops the layout thread and the viewer; the view stays as last drawn (idempotent). */
    public void close() {
        ticker.stop();
        setLayout(false);
        FxViewer v = viewer;
        viewer = null;
        if (v != null) {
            try {
                v.close();
            } catch (RuntimeException ex) {
                // GraphStream 2.0 sometimes throws a NullPointerException here (its renderer map is
                // already gone); the viewer is closed either way
            }
        }
    }
}
