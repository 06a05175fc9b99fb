package org.kadlab.ui.ring;

import org.kadlab.ui.widgets.NodeTooltips;

import org.kadlab.ui.model.RingGeometry;

import org.kadlab.ui.widgets.NodeDot;

import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.RpcPulse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.LookupSnapshot;
import org.kadlab.ui.model.NetworkModel;
import org.kadlab.ui.model.TableSnapshot;

/**
 * The ID ring: every node at angle 2 pi id / 2^bits (see {@link RingGeometry}), live and down nodes
 * styled apart, the selected node's routing-table contacts as chords, the inspected lookup's
 * candidates coloured by state, its target as a marker, and RPCs in flight as moving pulses.
 * Hovering a dot shows its id; clicking selects it; shift-clicking a dot, or clicking the ring
 * between dots, makes that id the lookup target.
 *
 * <p>It is refreshed on every frame that has events, so it does only what changed: dots are
 * positioned when they appear or the view is resized; only dots whose state can have changed are
 * restyled (all of them only when a node joined, died or came back); chords are redrawn when the
 * selected node's table changes; labels are placed again when the set of required labels changes.
 * Dots with no state, the labels and the chords are cached as bitmaps, so moving pulses do not
 * repaint them; dots that show a state sit in a small layer of their own above them.
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
    /** Most leader lines drawn (one per label that stepped outward). */
    private static final int MAX_LEADERS = 200;
    /** The look of a true closest node an inexact lookup missed. */
    public static final String MISSED = CandidateRow.MISSED;
    /** Above this many nodes, RPCs of other operations are drawn as pulses without their dashed path. */
    static final int QUIET_PATHS_ABOVE = 300;

    private final NetworkViewModel vm;
    private final Circle outline = new Circle();
    private final Group ticks = new Group();
    private final Group chords = new Group();
    private final Group paths = new Group();
    /** Dots with no state to show: cached as one bitmap, repainted only when a node joins, dies or revives. */
    private final Group dotsLayer = new Group();
    /** Dots that show a state (selected, contact, origin, candidate): few, and changing while a lookup runs. */
    private final Group hotDots = new Group();
    private final Group labels = new Group();
    /** Thin lines from a dot to its label when the label had to step outward to find room. */
    private final Group leaders = new Group();
    private final Group pulsesLayer = new Group();
    private final Polygon targetMarker = new Polygon(0, -9, 7, 0, 0, 9, -7, 0);
    /** Where the id typed (or clicked) as the next target sits, before a lookup to it starts. */
    private final Polygon nextTarget = new Polygon(0, -9, 7, 0, 0, 9, -7, 0);
    private LookupSession nextTargetSession;
    private NetworkModel nextTargetSim;
    private final Text targetLabel = new Text();
    private final Text title = new Text();
    private final Map<NodeId, NodeDot> dots = new HashMap<>();
    /** Each node's label text (its first hex digits). */
    private final Map<NodeId, String> labelTexts = new HashMap<>();
    /** The node each shown label belongs to. Labels are a small pool of Text nodes, not one per node. */
    private final Map<NodeId, Text> shownById = new HashMap<>();
    /** Measures label sizes; styled like the labels, never shown. */
    private final Text measure = new Text();
    /** Width and height of each node's label box, measured once when the label is made. */
    private final Map<NodeId, double[]> labelBoxes = new HashMap<>();
    /** Dots that carry a state (selected, contact, origin, lookup candidate): the ones to revisit. */
    private final Set<NodeDot> marked = new HashSet<>();
    /** The selected node's contacts, recomputed when its table or the membership changes. */
    private final Set<NodeId> contacts = new HashSet<>();
    private final List<String> tickTexts = new ArrayList<>();
    private long drawnMembership = -1;
    private Object chordSignature;
    private Object labelSignature;
    /** The labels' font changed since they were placed. */
    private boolean labelsStale;
    /** How much larger than usual dots are drawn: the label font over its usual size (presentation mode). */
    private double dotScale = 1;
    private static final double BASE_LABEL_PX = 11;
    private NetworkModel shown;
    /** The selected node's table as last copied, and the table version it was copied at. */
    private TableSnapshot table;
    private Object tableKey;
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
        nextTarget.getStyleClass().addAll("target-marker", "next-target");
        nextTarget.setVisible(false);
        nextTarget.setMouseTransparent(true);
        vm.operations().targetTextProperty().addListener((o, a, b) -> drawNextTarget());
        targetLabel.setVisible(false);
        chords.setMouseTransparent(true);
        paths.setMouseTransparent(true);
        pulsesLayer.setMouseTransparent(true);
        labels.setMouseTransparent(true);
        getChildren().addAll(outline, ticks, chords, paths, targetMarker, nextTarget, dotsLayer, hotDots, leaders, labels, targetLabel, pulsesLayer,
                title);
        leaders.setMouseTransparent(true);
        for (Group still : List.of(chords, dotsLayer, labels, leaders, ticks)) {
            still.setCache(true); // repainted when they change, not whenever a pulse moves over them
        }
        measure.getStyleClass().add("ring-label");
        measure.setTextOrigin(javafx.geometry.VPos.TOP);
        measure.setVisible(false);
        labels.getChildren().add(measure);
        measure.fontProperty().addListener((o, was, now) -> {
            if (!java.util.Objects.equals(was, now)) {
                remeasureLabels(); // presentation mode; CSS passes that set an equal font change nothing
            }
        });
        title.setX(12);
        title.setY(22);
        setMinSize(300, 300);
        setPrefSize(700, 650);
        setOnMouseClicked(e -> pickTarget(e.getX(), e.getY()));
    }

    /** A click on the ring itself (not on a dot) makes the id at that angle the lookup target. */
    public void pickTarget(double x, double y) {
        double distance = Math.hypot(x - cx, y - cy);
        if (radius <= 0 || Math.abs(distance - radius) > 24) {
            return;
        }
        int bits = vm.keySpace().bits();
        double angle = RingGeometry.angleAt(cx, cy, x, y);
        vm.operations().targetTextProperty().set(vm.keySpace().hex(vm.keySpace().id(RingGeometry.idAt(angle, bits))));
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
        return shownById.get(id);
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

    /**
     * Brings the dots, chords and lookup state up to date with the view model, touching only what
     * changed since the last call (see the class comment): it runs on every frame that has events.
     */
    public void refresh() {
        NetworkModel sim = vm.network();
        if (sim != shown) {
            dots.clear();
            labelTexts.clear();
            shownById.clear();
            labelBoxes.clear();
            marked.clear();
            dotsLayer.getChildren().clear();
            hotDots.getChildren().clear();
            labels.getChildren().setAll(measure);
            shown = sim;
            drawnMembership = -1;
            labelSignature = null;
            chordSignature = null;
            if (radius > 0) {
                drawTicks(); // the quarter marks name ids of this network's width
            }
        }
        KeySpace ks = sim.keySpace();
        int bits = ks.bits();
        List<NodeDot> added = new ArrayList<>();
        if (dots.size() != sim.nodeCount()) {
            for (NodeId n : sim.nodeIds()) {
                if (!dots.containsKey(n)) {
                    added.add(addDot(n, sim, bits));
                }
            }
        }
        if (!added.isEmpty()) {
            measure.applyCss(); // the labels' font, for their sizes
            for (NodeDot d : added) {
                measure.setText(labelTexts.get(d.node()));
                var b = measure.getLayoutBounds();
                labelBoxes.put(d.node(), new double[] {b.getWidth() + 4, b.getHeight()});
            }
            place(added);
        }
        NodeId sel = vm.selection().selectedNode();
        LookupSession session = vm.selection().selectedLookup();
        Object nextTableKey = java.util.Arrays.asList(sim, sel, vm.tableVersion());
        if (!nextTableKey.equals(tableKey)) {
            tableKey = nextTableKey;
            table = sel == null ? null : sim.table(sel);
        }
        Map<NodeId, String> states = new HashMap<>();
        List<NodeId> must = new ArrayList<>();
        if (sel != null) {
            must.add(sel);
        }
        int candidateHash = 1;
        LookupSnapshot lookup = session == null ? null : session.lookup();
        if (lookup != null) {
            for (LookupSnapshot.Candidate c : lookup.candidates()) {
                states.put(c.id(), CandidateRow.shownState(c.state(), session.isOver()));
                must.add(c.id());
                candidateHash = 31 * candidateHash + c.id().hashCode();
            }
            if (session.finished() != null && session.finished().missed() != null) {
                for (NodeId id : session.finished().missed()) {
                    states.put(id, MISSED); // a true closest node the lookup never found
                    must.add(id);
                }
            }
        }
        required = must;
        Object chordKey = java.util.Arrays.asList(sel, vm.membershipVersion(), tableShape(table));
        if (!chordKey.equals(chordSignature)) {
            contacts.clear();
            if (table != null) {
                contacts.addAll(table.contactIds());
            }
        }
        restyle(sel, session, states, vm.membershipVersion() != drawnMembership || !added.isEmpty());
        drawnMembership = vm.membershipVersion();
        String titleText = "ID ring \u00b7 " + bits + "-bit ids \u00b7 " + sim.nodeCount() + " nodes, "
                + sim.liveCount() + " live";
        if (!titleText.equals(title.getText())) {
            title.setText(titleText);
        }
        if (!added.isEmpty()) {
            requestLayout();
        }
        if (!chordKey.equals(chordSignature)) {
            chordSignature = chordKey;
            drawChords();
        }
        drawTarget(session);
        Object labelKey = java.util.Arrays.asList(sel, session == null ? null : session.target(), candidateHash,
                must.size(), dots.size(), radius);
        if (!labelKey.equals(labelSignature)) {
            labelSignature = labelKey;
            placeLabels(session);
        }
        animate();
    }

    /**
     * A hash of what the chords show: the selected node's contacts and which of them are stale. Most
     * table changes during a lookup only reorder a bucket, which the chords do not show.
     */
    private static int tableShape(TableSnapshot table) {
        if (table == null) {
            return 0;
        }
        int h = 1;
        for (TableSnapshot.BucketSnapshot b : table.nonEmptyBuckets()) {
            int bucket = 0;
            for (TableSnapshot.ContactSnapshot c : b.contacts()) {
                bucket += c.id().hashCode() * (c.stale() ? 3 : 1); // order within a bucket does not matter
            }
            h = 31 * h + bucket;
        }
        return h;
    }

    private NodeDot addDot(NodeId n, NetworkModel sim, int bits) {
        NodeDot d = new NodeDot(n, "ring-node");
        d.setAngle(RingGeometry.angle(n, bits));
        d.setOnMouseClicked(e -> {
            if (e.isShiftDown()) {
                vm.operations().targetTextProperty().set(vm.keySpace().hex(d.node()));
            } else {
                vm.selection().select(d.node());
            }
            e.consume();
        });
        NodeTooltips.attach(d, vm);
        dots.put(n, d);
        dotsLayer.getChildren().add(d);
        labelTexts.put(n, shortLabel(sim.keySpace().hex(n)));
        return d;
    }

    /**
     * Sets each dot's pseudo-classes and size. Only dots that carry some state now or carried one
     * last time are visited, unless {@code everyDot} (membership changed: someone died, revived or
     * joined, or the default dot size may have changed).
     */
    private void restyle(NodeId sel, LookupSession session, Map<NodeId, String> states, boolean everyDot) {
        Collection<NodeDot> visit;
        if (everyDot) {
            visit = dots.values();
        } else {
            Set<NodeDot> some = new HashSet<>(marked);
            for (NodeId id : states.keySet()) {
                addIfDrawn(some, id);
            }
            for (NodeId id : contacts) {
                addIfDrawn(some, id);
            }
            if (sel != null) {
                addIfDrawn(some, sel);
            }
            if (session != null) {
                addIfDrawn(some, session.origin());
            }
            visit = some;
        }
        double plain = (dots.size() > 500 ? 2.5 : 5) * dotScale;
        List<NodeDot> nowMarked = new ArrayList<>();
        for (NodeDot d : visit) {
            NodeId n = d.node();
            boolean selected = n.equals(sel);
            boolean contact = contacts.contains(n);
            boolean origin = session != null && n.equals(session.origin());
            String state = states.get(n);
            d.set(NodeDot.DEAD, !shown.isAlive(n));
            d.set(NodeDot.SELECTED, selected);
            d.set(NodeDot.CONTACT, contact);
            d.set(NodeDot.ORIGIN, origin);
            d.lookupState(state);
            d.setRadius(selected ? 8 * dotScale : (state != null ? 6 * dotScale : plain));
            boolean hot = selected || contact || origin || state != null;
            if (hot) {
                nowMarked.add(d);
            }
            Group layer = hot ? hotDots : dotsLayer;
            if (d.getParent() != layer) {
                ((Group) d.getParent()).getChildren().remove(d);
                layer.getChildren().add(d);
            }
        }
        if (everyDot) {
            marked.clear();
        } else {
            marked.removeAll(visit);
        }
        marked.addAll(nowMarked);
    }

    private void addIfDrawn(Set<NodeDot> into, NodeId id) {
        NodeDot d = dots.get(id);
        if (d != null) {
            into.add(d);
        }
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
            drawChords();
            drawNextTarget(); // the view moved or grew
            drawTarget(vm.selection().selectedLookup());
            placeLabels(vm.selection().selectedLookup());
            animate();
        } else if (labelsStale) {
            placeLabels(vm.selection().selectedLookup());
        }
    }

    /** Puts every dot and the quarter ticks where the current size says (after a resize). */
    private void placeAll() {
        if (radius <= 0 || shown == null) {
            return;
        }
        outline.setCenterX(cx);
        outline.setCenterY(cy);
        outline.setRadius(radius);
        place(dots.values());
        drawTicks();
    }

    private void place(Collection<NodeDot> which) {
        if (radius <= 0) {
            return;
        }
        for (NodeDot d : which) {
            d.setCenterX(RingGeometry.x(cx, radius, d.angle()));
            d.setCenterY(RingGeometry.y(cy, radius, d.angle()));
        }
    }

    private void drawTicks() {
        tickTexts.clear();
        int bits = shown.keySpace().bits();
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
            tickTexts.add(t.getText());
        }
        ticks.applyCss(); // built during layout, after this pulse's CSS pass
    }

    /** Draws the selected node's contacts as chords, reusing the lines drawn last time. */
    private void drawChords() {
        var lines = chords.getChildren();
        int used = 0;
        NodeDot from = table == null || shown == null ? null : dots.get(table.owner());
        if (from != null) {
            for (TableSnapshot.BucketSnapshot b : table.nonEmptyBuckets()) {
                for (TableSnapshot.ContactSnapshot c : b.contacts()) {
                    NodeDot to = dots.get(c.id());
                    if (to == null) {
                        continue;
                    }
                    Line l;
                    if (used < lines.size()) {
                        l = (Line) lines.get(used);
                    } else {
                        l = new Line();
                        l.getStyleClass().add("contact-chord");
                        lines.add(l);
                    }
                    l.setStartX(from.getCenterX());
                    l.setStartY(from.getCenterY());
                    l.setEndX(to.getCenterX());
                    l.setEndY(to.getCenterY());
                    l.pseudoClassStateChanged(STALE, c.stale() || !shown.isAlive(to.node()));
                    l.setVisible(true);
                    used++;
                }
            }
        }
        if (lines.size() > used + 64) {
            lines.remove(used + 64, lines.size()); // keep a few spare lines, not a whole old table's worth
        }
        for (int j = used; j < lines.size(); j++) {
            lines.get(j).setVisible(false);
        }
    }

    /** The texts of the quarter marks, from 0 clockwise (for tests). */
    public List<String> tickTexts() {
        return List.copyOf(tickTexts);
    }

    /** How many contact chords are drawn (for tests). */
    public int chordCount() {
        int n = 0;
        for (var c : chords.getChildren()) {
            if (c.isVisible()) {
                n++;
            }
        }
        return n;
    }

    /** Shows the typed target on the ring (hollow) when it is an id of this network and no lookup to it is shown. */
    private void drawNextTarget() {
        NodeId id = null;
        if (shown != null) {
            try {
                String text = vm.operations().targetTextProperty().get();
                id = text == null || text.isBlank() ? null : shown.keySpace().parse(text);
            } catch (IllegalArgumentException e) {
                id = null; // not an id (yet): the field says why when Find node is pressed
            }
        }
        LookupSession session = vm.selection().selectedLookup();
        boolean show = id != null && radius > 0 && (session == null || !id.equals(session.target()));
        nextTarget.setVisible(show);
        if (show) {
            double a = RingGeometry.angle(id, shown.keySpace().bits());
            nextTarget.setLayoutX(RingGeometry.x(cx, radius, a));
            nextTarget.setLayoutY(RingGeometry.y(cy, radius, a));
        }
    }

    /** Whether the typed target is marked on the ring (for tests). */
    public boolean showsNextTarget() {
        return nextTarget.isVisible();
    }

    private void drawTarget(LookupSession session) {
        if (session != nextTargetSession || shown != nextTargetSim) {
            nextTargetSession = session; // the typed target is parsed again only when what it is compared with changes
            nextTargetSim = shown;
            drawNextTarget();
        }
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
        labelsStale = false;
        int bits = shown.keySpace().bits();
        List<RingLabels.Item> items = new ArrayList<>();
        List<NodeId> owners = new ArrayList<>(); // the node of each item; null for the target's label
        Set<NodeId> seen = new HashSet<>();
        boolean targetFirst = session != null;
        for (NodeId id : required) {
            if (owners.size() == 1 && targetFirst) {
                break; // the target goes right after the selected node
            }
            addItem(id, true, items, owners, seen);
        }
        if (targetFirst) {
            targetLabel.setTextOrigin(javafx.geometry.VPos.TOP);
            targetLabel.applyCss();
            var b = targetLabel.getLayoutBounds();
            items.add(new RingLabels.Item(RingGeometry.angle(session.target(), bits), b.getWidth() + 4, b.getHeight(), true));
            owners.add(null);
        }
        for (NodeId id : required) {
            addItem(id, true, items, owners, seen);
        }
        for (NodeDot d : dots.values()) {
            addItem(d.node(), false, items, owners, seen);
        }
        List<RingLabels.Placed> placed = RingLabels.place(items, cx, cy, radius + 22, REQUIRED_LEVELS, 1, titleBox(),
                new RingLabels.Placed(-1, 0, 0, getWidth(), getHeight()), radius - 22);
        shownById.clear();
        targetLabel.setVisible(false);
        var pool = labels.getChildren(); // pool.get(0) is the measuring text
        int n = 0;
        int leader = 0;
        for (RingLabels.Placed p : placed) {
            NodeId owner = owners.get(p.index());
            if (owner == null) {
                targetLabel.setX(p.x() + 2);
                targetLabel.setY(p.y());
                targetLabel.setVisible(true);
                continue;
            }
            n++;
            if (n == pool.size()) {
                Text t = new Text();
                t.getStyleClass().add("ring-label");
                t.setTextOrigin(javafx.geometry.VPos.TOP);
                pool.add(t);
            }
            Text t = (Text) pool.get(n);
            t.setText(labelTexts.get(owner));
            t.setX(p.x());
            t.setY(p.y());
            t.setVisible(true);
            shownById.put(owner, t);
            NodeDot d = dots.get(owner);
            double lx = p.x() + p.width() / 2;
            double ly = p.y() + p.height() / 2;
            double away = Math.hypot(lx - cx, ly - cy);
            boolean stepped = away > radius + 22 + 4 || away < radius - 22 - 4; // outward, or deeper inside
            if (stepped && leader < MAX_LEADERS) {
                drawLeader(leader++, d.getCenterX(), d.getCenterY(), p);
            }
        }
        var lines = leaders.getChildren();
        for (int j = leader; j < lines.size(); j++) {
            lines.get(j).setVisible(false);
        }
        for (int j = n + 1; j < pool.size(); j++) {
            pool.get(j).setVisible(false);
        }
        if (pool.size() > n + 1 + 64) {
            pool.remove(n + 1 + 64, pool.size()); // keep some spare labels, not the most ever shown
        }
        placedLabels = n;
    }

    /** Measures every label again (their font changed) and places them anew. */
    private void remeasureLabels() {
        for (Map.Entry<NodeId, String> e : labelTexts.entrySet()) {
            measure.setText(e.getValue());
            var b = measure.getLayoutBounds();
            labelBoxes.put(e.getKey(), new double[] {b.getWidth() + 4, b.getHeight()});
        }
        labelsStale = true;
        requestLayout(); // placed in the layout pass, when the title has its new font too
        double scale = Math.max(1, measure.getFont().getSize() / BASE_LABEL_PX);
        if (scale != dotScale) {
            double factor = scale / dotScale; // dots grow with the labels, for a projector
            dotScale = scale;
            for (NodeDot d : dots.values()) {
                d.setRadius(d.getRadius() * factor);
            }
        }
    }

    /** Draws leader line {@code i} from a dot at (x, y) to the nearest point of its label's box. */
    private void drawLeader(int i, double x, double y, RingLabels.Placed box) {
        var lines = leaders.getChildren();
        if (i == lines.size()) {
            Line l = new Line();
            l.getStyleClass().add("label-leader");
            lines.add(l);
        }
        Line l = (Line) lines.get(i);
        l.setStartX(x);
        l.setStartY(y);
        l.setEndX(Math.max(box.x(), Math.min(x, box.x() + box.width())));
        l.setEndY(Math.max(box.y(), Math.min(y, box.y() + box.height())));
        l.setVisible(true);
    }

    /** The box of the view's title, which no label may cover. */
    private RingLabels.Placed titleBox() {
        var b = title.getLayoutBounds(); // a Text's bounds already include its x and y
        return new RingLabels.Placed(-1, b.getMinX(), b.getMinY(), b.getWidth() + 8, b.getHeight() + 4);
    }

    private void addItem(NodeId id, boolean must, List<RingLabels.Item> items, List<NodeId> owners, Set<NodeId> seen) {
        double[] size = labelBoxes.get(id);
        NodeDot d = dots.get(id);
        if (size == null || d == null || !seen.add(id)) {
            return;
        }
        items.add(new RingLabels.Item(d.angle(), size[0], size[1], must));
        owners.add(id);
    }

    /** Moves the RPC pulses to where the display clock says they are; called every frame. */
    public void animate() {
        int i = 0;
        double clock = vm.playback().clock();
        double leg = vm.rpcs().legMs();
        var children = pulsesLayer.getChildren();
        var pathChildren = paths.getChildren();
        for (RpcPulse p : vm.rpcs().pulses()) {
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
            double opacity = vm.rpcs().opacityOf(p);
            l.setVisible(p.ofSelectedLookup() || dots.size() <= QUIET_PATHS_ABOVE); // on a crowded ring, only the lookup's paths
            c.setVisible(true);
            for (var n : List.of(c, l)) {
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
