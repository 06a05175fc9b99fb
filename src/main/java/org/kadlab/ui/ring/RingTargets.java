package org.kadlab.ui.ring;

import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.NetworkModel;
import org.kadlab.ui.model.RingGeometry;

/**
 * The targets on the ring: the inspected lookup's target (a diamond with its label), and the id
 * typed or clicked as the next target (a hollow diamond) until a lookup to it is shown. The typed
 * text is parsed again only when it, the lookup or the network changes, not every frame.
 */
final class RingTargets {
    final Polygon marker = new Polygon(0, -9, 7, 0, 0, 9, -7, 0);
    final Polygon next = new Polygon(0, -9, 7, 0, 0, 9, -7, 0);
    final Text label = new Text();
    private LookupSession comparedSession;
    private NetworkModel comparedNetwork;

    RingTargets() {
        marker.getStyleClass().add("target-marker");
        label.getStyleClass().add("target-label");
        marker.setVisible(false);
        next.getStyleClass().addAll("target-marker", "next-target");
        next.setVisible(false);
        next.setMouseTransparent(true);
        label.setVisible(false);
    }

    /** Shows {@code typed} as the next target when it is an id of {@code net} and no lookup to it is shown. */
    void drawNext(String typed, NetworkModel net, LookupSession session, double cx, double cy, double radius) {
        NodeId id = null;
        if (net != null) {
            try {
                id = typed == null || typed.isBlank() ? null : net.keySpace().parse(typed);
            } catch (IllegalArgumentException e) {
                id = null; // not an id (yet): the field says why when Find node is pressed
            }
        }
        boolean show = id != null && radius > 0 && (session == null || !id.equals(session.target()));
        next.setVisible(show);
        if (show) {
            double a = RingGeometry.angle(id, net.keySpace().bits());
            next.setLayoutX(RingGeometry.x(cx, radius, a));
            next.setLayoutY(RingGeometry.y(cy, radius, a));
        }
    }

    /** Marks {@code session}'s target (nothing without a session); the next target is checked again if the session changed. */
    void draw(String typed, NetworkModel net, LookupSession session, double cx, double cy, double radius) {
        if (session != comparedSession || net != comparedNetwork) {
            comparedSession = session;
            comparedNetwork = net;
            drawNext(typed, net, session, cx, cy, radius);
        }
        boolean show = session != null && net != null;
        marker.setVisible(show);
        label.setVisible(show);
        if (!show) {
            return;
        }
        double a = RingGeometry.angle(session.target(), net.keySpace().bits());
        marker.setLayoutX(RingGeometry.x(cx, radius, a));
        marker.setLayoutY(RingGeometry.y(cy, radius, a));
        label.setText("target " + RingView.shortLabel(net.keySpace().hex(session.target())));
    }
}
