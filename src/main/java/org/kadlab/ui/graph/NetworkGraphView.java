package org.kadlab.ui.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.graphstream.graph.Graph;
import org.graphstream.graph.Node;
import org.graphstream.graph.implementations.SingleGraph;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;
import org.kadlab.ui.model.EventInbox;
import org.kadlab.ui.model.IdText;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.LookupSnapshot;
import org.kadlab.ui.model.NetworkModel;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.RingGeometry;
import org.kadlab.ui.theme.ThemeTokens;
import org.kadlab.ui.widgets.FxmlView;
import org.kadlab.ui.widgets.OnScreen;

/**
 * Who knows whom: a GraphStream graph of the simulated nodes, embedded with an {@link FxViewer}
 * (never {@code graph.display()}), laid out automatically.
 *
 * <ol>
 *   <li>Nodes are the simulation's nodes; beyond {@link #MAX_GRAPH_NODES}, the first ones plus those
 *       the selection and the selected lookup need ({@link GraphNodeChoice#shownNodes}); crashed ones are grey.</li>
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

    private final NetworkViewModel vm;
    private final int maxNodes;
    private final int maxEdges;
    private final Graph graph = new SingleGraph("kad-network", false, true, MAX_GRAPH_NODES, 8 * MAX_GRAPH_NODES);
    @FXML
    private javafx.scene.control.Tooltip statusTip;
    @FXML
    private Label status;
    @FXML
    private javafx.scene.control.CheckBox layoutToggle;
    @FXML
    private HBox bar;
    private final GraphElements elements = new GraphElements(graph);
    private final ThemeTokens tokens = new ThemeTokens(GraphStyle.TOKENS);
    private final Set<String> knows = new HashSet<>();
    private final EventInbox.Reader feed;
    private final Timeline ticker;
    private final GraphViewer viewer;
    private boolean topologyDirty = true;
    private boolean dirty = true;
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
        FxmlView.load(this);
        layoutToggle.selectedProperty().addListener((o, a, on) -> setLayout(on && isOnScreen()));
        bar.getChildren().add(tokens); // resolves the theme's colours where the graph sits
        tokens.onChange(this::applyStyle);
        applyStyle();
        viewer = new GraphViewer(graph, this::select);
        if (viewer.panel() != null) {
            setCenter(viewer.panel());
        } else {
            Label l = new Label(viewer.failure());
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
        viewer.setLayout(on);
    }

    /** Brings the graph up to date with the simulation now (the ticker calls it when due). */
    public void refresh() {
        dirty = false;
        refreshes++;
        NetworkModel sim = vm.network();
        if (sim != shownSim) {
            elements.clear();
            applyStyle(); // clearing the graph drops its attributes, the stylesheet among them
            knows.clear();
            thinned = false;
            shownSim = sim;
            topologyDirty = true;
        }
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
        List<NodeId> nodes = GraphNodeChoice.shownNodes(sim, sel, lookup == null && session != null ? session.origin() : null, lookup, maxNodes);
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
            contactEdges.removeIf(k -> !GraphElements.bothIn(k, ids));
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
            elements.setNodeClass(id, cls.toString());
            boolean highlighted = cls.length() > 0 && !cls.toString().equals("dead");
            elements.setNodeLabel(id, labelAll || highlighted ? IdText.brief(ks, id) : "");
        }

        // path edges that are not (or no longer) in anybody's table are drawn too; so are the
        // selected node's contacts when the edges are thinned
        for (String key : pathEdges) {
            elements.ensureEdge(key, ids);
        }
        for (String key : contactEdges) {
            elements.ensureEdge(key, ids);
        }
        elements.styleEdges(pathEdges, contactEdges, knows, selId);
        int queriedCount = queried.size();
        status.setText(GraphNodeChoice.statusText(nodes.size(), all.size(), live, graph.getEdgeCount(), thinned,
                lookup == null ? -1 : queriedCount, viewer.failure() != null));
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

    /** Selects the node with this hex id, if it is one of this network's. */
    private void select(String hex) {
        try {
            vm.selection().select(vm.keySpace().parse(hex));
        } catch (IllegalArgumentException ignored) {
            // not a node id of this network (a stale element after a reset): nothing to select
        }
    }

    private void rebuildEdges(NetworkModel sim, List<NodeId> nodes, Set<String> ids, Set<NodeId> drawn) {
        topologyDirty = false;
        edgeRebuilds++;
        GraphKnows.Edges want = GraphKnows.of(sim, nodes, ids, drawn, maxEdges);
        thinned = want.thinned();
        knows.clear();
        knows.addAll(want.keys());
        for (String key : knows) {
            elements.ensureEdge(key, ids);
        }
        // edges no one knows any more are removed by refresh() (unless on the lookup's path)
        elements.removeNodesOtherThan(ids);
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

    /** Writes the graph's stylesheet from the theme's colour tokens (again when the theme changes). */
    private void applyStyle() {
        graph.setAttribute("ui.stylesheet", GraphStyle.stylesheet(tokens));
        graph.setAttribute("ui.quality");
        graph.setAttribute("ui.antialias");
    }

    /** Where the node with this hex id is drawn, in screen coordinates, or null (for tests). */
    public javafx.geometry.Point2D screenPointOf(String id) {
        return viewer.screenPointOf(id);
    }

    /** The GraphStream graph (for tests). */
    public Graph graph() {
        return graph;
    }

    /** Whether the GraphStream view could be created. */
    public boolean isGraphViewAvailable() {
        return viewer.panel() != null;
    }

    /** Why the GraphStream view could not be created, or null. */
    public String failure() {
        return viewer.failure();
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
        viewer.close();
    }
}
