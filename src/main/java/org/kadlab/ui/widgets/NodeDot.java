package org.kadlab.ui.widgets;

import javafx.css.PseudoClass;
import javafx.scene.shape.Circle;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.RingGeometry;

/**
 * One node drawn as a dot. Its look comes from CSS: style class {@code node-dot} and the
 * pseudo-classes {@code :dead}, {@code :selected}, {@code :contact}, {@code :cached}, {@code :origin},
 * {@code :target-closest} and the lookup states {@code :not-contacted}, {@code :waiting},
 * {@code :answered}, {@code :late}, {@code :failed}, {@code :unresponsive}, {@code :not-needed}, {@code :missed}.
 */
public final class NodeDot extends Circle {
    public static final PseudoClass DEAD = PseudoClass.getPseudoClass("dead");
    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    public static final PseudoClass CONTACT = PseudoClass.getPseudoClass("contact");
    public static final PseudoClass CACHED = PseudoClass.getPseudoClass("cached");
    public static final PseudoClass ORIGIN = PseudoClass.getPseudoClass("origin");
    private static final String[] STATES = {"not-contacted", "waiting", "answered", CandidateRow.LATE, "failed",
            "unresponsive", CandidateRow.NOT_NEEDED, CandidateRow.MISSED};

    private final NodeId node;
    private String lookupState;
    private double angle;

    public NodeDot(NodeId node, String styleClass) {
        this.node = node;
        getStyleClass().addAll("node-dot", styleClass);
        setPickOnBounds(false);
    }

    /** The id of the node this dot stands for. */
    public NodeId node() {
        return node;
    }

    /** The angle of the node on its ring (see {@link RingGeometry#angle}), fixed when the dot is made. */
    public double angle() {
        return angle;
    }

    public void setAngle(double angle) {
        this.angle = angle;
    }

    /** Sets one pseudo-class on or off. */
    public void set(PseudoClass pc, boolean on) {
        pseudoClassStateChanged(pc, on);
    }

    /** Shows the node's state in the inspected lookup (a pseudo-class name, or null for none). */
    public void lookupState(String state) {
        if (java.util.Objects.equals(state, lookupState)) {
            return;
        }
        for (String s : STATES) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(s), s.equals(state));
        }
        lookupState = state;
    }

    /** The lookup state pseudo-class shown, or null. */
    public String lookupState() {
        return lookupState;
    }
}
