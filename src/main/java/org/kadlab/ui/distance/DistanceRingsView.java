package org.kadlab.ui.distance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.text.Text;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.NetworkModel;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.RingGeometry;
import org.kadlab.ui.model.RingScale;
import org.kadlab.ui.model.TableSnapshot;
import org.kadlab.ui.theme.StructureStyles;
import org.kadlab.ui.widgets.NodeDot;
import org.kadlab.ui.widgets.NodePopOver;
import org.kadlab.ui.widgets.NodeTooltips;

/**
 * The XOR-distance view around the selected node: one concentric ring per bucket index, the
 * closest bucket innermost; every other node sits on the ring of the bucket it falls in, at the
 * same angle as on the ID ring. Contacts the bucket actually holds stand out from nodes that are
 * merely in its range. Each ring is labelled with its index, its distance range ("2^15..2^16") and
 * its share of the id space; a key lists each ring's range, share, and how many it holds of how many
 * exist. The rings are evenly spaced, or at "true scale" (see {@link RingScale}): each ring's width
 * proportional to its share, with a minimum width. The selected bucket's ring is highlighted;
 * clicking a ring selects its bucket.
 */
public final class DistanceRingsView extends Region {
    private static final PseudoClass OCCUPIED = PseudoClass.getPseudoClass("occupied");
    private static final PseudoClass IN_RANGE = PseudoClass.getPseudoClass("in-range");
    private static final int MAX_RINGS = 24;
    /** The narrowest ring at true scale, in pixels, so that the closest buckets stay visible and clickable. */
    public static final double MIN_RING_WIDTH = 14;
    /** The usual font size of the view's text, in px: dots are drawn at their usual size with it. */
    private static final double BASE_FONT_PX = 13;

    private final NetworkViewModel vm;
    /** A node's details, opened by a right click on its dot. */
    private final NodePopOver details;
    private final BucketRings rings = new BucketRings();
    private final Group dotsLayer = new Group();
    private final Circle centre = new Circle(9);
    private final Text centreLabel = new Text();
    private final Text title = new Text();
    private String titleFull = "";
    private String titleShort = "";
    private final VBox key = new VBox(1);
    /** Shows or hides the key; hidden, the rings take the whole view (wide ids make for a long key). */
    private final javafx.scene.control.ToggleButton keyToggle = new javafx.scene.control.ToggleButton("Key");
    /** Switches between evenly spaced rings and rings as wide as their share of the id space. */
    private final javafx.scene.control.ToggleButton scaleToggle = new javafx.scene.control.ToggleButton("True scale");
    private RingScale scale;
    private double ringCx;
    private double ringCy;
    private final Map<NodeId, NodeDot> dots = new HashMap<>();
    private final List<RingInfo> ringInfo = new ArrayList<>();
    private NetworkModel shown;
    private int lowest;
    private int highest;
    private double outerRadius;

    /** What one ring shows: its bucket index, how many nodes lie in its range, how many it holds. */
    public record RingInfo(int index, int inRange, int held, double share) {
    }

