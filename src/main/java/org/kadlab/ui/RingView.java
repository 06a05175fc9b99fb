package org.kadlab.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;
import org.kadlab.kad.KBucket;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimNode;
import org.kadlab.sim.Simulation;

/**
 * The ID ring: every node at angle 2 pi id / 2^bits (see {@link RingGeometry}), live and down nodes
 * styled apart, the selected node's routing-table contacts as chords, the inspected lookup's
 * candidates coloured by state, its target as a marker, and RPCs in flight as moving pulses.
 * Hovering a dot shows its id; clicking selects it; shift-clicking a dot, or clicking the ring
 * between dots, makes that id the lookup target.
 */
public final class RingView extends Region {
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final PseudoClass OUTBOUND = PseudoClass.getPseudoClass("outbound");
    private static final PseudoClass INBOUND = PseudoClass.getPseudoClass("inbound");
    private static final PseudoClass TIMED_OUT = PseudoClass.getPseudoClass("timed-out");
    private static final PseudoClass LOOKUP = PseudoClass.getPseudoClass("lookup");
    private static final PseudoClass PING = PseudoClass.getPseudoClass("ping");
    /** Hex digits of a node's ring label. */
    static final int LABEL_DIGITS = 4;
    /** How many label heights outward a required label (selected, target, candidates) may step to find room. */
    private static final int REQUIRED_LEVELS = 6;

    private final NetworkViewModel vm;
    private final Circle outline = new Circle();
    private final Group ticks = new Group();
    private final Group chords = new Group();
    private final Group paths = new Group();
    private final Group dotsLayer = new Group();
    private final Group labels = new Group();
    private final Group pulsesLayer = new Group();
    private final Polygon targetMarker = new Polygon(0, -9, 7, 0, 0, 9, -7, 0);
    private final Text targetLabel = new Text();
    private final Text title = new Text();
    private final Map<NodeId, NodeDot> dots = new HashMap<>();
    private final Map<NodeId, Text> idLabels = new HashMap<>();
    private Simulation shown;
    private List<NodeId> required = List.of();
    private int placedLabels;
    private double cx;
    private double cy;
    private double radius;

    public RingView(NetworkViewModel vm) {
        this.vm = vm;
        getStyleClass().add("ring-view");
        outline.getStyleClass().add("ring-outline");
        outline.setMouseTransparent(true);
        targetMarker.getStyleClass().add("target-marker");
        targetLabel.getStyleClass().add("target-label");
        title.getStyleClass().add("view-title");
        targetMarker.setVisible(false);
        targetLabel.setVisible(false);
        chords.setMouseTransparent(true);
        paths.setMouseTransparent(true);
        pulsesLayer.setMouseTransparent(true);
        labels.setMouseTransparent(true);
        getChildren().addAll(outline, ticks, chords, paths, targetMarker, dotsLayer, labels, targetLabel, pulsesLayer,
                title);
        setMinSize(300, 300);
        setPrefSize(700, 650);
        setOnMouseClicked(e -> pickTarget(e.getX(), e.getY()));
    }

    /** A click on the ring itself (not on a dot) makes the id at that angle the lookup target. */
    void pickTarget(double x, double y) {
        double distance = Math.hypot(x - cx, y - cy);
        if (radius <= 0 || Math.abs(distance - radius) > 24) {
            return;
        }
        int bits = vm.keySpace().bits();
        double angle = RingGeometry.angleAt(cx, cy, x, y);
        vm.targetTextProperty().set(vm.keySpace().hex(vm.keySpace().id(RingGeometry.idAt(angle, bits))));
    }

    /** The dot of the node with this id, or null (for tests). */
    public NodeDot dot(NodeId id) {
        return dots.get(id);
    }

    /** Every dot (for tests). */
    public List<NodeDot> dots() {
        return new ArrayList<>(dots.values());
    }

    /** How many node labels are shown (for tests). */
    public int labelCount() {
        return placedLabels;
    }

