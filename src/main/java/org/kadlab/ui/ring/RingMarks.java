package org.kadlab.ui.ring;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.NetworkModel;
import org.kadlab.ui.model.RingGeometry;
import org.kadlab.ui.model.TableSnapshot;
import org.kadlab.ui.widgets.NodeDot;

/**
 * The ring's still marks: the quarter ticks with the ids they stand for, and the selected node's
 * routing-table contacts as chords (dashed when stale or down). Chord lines are reused from one
 * table to the next.
 */
final class RingMarks {
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    final Group ticks = new Group();
    final Group chords = new Group();
    private final List<String> tickTexts = new ArrayList<>();

    RingMarks() {
        chords.setMouseTransparent(true);
    }

    /** Draws the quarter marks 0, 1/4, 1/2, 3/4 of the id space of {@code net}. */
    void drawTicks(NetworkModel net, double cx, double cy, double radius) {
        tickTexts.clear();
        int bits = net.keySpace().bits();
        ticks.getChildren().clear();
        String[] quarter = {"0", "1/4", "1/2", "3/4"};
        for (int q = 0; q < 4; q++) {
            double a = q * Math.PI / 2;
            Line tick = new Line(RingGeometry.x(cx, radius - 6, a), RingGeometry.y(cy, radius - 6, a),
                    RingGeometry.x(cx, radius + 6, a), RingGeometry.y(cy, radius + 6, a));
            tick.getStyleClass().add("ring-tick");
            NodeId id = net.keySpace().id(BigInteger.valueOf(q).shiftLeft(bits).shiftRight(2));
            String hex = net.keySpace().hex(id);
            String shortHex = RingView.shortLabel(hex) + (hex.length() > RingView.LABEL_DIGITS ? "\u2026" : "");
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

    /** Draws {@code table}'s contacts as chords from its owner, reusing the lines drawn last time. */
    void drawChords(TableSnapshot table, NetworkModel net, Map<NodeId, NodeDot> dots) {
        var lines = chords.getChildren();
        int used = 0;
        NodeDot from = table == null || net == null ? null : dots.get(table.owner());
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
                    l.pseudoClassStateChanged(STALE, c.stale() || !net.isAlive(to.node()));
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

    /** The texts of the quarter marks, from 0 clockwise. */
    List<String> tickTexts() {
        return List.copyOf(tickTexts);
    }

    /** How many contact chords are drawn. */
    int chordCount() {
        int n = 0;
        for (var c : chords.getChildren()) {
            if (c.isVisible()) {
                n++;
            }
        }
        return n;
    }

    /**
     * A hash of what the chords show: the selected node's contacts and which of them are stale. Most
     * table changes during a lookup only reorder a bucket, which the chords do not show.
     */
    static int shape(TableSnapshot table) {
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
}