    public DistanceRingsView(NetworkViewModel vm) {
        this.vm = vm;
        this.details = new NodePopOver(vm);
        getStyleClass().add("distance-view");
        centre.getStyleClass().addAll("node-dot", "xor-centre");
        centreLabel.getStyleClass().add("xor-centre-label");
        title.getStyleClass().add("view-title");
        key.getStyleClass().add("ring-key");
        keyToggle.setId("xor-key-toggle");
        keyToggle.setSelected(true);
        keyToggle.setFocusTraversable(false);
        keyToggle.setTooltip(new javafx.scene.control.Tooltip("Show or hide the table of rings: range, share of the id space, "
                + "contacts held and nodes in range"));
        key.visibleProperty().bind(keyToggle.selectedProperty());
        key.managedProperty().bind(keyToggle.selectedProperty());
        keyToggle.selectedProperty().addListener((o, a, b) -> requestLayout());
        scaleToggle.setId("xor-scale-toggle");
        scaleToggle.setFocusTraversable(false);
        scaleToggle.setTooltip(new javafx.scene.control.Tooltip("Off: evenly spaced rings, one per bucket.\nOn: true "
                + "scale: each ring's width is proportional to its bucket's share of the id space, so the farthest "
                + "bucket (half of all ids) takes about half the radius and each closer one half the width of the "
                + "next; rings narrower than " + (int) MIN_RING_WIDTH + " px are widened to " + (int) MIN_RING_WIDTH
                + " px so they stay visible and clickable."));
        scaleToggle.selectedProperty().addListener((o, a, b) -> requestLayout());
        getStylesheets().add(StructureStyles.stylesheet());
        vm.bucketFocus().bucketProperty().addListener((o, a, b) -> requestLayout());
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && !(e.getTarget() instanceof NodeDot)) {
                pickRing(e.getX(), e.getY());
            }
        });
        getChildren().addAll(rings.group, dotsLayer, centre, centreLabel, title, key, keyToggle, scaleToggle);
        setMinSize(300, 300);
        setPrefSize(700, 650);
        centreLabel.fontProperty().addListener((o, was, now) -> {
            if (!java.util.Objects.equals(was, now) && shown != null) {
                refresh(); // presentation mode: the dots grow with the text
            }
        });
    }

    /** How much larger than usual the dots are drawn: as much as the text grew (presentation mode). */
    public double dotScale() {
        return Math.max(1, centreLabel.getFont().getSize() / BASE_FONT_PX);
    }

    /** The rings shown, farthest bucket first (for tests). */
    public List<RingInfo> rings() {
        return List.copyOf(ringInfo);
    }

    /** The radius of the outermost ring as last laid out (for tests). */
    public double outerRadius() {
        return outerRadius;
    }

    /** The button that shows or hides the key. */
    public javafx.scene.control.ToggleButton keyToggle() {
        return keyToggle;
    }

    /** The button that switches between even and true-scale rings. */
    public javafx.scene.control.ToggleButton scaleToggle() {
        return scaleToggle;
    }

    /** The label of bucket {@code index}'s ring ("b15 · 2^15..2^16 · 1/2"), or null when it has no ring (for tests). */
    public String ringLabel(int index) {
        return rings.labelText(index);
    }

    /** The centre of the rings as last laid out (for tests). */
    public javafx.geometry.Point2D ringCentre() {
        return new javafx.geometry.Point2D(ringCx, ringCy);
    }

    /** The bucket whose ring is drawn as the selected one, or -1 (for tests). */
    public int chosenRing() {
        return rings.chosenRing();
    }

    /** The bands of the rings as last laid out (for tests), or null before the first layout. */
    public RingScale scale() {
        return scale;
    }

    /** Selects the bucket of the ring at (x, y), or clears the selected bucket when that is its ring. */
    public void pickRing(double x, double y) {
        if (scale == null || vm.selection().selectedNode() == null) {
            return;
        }
        int b = scale.bucketAt(Math.hypot(x - ringCx, y - ringCy));
        if (b >= 0) {
            vm.bucketFocus().toggle(b);
        }
    }

    /** Every dot (for tests). */
    public List<NodeDot> dots() {
        return new ArrayList<>(dots.values());
    }

    /** Brings rings and dots up to date with the selected node. */
    public void refresh() {
        NetworkModel sim = vm.network();
        if (sim != shown) {
            dots.clear();
            dotsLayer.getChildren().clear();
            shown = sim;
        }
        for (NodeId n : sim.nodeIds()) {
            if (!dots.containsKey(n)) {
                NodeDot d = new NodeDot(n, "xor-node");
                d.setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY) {
                        vm.selection().select(d.node()); // a right click opens the node's details
                    }
                });
                NodeTooltips.attach(d, vm);
                details.attach(d);
                dots.put(n, d);
                dotsLayer.getChildren().add(d);
            }
        }
        NodeId sel = vm.selection().selectedNode();
        KeySpace ks = sim.keySpace();
        int bits = ks.bits();
        ringInfo.clear();
        TableSnapshot table = sel == null ? null : sim.table(sel);
        if (table == null) {
            titleFull = "XOR distance: select a node";
            titleShort = titleFull;
            title.setText(titleFull);
            requestLayout();
            return;
        }
        int[] inRange = new int[bits];
        int[] held = new int[bits];
        Set<NodeId> contacts = new HashSet<>();
        Set<NodeId> cached = new HashSet<>();
        for (TableSnapshot.BucketSnapshot b : table.buckets()) {
            for (TableSnapshot.ContactSnapshot c : b.contacts()) {
                contacts.add(c.id());
            }
            cached.addAll(b.replacements());
        }
        int minIndex = bits - 1;
        for (NodeDot d : dots.values()) {
            NodeId n = d.node();
            if (n.equals(sel)) {
                d.setVisible(false);
                continue;
            }
            d.setVisible(true);
            int b = sel.bucketIndex(n);
            inRange[b]++; // down nodes too: a table can still hold them (its owner does not know yet)
            boolean isContact = contacts.contains(n);
            if (isContact) {
                held[b]++;
            }
            minIndex = Math.min(minIndex, b);
            d.set(NodeDot.CONTACT, isContact);
            d.set(NodeDot.CACHED, cached.contains(n));
            d.set(NodeDot.DEAD, !sim.isAlive(n));
            d.pseudoClassStateChanged(IN_RANGE, !isContact);
            d.setRadius((isContact ? 6.5 : (dots.size() > 500 ? 2.5 : 4)) * dotScale());
        }
        highest = bits - 1;
        lowest = Math.max(Math.max(0, minIndex - 1), highest - (MAX_RINGS - 1));
        for (int i = highest; i >= lowest; i--) {
            ringInfo.add(new RingInfo(i, inRange[i], held[i], RingGeometry.bucketShare(i, bits)));
        }
        centreLabel.setText(brief(ks.hex(sel)));
        centre.setRadius(9 * dotScale());
        centre.pseudoClassStateChanged(NodeDot.DEAD, !sim.isAlive(sel));
        titleShort = "XOR distance from " + brief(ks.hex(sel));
        titleFull = titleShort + " \u00b7 ring i = bucket i, distance [2^i, 2^(i+1))";
        title.setText(titleFull);
        key.getChildren().clear();
        Label head = new Label("ring  range          share   held / in range");
        head.getStyleClass().add("ring-key-head");
        key.getChildren().add(head);
        for (RingInfo r : ringInfo) {
            if (r.inRange() == 0 && r.held() == 0) {
                continue;
            }
            Label l = new Label(String.format(Locale.ROOT, "b%-3d [2^%d, 2^%d)%s %7s   %d / %d", r.index(), r.index(),
                    r.index() + 1, r.index() < 9 ? "  " : (r.index() < 99 ? " " : ""), RingGeometry.share(r.share()), r.held(),
                    r.inRange()));
            l.getStyleClass().add("ring-key-row");
            l.pseudoClassStateChanged(OCCUPIED, r.held() > 0);
            key.getChildren().add(l);
        }
        requestLayout();
        layoutRings();
    }

    /** An id short enough for a label: up to 8 hex digits, longer ones cut with an ellipsis. */
    static String brief(String hex) {
        return hex.length() <= 8 ? hex : hex.substring(0, 8) + "\u2026";
    }


    @Override
    protected void layoutChildren() {
        title.setX(12);
        title.setY(22);
        key.autosize();
        key.relocate(10, 34);
        keyToggle.autosize();
        keyToggle.relocate(getWidth() - keyToggle.getWidth() - 10, 8);
        scaleToggle.autosize();
        scaleToggle.relocate(getWidth() - keyToggle.getWidth() - scaleToggle.getWidth() - 16, 8);
        // the title gives way to the toggles: its short form when the whole does not fit beside them
        title.setText(titleFull);
        if (12 + title.getLayoutBounds().getWidth() > scaleToggle.getLayoutX() - 8) {
            title.setText(titleShort);
        }
        layoutRings();
    }

    private void layoutRings() {
        NodeId sel = vm.selection().selectedNode();
        if (shown == null || sel == null) {
            return;
        }
        double w = getWidth();
        double h = getHeight();
        boolean withKey = keyToggle.isSelected();
        double keyWidth = withKey ? key.prefWidth(-1) : 0;
        double keyBottom = withKey ? 34 + key.prefHeight(keyWidth) : 34;
        double cx;
        double cy;
        double outer;
        double left = keyWidth + 10;
        double beside = Math.min(w - left, h - 30) / 2 - 14;
        double below = Math.min(w, h - keyBottom) / 2 - 14;
        if (beside >= below) {
            // the rings take the space to the right of the key (all of the view when the key is folded away),
            // down to just above the bottom edge
            cx = left + (w - left) / 2;
            cy = h / 2 + 16;
            outer = Math.max(40, beside + 3);
        } else {
            // the key on top, the rings below it
            cx = w / 2;
            cy = keyBottom + (h - keyBottom) / 2;
            outer = Math.max(40, below);
        }
        outerRadius = outer;
        double inner = Math.min(36, outer / 3);
        int bits = shown.keySpace().bits();
        boolean trueScale = scaleToggle.isSelected();
        ringCx = cx;
        ringCy = cy;
        scale = trueScale ? RingScale.trueScale(lowest, highest, inner - MIN_RING_WIDTH / 2, outer + MIN_RING_WIDTH / 2,
                MIN_RING_WIDTH) : RingScale.even(lowest, highest, inner, outer);
        rings.draw(ringInfo, scale, trueScale, cx, cy, vm.bucketFocus().bucket(), bits);
        centre.setCenterX(cx);
        centre.setCenterY(cy);
        centreLabel.setX(cx - centreLabel.getLayoutBounds().getWidth() / 2);
        centreLabel.setY(cy + 15 + centre.getRadius());
        for (NodeDot d : dots.values()) {
            NodeId n = d.node();
            if (n.equals(sel)) {
                continue;
            }
            int b = sel.bucketIndex(n);
            double rad = scale.radius(Math.max(b, lowest));
            double a = RingGeometry.angle(n, bits);
            d.setCenterX(RingGeometry.x(cx, rad, a));
            d.setCenterY(RingGeometry.y(cy, rad, a));
        }
    }
}