    /** The shown label of the node with this id, or null when it was skipped (for tests). */
    public Text label(NodeId id) {
        Text t = idLabels.get(id);
        return t != null && t.isVisible() ? t : null;
    }

    /** A node's ring label: the first {@link #LABEL_DIGITS} hex digits of its id. */
    static String shortLabel(String hex) {
        return hex.length() <= LABEL_DIGITS ? hex : hex.substring(0, LABEL_DIGITS);
    }

    /** Number of pulses drawn (for tests). */
    public int pulseCount() {
        int n = 0;
        for (var c : pulsesLayer.getChildren()) {
            if (c.isVisible()) {
                n++;
            }
        }
        return n;
    }

    /** Brings the dots, chords and lookup state up to date with the view model. */
    public void refresh() {
        Simulation sim = vm.simulation();
        if (sim != shown) {
            dots.clear();
            idLabels.clear();
            dotsLayer.getChildren().clear();
            labels.getChildren().clear();
            shown = sim;
        }
        boolean added = false;
        for (SimNode n : sim.nodes()) {
            if (!dots.containsKey(n.id())) {
                NodeDot d = new NodeDot(n, "ring-node");
                d.setOnMouseClicked(e -> {
                    if (e.isShiftDown()) {
                        vm.targetTextProperty().set(vm.keySpace().hex(d.node().id()));
                    } else {
                        vm.select(d.node());
                    }
                    e.consume();
                });
                NodeTooltips.attach(d, vm);
                dots.put(n.id(), d);
                dotsLayer.getChildren().add(d);
                Text t = new Text(shortLabel(sim.keySpace().hex(n.id())));
                t.getStyleClass().add("ring-label");
                t.setTextOrigin(javafx.geometry.VPos.TOP);
                idLabels.put(n.id(), t);
                labels.getChildren().add(t);
                added = true;
            }
        }
        if (added) {
            labels.applyCss(); // sizes of the new labels, for placing them
        }
        SimNode sel = vm.selectedNode();
        LookupSession session = vm.selectedLookup();
        Map<NodeId, String> states = new HashMap<>();
        List<NodeId> must = new ArrayList<>();
        if (sel != null) {
            must.add(sel.id());
        }
        if (session != null && session.lookup() != null) {
            for (Lookup.Candidate c : session.lookup().candidates()) {
                states.put(c.contact().id(), CandidateRow.pseudoClass(c.state()));
                must.add(c.contact().id());
            }
        }
        required = must;
        java.util.Set<NodeId> contacts = new java.util.HashSet<>();
        if (sel != null) {
            for (var c : sel.kad().routingTable().contacts()) {
                contacts.add(c.id());
            }
        }
        for (NodeDot d : dots.values()) {
            SimNode n = d.node();
            d.set(NodeDot.DEAD, !n.isAlive());
            d.set(NodeDot.SELECTED, n == sel);
            d.set(NodeDot.CONTACT, contacts.contains(n.id()));
            d.set(NodeDot.ORIGIN, session != null && n.id().equals(session.origin()));
            d.lookupState(states.get(n.id()));
            d.setRadius(n == sel ? 8 : (states.containsKey(n.id()) ? 6 : (dots.size() > 500 ? 2.5 : 5)));
        }
        KeySpace ks = sim.keySpace();
        title.setText("ID ring \u00b7 " + ks.bits() + "-bit ids \u00b7 " + sim.nodes().size() + " nodes, "
                + sim.liveCount() + " live");
        if (added) {
            requestLayout();
        }
        placeAll();
        drawChords(sel);
        drawTarget(session);
        placeLabels(session);
        animate();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double ncx = w / 2;
        double ncy = h / 2 + 10;
        double nr = Math.max(40, Math.min(w, h - 20) / 2 - 46);
        if (ncx != cx || ncy != cy || nr != radius) {
            cx = ncx;
            cy = ncy;
            radius = nr;
            placeAll();
            drawChords(vm.selectedNode());
            drawTarget(vm.selectedLookup());
            placeLabels(vm.selectedLookup());
            animate();
        }
        title.setX(12);
        title.setY(22);
    }

