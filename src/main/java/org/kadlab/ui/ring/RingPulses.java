package org.kadlab.ui.ring;

import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;
import org.kadlab.ui.model.RpcPulse;
import org.kadlab.ui.model.RpcPulses;
import org.kadlab.ui.widgets.NodeDot;

/**
 * The RPCs in flight on the ring: each a pulse moving from querier to peer and back (fading red
 * after a timeout) along a dashed path. Shapes are a pool reused frame after frame; on a crowded
 * ring ({@link RingView#QUIET_PATHS_ABOVE} nodes) only the inspected lookup's paths are drawn.
 */
final class RingPulses {
    private static final PseudoClass OUTBOUND = PseudoClass.getPseudoClass("outbound");
    private static final PseudoClass INBOUND = PseudoClass.getPseudoClass("inbound");
    private static final PseudoClass TIMED_OUT = PseudoClass.getPseudoClass("timed-out");
    private static final PseudoClass LOOKUP = PseudoClass.getPseudoClass("lookup");
    private static final PseudoClass PING = PseudoClass.getPseudoClass("ping");
    /** The dashed paths, below the dots. */
    final Group paths = new Group();
    /** The moving pulses, above everything. */
    final Group pulses = new Group();
    /** A pulse's radius: smaller than a lookup's dots, so a pulse at a peer never looks like its state. */
    private double radius = PULSE_RADIUS;
    private static final double PULSE_RADIUS = 3.5;

    RingPulses() {
        paths.setMouseTransparent(true);
        pulses.setMouseTransparent(true);
    }

    /** Draws pulses {@code scale} times their usual size (presentation mode: the dots grew as much). */
    void rescale(double scale) {
        radius = PULSE_RADIUS * scale;
    }

    /** Moves every pulse to where the display clock {@code clock} says it is. */
    void draw(RpcPulses rpcs, double clock, Map<NodeId, NodeDot> dots) {
        int i = 0;
        double leg = rpcs.legMs();
        var children = pulses.getChildren();
        var pathChildren = paths.getChildren();
        for (RpcPulse p : rpcs.pulses()) {
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
            c.setRadius(radius);
            Line l = (Line) pathChildren.get(i);
            double t = p.progress(clock, leg);
            double x0 = from.getCenterX();
            double y0 = from.getCenterY();
            double x1 = to.getCenterX();
            double y1 = to.getCenterY();
            boolean back = p.phase() == RpcPulse.Phase.INBOUND;
            c.setCenterX(back ? x1 + (x0 - x1) * t : x0 + (x1 - x0) * t);
            c.setCenterY(back ? y1 + (y0 - y1) * t : y0 + (y1 - y0) * t);
            l.setStartX(x0);
            l.setStartY(y0);
            l.setEndX(x1);
            l.setEndY(y1);
            double opacity = rpcs.opacityOf(p);
            l.setVisible(p.ofSelectedLookup() || dots.size() <= RingView.QUIET_PATHS_ABOVE); // on a crowded ring, only the lookup's paths
            c.setVisible(true);
            for (var n : List.of(c, l)) {
                n.setOpacity(opacity);
                n.pseudoClassStateChanged(OUTBOUND, p.phase() == RpcPulse.Phase.OUTBOUND);
                n.pseudoClassStateChanged(INBOUND, back);
                n.pseudoClassStateChanged(TIMED_OUT, p.phase() == RpcPulse.Phase.TIMED_OUT);
                n.pseudoClassStateChanged(LOOKUP, p.ofSelectedLookup());
                n.pseudoClassStateChanged(PING, p.type() == SimEvent.RpcType.PING);
            }
            i++;
        }
        for (int j = i; j < children.size(); j++) {
            children.get(j).setVisible(false);
            pathChildren.get(j).setVisible(false);
        }
    }

    /** How many pulses are drawn. */
    int count() {
        int n = 0;
        for (var c : pulses.getChildren()) {
            if (c.isVisible()) {
                n++;
            }
        }
        return n;
    }
}
