package org.kadlab.ui.ring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.text.Text;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.NetworkModel;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.RingGeometry;
import org.kadlab.ui.widgets.NodeDot;
import org.kadlab.ui.widgets.NodePopOver;
import org.kadlab.ui.widgets.NodeTooltips;

/**
 * The ID ring: every node at angle 2 pi id / 2^bits (see {@link RingGeometry}), live and down nodes
 * styled apart, the selected node's routing-table contacts as chords, the inspected lookup's
 * candidates coloured by state (a late answer apart from one in time) with a {@code ↻n} mark beside
 * each peer it asked again, its target as a marker, and RPCs in flight as moving pulses.
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
    /** Hex digits of a node's ring label. */
    static final int LABEL_DIGITS = 4;
    /** The look of a true closest node an inexact lookup missed. */
    public static final String MISSED = CandidateRow.MISSED;
    /** Above this many nodes, RPCs of other operations are drawn as pulses without their dashed path. */
    static final int QUIET_PATHS_ABOVE = 300;

    private final NetworkViewModel vm;
    /** A node's details, opened by a right click on its dot. */
    private final NodePopOver details;
    private final Circle outline = new Circle();
    private final RingMarks marks = new RingMarks();
    private final RingLabelLayer labelLayer = new RingLabelLayer();
    private final RingPulses pulses = new RingPulses();
    private final RingDots dotLayers = new RingDots();
    private final RingTargets targets = new RingTargets();
    private final RingBadges badges = new RingBadges();
    private final RingBucketArc bucketArc = new RingBucketArc();
    private final Text title = new Text();
    private final Map<NodeId, NodeDot> dots = dotLayers.byId();
    private final RingSelection selected = new RingSelection();
    private long drawnMembership = -1;
    private Object labelSignature;
    /** The labels' font changed since they were placed. */
    private boolean labelsStale;
    private static final double BASE_LABEL_PX = 11;
    private NetworkModel shown;
    private List<NodeId> required = List.of();
    private Map<NodeId, Integer> resends = Map.of();
    private double cx;
    private double cy;
    private double radius;

    public RingView(NetworkViewModel vm) {
        this.vm = vm;
        this.details = new NodePopOver(vm);
        getStyleClass().add("ring-view");
        outline.getStyleClass().add("ring-outline");
        outline.setMouseTransparent(true);
        title.getStyleClass().add("view-title");
        vm.operations().targetTextProperty().addListener((o, a, b) -> drawNextTarget());
        getChildren().addAll(outline, bucketArc.group, marks.ticks, marks.chords, pulses.paths, targets.marker, targets.next, dotLayers.plain, dotLayers.hot,
                badges.group, labelLayer.leaders, labelLayer.labels, targets.label, pulses.pulses, title);
        for (Group still : List.of(marks.chords, dotLayers.plain, labelLayer.labels, labelLayer.leaders, marks.ticks)) {
            still.setCache(true); // repainted when they change, not whenever a pulse moves over them
        }
        labelLayer.fontProperty().addListener((o, was, now) -> {
            if (!java.util.Objects.equals(was, now)) {
                remeasureLabels(); // presentation mode; CSS passes that set an equal font change nothing
            }
        });
        title.setX(12);
        title.setY(22);
        setMinSize(300, 300);
        setPrefSize(700, 650);
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                pickTarget(e.getX(), e.getY());
            }
        });
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

    /** The pop-over with a node's details. */
    public NodePopOver details() {
        return details;
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
        return labelLayer.count();
    }

    /** The shown label of the node with this id, or null when it was skipped (for tests). */
    public Text label(NodeId id) {
        return labelLayer.label(id);
    }

    /** A node's ring label: the first {@link #LABEL_DIGITS} hex digits of its id. */
    static String shortLabel(String hex) {
        return hex.length() <= LABEL_DIGITS ? hex : hex.substring(0, LABEL_DIGITS);
    }

    /** The "asked again" mark beside {@code peer}'s dot ({@code ↻1}), or null when it has none (for tests). */
    public Text resendBadge(NodeId peer) {
        return badges.badge(peer);
    }

    /** Number of pulses drawn (for tests). */
    public int pulseCount() {
        return pulses.count();
    }

    /**
     * Brings the dots, chords and lookup state up to date with the view model, touching only what
     * changed since the last call (see the class comment): it runs on every frame that has events.
     */
    public void refresh() {
        NetworkModel sim = vm.network();
        if (sim != shown) {
            dotLayers.clear();
            labelLayer.clear();
            shown = sim;
            drawnMembership = -1;
            labelSignature = null;
            selected.forgetChords();
            if (radius > 0) {
                marks.drawTicks(shown, cx, cy, radius); // the quarter marks name ids of this network's width
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
            List<NodeId> ids = new ArrayList<>(added.size());
            for (NodeDot d : added) {
                ids.add(d.node());
            }
            labelLayer.measure(ids);
            place(added);
        }
        NodeId sel = vm.selection().selectedNode();
        LookupSession session = vm.selection().selectedLookup();
        selected.update(sim, sel, session, vm.tableVersion(), vm.membershipVersion());
        RingLookupMarks marked = selected.marks();
        resends = marked.resends();
        Map<NodeId, String> states = marked.states();
        List<NodeId> must = marked.required();
        int candidateHash = marked.candidateHash();
        required = must;
        dotLayers.restyle(shown, sel, session, states, selected.contacts(), vm.membershipVersion() != drawnMembership || !added.isEmpty());
        drawnMembership = vm.membershipVersion();
        String titleText = "ID ring \u00b7 " + bits + "-bit ids \u00b7 " + sim.nodeCount() + " nodes, "
                + sim.liveCount() + " live";
        if (!titleText.equals(title.getText())) {
            title.setText(titleText);
        }
        if (!added.isEmpty()) {
            requestLayout();
        }
        if (selected.chordsChanged()) {
            marks.drawChords(selected.table(), shown, dots);
        }
        drawTarget(session);
        drawBucket();
        badges.draw(resends, dots, cx, cy, radius);
        Object labelKey = java.util.Arrays.asList(sel, session == null ? null : session.target(), candidateHash,
                must.size(), dots.size(), radius, vm.bucketFocus().bucket());
        if (!labelKey.equals(labelSignature)) {
            labelSignature = labelKey;
            placeLabels(session);
        }
        animate();
    }

    private NodeDot addDot(NodeId n, NetworkModel sim, int bits) {
        NodeDot d = new NodeDot(n, "ring-node");
        d.setAngle(RingGeometry.angle(n, bits));
        d.setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return; // a right click opens the node's details
            }
            if (e.isShiftDown()) {
                vm.operations().targetTextProperty().set(vm.keySpace().hex(d.node()));
            } else {
                vm.selection().select(d.node());
            }
            e.consume();
        });
        NodeTooltips.attach(d, vm);
        details.attach(d);
        dotLayers.add(d);
        labelLayer.add(n, shortLabel(sim.keySpace().hex(n)));
        return d;
    }

    /**
     * Sets each dot's pseudo-classes and size. Only dots that carry some state now or carried one
     * last time are visited, unless {@code everyDot} (membership changed: someone died, revived or
     * joined, or the default dot size may have changed).
     */
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
            marks.drawChords(selected.table(), shown, dots);
            badges.draw(resends, dots, cx, cy, radius);
            drawNextTarget(); // the view moved or grew
            drawTarget(vm.selection().selectedLookup());
            drawBucket();
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
        marks.drawTicks(shown, cx, cy, radius);
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

    /** The texts of the quarter marks, from 0 clockwise (for tests). */
    public List<String> tickTexts() {
        return marks.tickTexts();
    }

    /** How many contact chords are drawn (for tests). */
    public int chordCount() {
        return marks.chordCount();
    }

    /** Shows the typed target on the ring (hollow) when it is an id of this network and no lookup to it is shown. */
    private void drawNextTarget() {
        targets.drawNext(vm.operations().targetTextProperty().get(), shown, vm.selection().selectedLookup(), cx, cy, radius);
    }

    /** Whether the typed target is marked on the ring (for tests). */
    public boolean showsNextTarget() {
        return targets.next.isVisible();
    }

    private void drawTarget(LookupSession session) {
        targets.draw(vm.operations().targetTextProperty().get(), shown, session, cx, cy, radius);
    }

    /**
     * Shows the node labels that fit without overlapping (see {@link RingLabelLayer}): the selected
     * node, the target and the lookup's candidates first, then the others greedily by angle.
     */
    private void placeLabels(LookupSession session) {
        if (radius <= 0 || shown == null) {
            return;
        }
        labelsStale = false;
        NodeId target = session == null ? null : session.target();
        double angle = target == null ? 0 : RingGeometry.angle(target, shown.keySpace().bits());
        labelLayer.place(required, target, angle, targets.label, dots,
                new RingLabelLayer.Frame(cx, cy, radius, getWidth(), getHeight(), titleBox()));
        clearTicks();
    }

    /** Hides a quarter mark's text where a node's or the target's label took its place (the labels matter more). */
    private void clearTicks() {
        List<javafx.geometry.Bounds> taken = new ArrayList<>();
        for (javafx.scene.Node n : labelLayer.labels.getChildren()) {
            if (n.isVisible()) {
                taken.add(n.getBoundsInParent());
            }
        }
        if (targets.label.isVisible()) {
            taken.add(targets.label.getBoundsInParent());
        }
        for (javafx.scene.Node n : marks.ticks.getChildren()) {
            if (n instanceof Text t) {
                var b = t.getBoundsInParent();
                t.setVisible(taken.stream().noneMatch(b::intersects));
            }
        }
    }

    /** Measures every label again (their font changed) and places them anew. */
    private void remeasureLabels() {
        labelLayer.remeasure();
        labelsStale = true;
        requestLayout(); // placed in the layout pass, when the title has its new font too
        dotLayers.rescale(Math.max(1, labelLayer.fontSize() / BASE_LABEL_PX)); // dots grow with the labels, for a projector
        pulses.rescale(dotLayers.scale());
    }

    /** The box of the view's title and the selected bucket's label below it, which no node label may cover. */
    private RingLabels.Placed titleBox() {
        var b = title.getLayoutBounds(); // a Text's bounds already include its x and y
        Text bucket = bucketArc.label(); // the selected bucket's label, just below the title
        double w = bucket == null ? b.getWidth() : Math.max(b.getMaxX(), bucket.getLayoutBounds().getMaxX()) - b.getMinX();
        double h = bucket == null ? b.getHeight() : bucket.getLayoutBounds().getMaxY() - b.getMinY();
        return new RingLabels.Placed(-1, b.getMinX(), b.getMinY(), w + 8, h + 4);
    }

    /** Shows the selected bucket's arc of the id space, if a bucket is selected (see {@link RingBucketArc}). */
    private void drawBucket() {
        if (shown != null) {
            bucketArc.draw(shown, vm.selection().selectedNode(), vm.bucketFocus().bucket(), selected.table(), cx, cy, radius, 12,
                    title.getLayoutBounds().getMaxY() + 20);
        }
    }

    /** The band of the selected bucket along the ring, or null when none is shown (for tests). */
    public javafx.scene.shape.Arc bucketBand() {
        return bucketArc.band();
    }

    /** The label of the selected bucket, or null when none is shown (for tests). */
    public Text bucketLabel() {
        return bucketArc.label();
    }

    /** Moves the RPC pulses to where the display clock says they are; called every frame. */
    public void animate() {
        pulses.draw(vm.rpcs(), vm.playback().clock(), dots);
    }
}
