package org.kadlab.ui.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.ComparisonResult;
import org.kadlab.sim.ComparisonResult.Outcome;
import org.kadlab.sim.ComparisonResult.Row;
import org.kadlab.ui.model.IdText;

/**
 * One row per lookup, the configurations side by side: for hops, RPCs, time, exact, recall and the
 * true closest nodes missed, a column per configuration and a Δ column (each configuration against
 * the first: "+2", "−1"; "≠" for exact and missed when they differ; "·" when all agree). Rows where
 * the configurations found other nodes carry the pseudo-class {@code :disagree}, Δ cells that differ
 * {@code :differs}. Ids are abbreviated by {@link IdText}.
 */
final class CompareTable extends TableView<Row> {
    static final PseudoClass DISAGREE = PseudoClass.getPseudoClass("disagree");
    static final PseudoClass DIFFERS = PseudoClass.getPseudoClass("differs");
    /** What Δ shows where every configuration agrees. */
    static final String SAME = "\u00b7";
    private List<String> shownNames = List.of();
    private KeySpace keySpace;

    CompareTable() {
        setId("compare-table");
        getStyleClass().add("compare-table");
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new javafx.scene.control.Label("Run a comparison: each lookup's results show here side by side."));
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                pseudoClassStateChanged(DISAGREE, !empty && r != null && r.disagrees());
            }
        });
    }

    /** Shows {@code r}'s rows (none for null), rebuilding the columns when the configurations changed. */
    void show(ComparisonResult r) {
        if (r == null) {
            getItems().clear();
            return;
        }
        keySpace = r.keySpace();
        if (!r.names().equals(shownNames)) {
            shownNames = r.names();
            buildColumns(shownNames);
        }
        getItems().setAll(r.rows());
    }

    private void buildColumns(List<String> names) {
        List<TableColumn<Row, ?>> cols = new ArrayList<>();
        cols.add(text("#", 34, row -> String.valueOf(row.number())));
        cols.add(text("origin", 86, row -> brief(row.origin()) + " (#" + row.originIndex() + ")"));
        cols.add(text("target", 70, row -> brief(row.target())));
        cols.add(group("hops", names, o -> String.valueOf(o.hops()), (row, c) -> numberDiff(row, c, ComparisonResult.Measure.HOPS)));
        cols.add(group("RPCs", names, o -> String.valueOf(o.rpcs()), (row, c) -> numberDiff(row, c, ComparisonResult.Measure.RPCS)));
        cols.add(group("time (ms)", names, o -> String.valueOf(o.timeMs()), (row, c) -> numberDiff(row, c, ComparisonResult.Measure.TIME)));
        cols.add(group("exact", names, o -> !o.ended() ? "unended" : o.exact() ? "yes" : "no",
                (row, c) -> row.outcomes().get(c).exact() == row.outcomes().get(0).exact() ? null : "\u2260"));
        cols.add(group("recall", names, o -> String.format(Locale.ROOT, "%.0f%%", 100 * o.recall()), (row, c) -> {
            long d = Math.round(100 * (row.outcomes().get(c).recall() - row.outcomes().get(0).recall()));
            return d == 0 ? null : signed(d) + "%";
        }));
        cols.add(group("missed", names, o -> o.missed().isEmpty() ? "\u2013" : String.join(" ", o.missed().stream().map(this::brief).toList()),
                (row, c) -> set(row.outcomes().get(c).missed()).equals(set(row.outcomes().get(0).missed())) ? null : "\u2260"));
        getColumns().setAll(cols);
    }

    /** A measure: one column per configuration and its Δ column. */
    private TableColumn<Row, String> group(String title, List<String> names, Function<Outcome, String> value,
                                           BiFunction<Row, Integer, String> diff) {
        TableColumn<Row, String> g = new TableColumn<>(title);
        for (int c = 0; c < names.size(); c++) {
            int at = c;
            TableColumn<Row, String> col = text(names.get(c), title.equals("missed") ? 84 : 56, row -> value.apply(row.outcomes().get(at)));
            col.setId("compare-col-" + title.replaceAll("[^a-zA-Z]", "") + "-" + c);
            g.getColumns().add(col);
        }
        TableColumn<Row, String> d = new TableColumn<>("\u0394");
        d.setId("compare-col-" + title.replaceAll("[^a-zA-Z]", "") + "-diff");
        d.setPrefWidth(names.size() > 2 ? 96 : 54);
        d.setCellValueFactory(cd -> new ReadOnlyStringWrapper(diffText(cd.getValue(), names, diff)));
        d.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                pseudoClassStateChanged(DIFFERS, !empty && s != null && !s.equals(SAME));
            }
        });
        d.getStyleClass().add("compare-diff");
        g.getColumns().add(d);
        return g;
    }

    /** Each later configuration against the first: "+2" for two, "B +2 · C −1" for more; {@link #SAME} when all agree. */
    static String diffText(Row row, List<String> names, BiFunction<Row, Integer, String> diff) {
        List<String> parts = new ArrayList<>();
        for (int c = 1; c < row.outcomes().size(); c++) {
            String d = diff.apply(row, c);
            if (d != null) {
                parts.add(row.outcomes().size() == 2 ? d : names.get(c) + " " + d);
            }
        }
        return parts.isEmpty() ? SAME : String.join(" \u00b7 ", parts);
    }

    private static String numberDiff(Row row, int c, ComparisonResult.Measure m) {
        long d = Math.round(m.of(row.outcomes().get(c)) - m.of(row.outcomes().get(0)));
        return d == 0 ? null : signed(d);
    }

    private static String signed(long d) {
        return d > 0 ? "+" + d : "\u2212" + (-d);
    }

    private static Set<NodeId> set(List<NodeId> ids) {
        return new HashSet<>(ids);
    }

    private String brief(NodeId id) {
        return IdText.brief(keySpace, id);
    }

    private static TableColumn<Row, String> text(String title, double width, Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }
}
