package org.kadlab.ui.ring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.shape.Line;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.widgets.NodeDot;

/**
 * The ring's node labels: each node's first hex digits, measured once, and a small pool of Text
 * nodes placed where they fit without overlapping (see {@link RingLabels}). Required labels (the
 * selected node, the target, the lookup's candidates) come first and may step outward, joined to
 * their dot by a thin leader line; the rest are placed greedily by angle, on networks of up to
 * {@link #LABEL_EVERY_NODE_UP_TO} nodes (larger ones show the others' ids on hover only).
 */
final class RingLabelLayer {
    /** How many label heights outward a required label may step to find room. */
    private static final int REQUIRED_LEVELS = 6;
    /**
     * Up to this many nodes every node gets a label where one fits; above it (the Large preset) only
     * the required ones do, so the lookup's candidates are not lost in a pile of others' labels.
     */
    static final int LABEL_EVERY_NODE_UP_TO = 1_000;
    /** How many label heights along the ring a required label may move aside to find room. */
    private static final int SIDEWAYS_STEPS = 12;
    /** Most leader lines drawn (one per label that stepped outward). */
    private static final int MAX_LEADERS = 200;
    final Group labels = new Group();
    /** Thin lines from a dot to its label when the label had to step outward to find room. */
    final Group leaders = new Group();
    /** Measures label sizes; styled like the labels, never shown (pool slot 0). */
    private final Text measure = new Text();
    /** Each node's label text (its first hex digits). */
    private final Map<NodeId, String> texts = new HashMap<>();
    /** Width and height of each node's label box, measured once when the label is made. */
    private final Map<NodeId, double[]> boxes = new HashMap<>();
    /** The node each shown label belongs to. */
    private final Map<NodeId, Text> shownById = new HashMap<>();
    private int placed;

    RingLabelLayer() {
        labels.setMouseTransparent(true);
        leaders.setMouseTransparent(true);
        measure.getStyleClass().add("ring-label");
        measure.setTextOrigin(VPos.TOP);
        measure.setVisible(false);
        labels.getChildren().add(measure);
    }

    /** The labels' font (it changes in presentation mode). */
    ReadOnlyObjectProperty<Font> fontProperty() {
        return measure.fontProperty();
    }

    /** Forgets every label (a new network). */
    void clear() {
        texts.clear();
        boxes.clear();
        shownById.clear();
        labels.getChildren().setAll(measure);
    }

    /** Gives node {@code id} the label {@code text}; it is measured by {@link #measure}. */
    void add(NodeId id, String text) {
        texts.put(id, text);
    }

    /** Measures the labels of {@code ids} with the labels' current font. */
    void measure(Collection<NodeId> ids) {
        measure.applyCss(); // the labels' font, for their sizes
        for (NodeId id : ids) {
            measure.setText(texts.get(id));
            var b = measure.getLayoutBounds();
            boxes.put(id, new double[] {b.getWidth() + 4, b.getHeight()});
        }
    }

    /** Measures every label again (their font changed). */
    void remeasure() {
        measure(texts.keySet());
    }

    /** The labels' font size in px. */
    double fontSize() {
        return measure.getFont().getSize();
    }

    /** The shown label of this node, or null. */
    Text label(NodeId id) {
        return shownById.get(id);
    }

    /** How many node labels are shown. */
    int count() {
        return placed;
    }

    /** Where the labels are placed: the ring's centre and radius, the view's size and its title's box. */
    record Frame(double cx, double cy, double radius, double width, double height, RingLabels.Placed title) {
    }

    /**
     * Places the labels: the {@code required} ones first (the first of them, then the target's
     * label when {@code target} is not null, then the rest), then every other dot's.
     */
    void place(List<NodeId> required, NodeId target, double targetAngle, Text targetLabel, Map<NodeId, NodeDot> dots,
               Frame f) {
        List<RingLabels.Item> items = new ArrayList<>();
        List<NodeId> owners = new ArrayList<>(); // the node of each item; null for the target's label
        Set<NodeId> seen = new HashSet<>();
        boolean targetFirst = target != null;
        for (NodeId id : required) {
            if (owners.size() == 1 && targetFirst) {
                break; // the target goes right after the selected node
            }
            addItem(id, true, dots, items, owners, seen);
        }
        if (targetFirst) {
            targetLabel.setTextOrigin(VPos.TOP);
            targetLabel.applyCss();
            var b = targetLabel.getLayoutBounds();
            items.add(new RingLabels.Item(targetAngle, b.getWidth() + 4, b.getHeight(), true));
            owners.add(null);
        }
        for (NodeId id : required) {
            addItem(id, true, dots, items, owners, seen);
        }
        if (dots.size() <= LABEL_EVERY_NODE_UP_TO) {
            for (NodeDot d : dots.values()) {
                addItem(d.node(), false, dots, items, owners, seen);
            }
        } // a large network labels only the selected node, the target and the candidates; the rest on hover
        double cx = f.cx();
        double cy = f.cy();
        double radius = f.radius();
        List<RingLabels.Placed> placements = RingLabels.place(items, cx, cy, radius + 22, REQUIRED_LEVELS, 1, f.title(),
                new RingLabels.Placed(-1, 0, 0, f.width(), f.height()), radius - 22, SIDEWAYS_STEPS);
        shownById.clear();
        targetLabel.setVisible(false);
        var pool = labels.getChildren(); // pool.get(0) is the measuring text
        int n = 0;
        int leader = 0;
        for (RingLabels.Placed p : placements) {
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
                t.setTextOrigin(VPos.TOP);
                pool.add(t);
            }
            Text t = (Text) pool.get(n);
            t.setText(texts.get(owner));
            t.setX(p.x());
            t.setY(p.y());
            t.setVisible(true);
            shownById.put(owner, t);
            NodeDot d = dots.get(owner);
            double lx = p.x() + p.width() / 2;
            double ly = p.y() + p.height() / 2;
            double away = Math.hypot(lx - cx, ly - cy);
            double homeX = cx + (d.getCenterX() - cx) * (radius + 22) / Math.max(1, radius);
            double homeY = cy + (d.getCenterY() - cy) * (radius + 22) / Math.max(1, radius);
            boolean stepped = away > radius + 22 + 4 || away < radius - 22 - 4 // outward, or deeper inside,
                    || Math.hypot(lx - homeX, ly - homeY) > p.height(); // or beside its dot
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
        placed = n;
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

    private void addItem(NodeId id, boolean must, Map<NodeId, NodeDot> dots, List<RingLabels.Item> items,
                         List<NodeId> owners, Set<NodeId> seen) {
        double[] size = boxes.get(id);
        NodeDot d = dots.get(id);
        if (size == null || d == null || !seen.add(id)) {
            return;
        }
        items.add(new RingLabels.Item(d.angle(), size[0], size[1], must));
        owners.add(id);
    }
}