    private void placeAll() {
        if (radius <= 0 || shown == null) {
            return;
        }
        int bits = shown.keySpace().bits();
        outline.setCenterX(cx);
        outline.setCenterY(cy);
        outline.setRadius(radius);
        for (NodeDot d : dots.values()) {
            double a = RingGeometry.angle(d.node().id(), bits);
            d.setCenterX(RingGeometry.x(cx, radius, a));
            d.setCenterY(RingGeometry.y(cy, radius, a));
        }
        ticks.getChildren().clear();
        String[] quarter = {"0", "1/4", "1/2", "3/4"};
        for (int q = 0; q < 4; q++) {
            double a = q * Math.PI / 2;
            Line tick = new Line(RingGeometry.x(cx, radius - 6, a), RingGeometry.y(cy, radius - 6, a),
                    RingGeometry.x(cx, radius + 6, a), RingGeometry.y(cy, radius + 6, a));
            tick.getStyleClass().add("ring-tick");
            NodeId id = shown.keySpace().id(java.math.BigInteger.valueOf(q).shiftLeft(bits).shiftRight(2));
            String hex = shown.keySpace().hex(id);
            String shortHex = shortLabel(hex) + (hex.length() > LABEL_DIGITS ? "\u2026" : "");
            Text t = new Text(shortHex + (q == 0 ? "" : "  (" + quarter[q] + ")"));
            t.getStyleClass().add("ring-tick-label");
            double tw = t.getLayoutBounds().getWidth();
            t.setX(RingGeometry.x(cx, radius - 20 - tw / 2 * Math.abs(Math.sin(a)), a) - tw / 2);
            t.setY(RingGeometry.y(cy, radius - 20, a) + 4);
            ticks.getChildren().addAll(tick, t);
        }
        ticks.applyCss(); // built during layout, after this pulse's CSS pass
    }

    private void drawChords(SimNode sel) {
        chords.getChildren().clear();
        if (sel == null || shown == null) {
            return;
        }
        NodeDot from = dots.get(sel.id());
        if (from == null) {
            return;
        }
        for (KBucket b : sel.kad().routingTable().nonEmptyBuckets()) {
            for (int i = 0; i < b.size(); i++) {
                NodeDot to = dots.get(b.contact(i).id());
                if (to == null) {
                    continue;
                }
                Line l = new Line(from.getCenterX(), from.getCenterY(), to.getCenterX(), to.getCenterY());
                l.getStyleClass().add("contact-chord");
                l.pseudoClassStateChanged(STALE, b.failures(i) > 0 || !to.node().isAlive());
                chords.getChildren().add(l);
            }
        }
        chords.applyCss();
    }

    private void drawTarget(LookupSession session) {
        boolean show = session != null && shown != null;
        targetMarker.setVisible(show);
        targetLabel.setVisible(show);
        if (!show) {
            return;
        }
        double a = RingGeometry.angle(session.target(), shown.keySpace().bits());
        targetMarker.setLayoutX(RingGeometry.x(cx, radius, a));
        targetMarker.setLayoutY(RingGeometry.y(cy, radius, a));
        targetLabel.setText("target " + shortLabel(shown.keySpace().hex(session.target())));
    }

