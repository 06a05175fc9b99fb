package org.kadlab.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;
import org.kadlab.ui.model.CandidateRow;

/**
 * The legend of one view, in a column beside it: a sample of every mark the view draws, styled by the same CSS as the
 * marks themselves (so a sample always looks like what it explains), each with a word and, on hover,
 * what it means. The samples grow with the legend's text (presentation mode).
 *
 * <p>{@link #ring()} and {@link #xor()} are the ID ring's and the XOR view's; the routing table and
 * the graph keep their own legends beside their content.
 */
public final class ViewLegend extends FlowPane {
    /** A sample dot's radius per px of the legend's font size. */
    private static final double DOT_PER_PX = 0.42;
    /** The legend's usual font size: samples are drawn at their usual size with it. */
    private static final double BASE_FONT_PX = 12;
    private final List<String> names = new ArrayList<>();

    private ViewLegend(String id) {
        super(javafx.geometry.Orientation.VERTICAL, 12, 4);
        setId(id);
        getStyleClass().addAll("legend", "view-legend");
        setAlignment(Pos.CENTER_LEFT);
    }

    /** The words of the entries, in order (for tests). */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** The sample drawn for the entry {@code name}, or null (for tests). */
    public Node sample(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            return null;
        }
        Node n = ((HBox) getChildren().get(i)).getChildren().get(0);
        return n instanceof Group g ? g.getChildren().get(0) : n;
    }

    /** {@code view} with {@code legend} in a column beside it: a tab's content. */
    public static javafx.scene.layout.BorderPane under(Node view, ViewLegend legend) {
        javafx.scene.layout.BorderPane pane = new javafx.scene.layout.BorderPane(view);
        pane.setRight(legend);
        // one column as tall as the view (views are wider than tall: the column costs the rings nothing)
        legend.prefWrapLengthProperty().bind(Bindings.max(120, pane.heightProperty().subtract(16)));
        pane.getStyleClass().add("view-with-legend");
        return pane;
    }

    /** The view itself of a tab's content ({@code content} when it has no legend). */
    public static Node viewOf(Node content) {
        return content instanceof javafx.scene.layout.BorderPane p && p.getStyleClass().contains("view-with-legend")
                ? p.getCenter() : content;
    }

    /** The ID ring's legend: the network's marks, then a lookup's. */
    public static ViewLegend ring() {
        ViewLegend l = new ViewLegend("ring-legend");
        l.dot("live", "a running node", "ring-node");
        l.dot("down", "a crashed node: it answers nothing (greyed, with a dashed edge)", "ring-node", "dead");
        l.dot("selected", "the selected node, whose routing table is shown; also a lookup's origin", "ring-node", "selected");
        l.dot("contact", "in the selected node's routing table (the chords lead to them)", "ring-node", "contact");
        l.target();
        l.dot("known, not asked", "a candidate the lookup knows of but has not asked (outlined)", "ring-node", "not-contacted");
        l.dot("waiting", "asked; the answer is awaited", "ring-node", "waiting");
        l.dot("answered", "answered in time", "ring-node", "answered");
        l.dot("slow", "silent for the peer timeout: its slot is freed for another query; a late answer still counts",
                "ring-node", "unresponsive");
        l.dot("late answer", "answered after the peer timeout: the lookup had freed its slot, the answer still counted",
                "ring-node", CandidateRow.LATE);
        l.dot("failed", "no answer before the RPC timeout: the lookup gives up on it", "ring-node", "failed");
        l.dot("not needed", "still waiting when the lookup ended: it no longer needs the answer (hollow)", "ring-node",
                CandidateRow.NOT_NEEDED);
        l.dot("missed", "one of the true k closest that the lookup never found", "ring-node", CandidateRow.MISSED);
        l.badge();
        l.rpc("query", "an RPC on its way to the peer", "outbound");
        l.rpc("reply", "the peer's answer on its way back (the peer shows answered once it arrives)", "inbound");
        l.rpc("timeout", "an RPC that got no answer in time", "timed-out");
        return l;
    }

    /** The XOR view's legend. */
    public static ViewLegend xor() {
        ViewLegend l = new ViewLegend("xor-legend");
        l.dot("selected", "the selected node, at the centre", "xor-centre");
        l.dot("contact", "held in the bucket of its ring", "xor-node", "contact");
        l.dot("in range", "in the ring's range, but not in the bucket", "xor-node", "in-range");
        l.dot("cached", "in the bucket's replacement cache", "xor-node", "cached", "in-range");
        l.dot("down", "a crashed node (greyed, with a dashed edge)", "xor-node", "dead", "in-range");
        l.ring("bucket holds contacts", "a solid ring: the bucket holds at least one contact", true);
        l.ring("bucket empty", "a dashed ring: the bucket holds nobody", false);
        return l;
    }

    private void dot(String name, String meaning, String styleClass, String... states) {
        Circle c = new Circle(6);
        c.getStyleClass().add("node-dot");
        c.getStyleClass().add(styleClass);
        for (String s : states) {
            c.pseudoClassStateChanged(PseudoClass.getPseudoClass(s), true);
        }
        add(name, meaning, c);
    }

    private void target() {
        Polygon p = new Polygon(0, -9, 7, 0, 0, 9, -7, 0);
        p.getStyleClass().add("target-marker");
        add("target", "the lookup's target id", p);
    }

    private void badge() {
        Text badge = new Text(CandidateRow.askedAgainMark(1));
        badge.getStyleClass().add("resend-badge");
        add("asked again", "asked again after a silent peer timeout (rpc_retries); the number says how often", badge);
    }

    private void rpc(String name, String meaning, String phase) {
        Line line = new Line(0, 0, 16, 0);
        line.getStyleClass().add("rpc-path");
        Circle c = new Circle(4);
        c.getStyleClass().add("rpc-pulse");
        for (Node n : List.of(line, c)) {
            n.pseudoClassStateChanged(PseudoClass.getPseudoClass(phase), true);
            n.pseudoClassStateChanged(PseudoClass.getPseudoClass("lookup"), true);
        }
        HBox sample = new HBox(1, line, c);
        sample.setAlignment(Pos.CENTER_LEFT);
        add(name, meaning, sample);
    }

    private void ring(String name, String meaning, boolean occupied) {
        Line l = new Line(0, 0, 18, 0);
        l.getStyleClass().add("bucket-ring");
        l.pseudoClassStateChanged(PseudoClass.getPseudoClass("occupied"), occupied);
        add(name, meaning, l);
    }

    private void add(String name, String meaning, Node sample) {
        Label text = new Label(name);
        text.getStyleClass().add("legend-label");
        text.setMinWidth(Region.USE_PREF_SIZE);
        text.setTooltip(new Tooltip(meaning));
        Node shown = sample;
        if (sample instanceof Circle c) {
            c.radiusProperty().bind(Bindings.createDoubleBinding(() -> text.getFont().getSize() * DOT_PER_PX,
                    text.fontProperty()));
        } else if (!(sample instanceof Text)) { // a Text grows with its own CSS
            sample.scaleXProperty().bind(Bindings.createDoubleBinding(() -> text.getFont().getSize() / BASE_FONT_PX,
                    text.fontProperty()));
            sample.scaleYProperty().bind(sample.scaleXProperty());
            shown = new Group(sample); // a group's bounds take the scale in, so the entry makes room for it
        }
        HBox entry = new HBox(5, shown, text);
        entry.setMinWidth(Region.USE_PREF_SIZE);
        entry.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(entry);
        names.add(name);
    }
}
