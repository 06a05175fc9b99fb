package org.kadlab.ui.compare;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.ComparisonResult;
import org.kadlab.ui.model.IdText;

/**
 * One lookup of a comparison in full: its origin and target, then a column per configuration with
 * its measures and the nodes it returned, closest first (✓ one of the true k closest, ✗ not), and
 * below them the true closest it missed (style class {@code compare-missed}).
 */
final class CompareDetail extends VBox {
    private final Label title = new Label("Select a lookup to see each configuration's result.");
    private final GridPane columns = new GridPane();

    CompareDetail() {
        setId("compare-detail");
        getStyleClass().add("compare-detail");
        setSpacing(6);
        title.getStyleClass().add("compare-detail-title");
        title.setWrapText(true);
        columns.setHgap(18);
        columns.setVgap(2);
        getChildren().addAll(title, columns);
    }

    /** Shows {@code row} of {@code r}; null clears. */
    void show(ComparisonResult r, ComparisonResult.Row row) {
        columns.getChildren().clear();
        if (r == null || row == null) {
            title.setText("Select a lookup to see each configuration's result.");
            return;
        }
        KeySpace ks = r.keySpace();
        title.setText("Lookup " + row.number() + ": from " + IdText.brief(ks, row.origin()) + " (node #" + row.originIndex()
                + ") to " + IdText.brief(ks, row.target()));
        for (int c = 0; c < row.outcomes().size(); c++) {
            ComparisonResult.Outcome o = row.outcomes().get(c);
            int line = 0;
            Label head = new Label(r.names().get(c));
            head.getStyleClass().add("compare-head");
            columns.add(head, c, line++);
            Label measures = new Label(o.ended() ? String.format(Locale.ROOT, "%d %s \u00b7 %d RPCs%n%d ms \u00b7 %s",
                    o.hops(), o.hops() == 1 ? "hop" : "hops", o.rpcs(), o.timeMs(),
                    o.exact() ? "exact" : String.format(Locale.ROOT, "recall %.0f%%", 100 * o.recall()))
                    : "did not end within the wait");
            measures.getStyleClass().add("compare-measures");
            columns.add(measures, c, line++);
            Set<NodeId> truth = new HashSet<>(o.truth());
            for (NodeId id : o.returned()) {
                boolean good = truth.contains(id);
                columns.add(idLabel(ks, id, row.target(), good ? "\u2713 " : "\u2717 ",
                        good ? "compare-found" : "compare-extra"), c, line++);
            }
            List<NodeId> missed = o.missed();
            if (!missed.isEmpty()) {
                Label m = new Label("missed:");
                m.getStyleClass().add("compare-missed");
                columns.add(m, c, line++);
                for (NodeId id : missed) {
                    columns.add(idLabel(ks, id, row.target(), "\u2717 ", "compare-missed"), c, line++);
                }
            }
        }
    }

    private static Label idLabel(KeySpace ks, NodeId id, NodeId target, String mark, String style) {
        Label l = new Label(mark + IdText.brief(ks, id) + "  d=" + IdText.brief(ks, ks.hex(id.xor(target))));
        l.getStyleClass().addAll("compare-id", style);
        l.setTooltip(new Tooltip(ks.hex(id) + " at XOR distance " + ks.hex(id.xor(target))));
        return l;
    }

    /** The text of every line shown, top to bottom, column by column (for tests). */
    List<String> lines() {
        return columns.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }
}
