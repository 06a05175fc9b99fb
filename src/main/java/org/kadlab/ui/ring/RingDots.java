package org.kadlab.ui.ring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Group;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.NetworkModel;
import org.kadlab.ui.widgets.NodeDot;

/**
 * The ring's node dots in two layers: dots with no state to show (cached as one bitmap, repainted
 * only when a node joins, dies or revives) and the few that show one (selected, contact, lookup
 * origin, candidate), which change while a lookup runs. Restyling visits only the dots whose state
 * can have changed, unless every dot must be looked at.
 */
final class RingDots {
    /** Dots with no state to show. */
    final Group plain = new Group();
    /** Dots that show a state. */
    final Group hot = new Group();
    private final Map<NodeId, NodeDot> dots = new HashMap<>();
    /** Dots that carry a state: the ones to revisit. */
    private final Set<NodeDot> marked = new HashSet<>();
    /** How much larger than usual dots are drawn (presentation mode). */
    private double scale = 1;

    /** Every dot by its node's id (the live map, read by the other layers). */
    Map<NodeId, NodeDot> byId() {
        return dots;
    }

    void clear() {
        dots.clear();
        marked.clear();
        plain.getChildren().clear();
        hot.getChildren().clear();
    }

    void add(NodeDot d) {
        dots.put(d.node(), d);
        plain.getChildren().add(d);
    }

    double scale() {
        return scale;
    }

    /** Draws every dot {@code next} times its usual size (the labels' font grew by as much). */
    void rescale(double next) {
        if (next != scale) {
            double factor = next / scale;
            scale = next;
            for (NodeDot d : dots.values()) {
                d.setRadius(d.getRadius() * factor);
            }
        }
    }

    /**
     * Styles the dots whose state can have changed (all of them when {@code everyDot}): down,
     * selected, contact of the selected node, lookup origin, lookup state; moves each to its layer.
     */
    void restyle(NetworkModel net, NodeId sel, LookupSession session, Map<NodeId, String> states, Set<NodeId> contacts,
                 boolean everyDot) {
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
            addIfDrawn(some, sel);
            addIfDrawn(some, session == null ? null : session.origin());
            visit = some;
        }
        double usual = (dots.size() > 500 ? 2.5 : 5) * scale;
        List<NodeDot> nowMarked = new ArrayList<>();
        for (NodeDot d : visit) {
            NodeId n = d.node();
            boolean selected = n.equals(sel);
            boolean contact = contacts.contains(n);
            boolean origin = session != null && n.equals(session.origin());
            String state = states.get(n);
            d.set(NodeDot.DEAD, !net.isAlive(n));
            d.set(NodeDot.SELECTED, selected);
            d.set(NodeDot.CONTACT, contact);
            d.set(NodeDot.ORIGIN, origin);
            d.lookupState(state);
            d.setRadius(selected ? 8 * scale : (state != null ? 6 * scale : usual));
            boolean isHot = selected || contact || origin || state != null;
            if (isHot) {
                nowMarked.add(d);
            }
            Group layer = isHot ? hot : plain;
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
        NodeDot d = id == null ? null : dots.get(id);
        if (d != null) {
            into.add(d);
        }
    }
}
