package org.kadlab.ui.ring;

import java.util.List;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.text.Text;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.widgets.NodeDot;

/**
 * The marks beside the dots of the inspected lookup's peers that were asked again after a silent
 * peer timeout: {@code ↻1}, {@code ↻2} (how often), just inside the ring, where no node label sits.
 * Redrawn only when the counts or the ring's geometry changed.
 */
final class RingBadges {
    /** How far inside the ring a badge sits from its dot's centre, in pixels. */
    static final double INSET = 15;
    final Group group = new Group();
    private Object drawn;

    RingBadges() {
        group.setMouseTransparent(true);
    }

    /** Draws a badge for every drawn peer in {@code resends} (peer to how often it was asked again). */
    void draw(Map<NodeId, Integer> resends, Map<NodeId, NodeDot> dots, double cx, double cy, double radius) {
        Object key = List.of(resends, cx, cy, radius);
        if (key.equals(drawn)) {
            return;
        }
        drawn = key;
        group.getChildren().clear();
        for (Map.Entry<NodeId, Integer> e : resends.entrySet()) {
            NodeDot d = dots.get(e.getKey());
            if (d == null || e.getValue() <= 0) {
                continue;
            }
            Text t = new Text(CandidateRow.askedAgainMark(e.getValue()));
            t.getStyleClass().add("resend-badge");
            t.setUserData(e.getKey());
            double dx = cx - d.getCenterX();
            double dy = cy - d.getCenterY();
            double len = Math.max(1, Math.hypot(dx, dy));
            double w = t.getLayoutBounds().getWidth();
            double h = t.getLayoutBounds().getHeight();
            t.setX(d.getCenterX() + dx / len * INSET - w / 2);
            t.setY(d.getCenterY() + dy / len * INSET + h / 3);
            group.getChildren().add(t);
        }
    }

    /** Forgets what was drawn (a new network, a resize): the next {@link #draw} draws again. */
    void invalidate() {
        drawn = null;
    }

    /** The badge of {@code peer}, or null (for tests). */
    Text badge(NodeId peer) {
        for (var n : group.getChildren()) {
            if (peer.equals(n.getUserData())) {
                return (Text) n;
            }
        }
        return null;
    }
}