    /**
     * Shows the node labels that fit without overlapping (see {@link RingLabels}): the selected
     * node, the target and the lookup's candidates first, then the others greedily by angle.
     */
    private void placeLabels(LookupSession session) {
        if (radius <= 0 || shown == null) {
            return;
        }
        int bits = shown.keySpace().bits();
        List<RingLabels.Item> items = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        java.util.Set<NodeId> seen = new java.util.HashSet<>();
        boolean targetFirst = session != null;
        for (NodeId id : required) {
            if (texts.size() == 1 && targetFirst) {
                break; // the target goes right after the selected node
            }
            addItem(id, true, bits, items, texts, seen);
        }
        if (targetFirst) {
            targetLabel.setTextOrigin(javafx.geometry.VPos.TOP);
            targetLabel.applyCss();
            var b = targetLabel.getLayoutBounds();
            items.add(new RingLabels.Item(RingGeometry.angle(session.target(), bits), b.getWidth() + 4, b.getHeight(), true));
            texts.add(targetLabel);
        }
        for (NodeId id : required) {
            addItem(id, true, bits, items, texts, seen);
        }
        for (NodeDot d : dots.values()) {
            addItem(d.node().id(), false, bits, items, texts, seen);
        }
        for (Text t : idLabels.values()) {
            t.setVisible(false);
        }
        targetLabel.setVisible(false);
        int n = 0;
        for (RingLabels.Placed p : RingLabels.place(items, cx, cy, radius + 22, REQUIRED_LEVELS, 1)) {
            Text t = texts.get(p.index());
            t.setX(p.x() + (t == targetLabel ? 2 : 0));
            t.setY(p.y());
            t.setVisible(true);
            if (t != targetLabel) {
                n++;
            }
        }
        placedLabels = n;
    }

    private void addItem(NodeId id, boolean must, int bits, List<RingLabels.Item> items, List<Text> texts,
                         java.util.Set<NodeId> seen) {
        Text t = idLabels.get(id);
        if (t == null || !seen.add(id)) {
            return;
        }
        var b = t.getLayoutBounds();
        items.add(new RingLabels.Item(RingGeometry.angle(id, bits), b.getWidth() + 4, b.getHeight(), must));
        texts.add(t);
    }

    /** Moves the RPC pulses to where the display clock says they are; called every frame. */
    public void animate() {
        int i = 0;
        double clock = vm.clock();
        double leg = vm.legMs();
        var children = pulsesLayer.getChildren();
        var pathChildren = paths.getChildren();
        for (RpcPulse p : vm.pulses()) {
            NodeDot from = dots.get(p.from());
            NodeDot to = dots.get(p.to());
            if (from == null || to == null) {
                continue;
            }
            if (i == children.size()) {
                Circle c = new Circle(6);
                c.getStyleClass().add("rpc-pulse");
                children.add(c);
                Line l = new Line();
                l.getStyleClass().add("rpc-path");
                pathChildren.add(l);
            }
            Circle c = (Circle) children.get(i);
            Line l = (Line) pathChildren.get(i);
            double t = p.progress(clock, leg);
            double x0 = from.getCenterX();
            double y0 = from.getCenterY();
            double x1 = to.getCenterX();
            double y1 = to.getCenterY();
            double x;
            double y;
            if (p.phase() == RpcPulse.Phase.INBOUND) {
                x = x1 + (x0 - x1) * t;
                y = y1 + (y0 - y1) * t;
            } else {
                x = x0 + (x1 - x0) * t;
                y = y0 + (y1 - y0) * t;
            }
            c.setCenterX(x);
            c.setCenterY(y);
            l.setStartX(x0);
            l.setStartY(y0);
            l.setEndX(x1);
            l.setEndY(y1);
            double opacity = vm.opacityOf(p);
            for (var n : List.of(c, l)) {
                n.setVisible(true);
                n.setOpacity(opacity);
                n.pseudoClassStateChanged(OUTBOUND, p.phase() == RpcPulse.Phase.OUTBOUND);
                n.pseudoClassStateChanged(INBOUND, p.phase() == RpcPulse.Phase.INBOUND);
                n.pseudoClassStateChanged(TIMED_OUT, p.phase() == RpcPulse.Phase.TIMED_OUT);
                n.pseudoClassStateChanged(LOOKUP, p.ofSelectedLookup());
                n.pseudoClassStateChanged(PING, p.type() == org.kadlab.sim.SimEvent.RpcType.PING);
            }
            i++;
        }
        for (int j = i; j < children.size(); j++) {
            children.get(j).setVisible(false);
            pathChildren.get(j).setVisible(false);
        }
    }
}
