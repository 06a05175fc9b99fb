package org.kadlab.ui;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.kadlab.kad.KeySpace;

/**
 * The lookup inspector: the inspected find_node's candidates sorted by XOR distance to the target,
 * each with its id (the bits it shares with the target emphasised), distance, state, who told the
 * origin about it and its hop; the current k closest are marked, and once the lookup ends the true
 * k closest too, with a summary of hops, RPCs, time and exactness. Rows carry the state as a
 * pseudo-class ({@code :waiting}, {@code :answered}, ...), plus {@code :k-closest}.
 */
public final class LookupInspector extends VBox {
    private static final PseudoClass K_CLOSEST = PseudoClass.getPseudoClass("k-closest");
    private static final String[] STATES = {"not-contacted", "waiting", "answered", "failed", "unresponsive"};

    private final NetworkViewModel vm;
    private final Label title = new Label("Lookup inspector");
    private final Label subtitle = new Label();
    private final Label summary = new Label();
    private final javafx.scene.control.ComboBox<LookupSession> picker = new javafx.scene.control.ComboBox<>();
    private List<String> shownLabels = List.of();
    private boolean syncing;
    private final TableView<CandidateRow> table = new TableView<>();
    private final Label result = new Label();
    private Object shownSignature;
    private long rebuilds;

    public LookupInspector(NetworkViewModel vm) {
        this.vm = vm;
        getStyleClass().add("lookup-inspector");
        title.getStyleClass().add("panel-title");
        summary.getStyleClass().add("lookup-summary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        table.getStyleClass().add("candidate-table");
        table.setPlaceholder(new Label("No lookup yet: select a node, type a target id and press Find node."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(24);
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(CandidateRow item, boolean empty) {
                super.updateItem(item, empty);
                String state = item == null || empty ? null : CandidateRow.pseudoClass(item.state());
                for (String s : STATES) {
                    pseudoClassStateChanged(PseudoClass.getPseudoClass(s), s.equals(state));
                }
                pseudoClassStateChanged(K_CLOSEST, item != null && !empty && item.kClosest());
            }
        });
        table.getColumns().add(column("#", 30, r -> String.valueOf(r.rank())));
        table.getColumns().add(column("k", 28, r -> (r.kClosest() ? "\u25c6" : "") + (r.trueClosest() ? "\u2713" : "")));
        TableColumn<CandidateRow, CandidateRow> id = new TableColumn<>("id (shared prefix bold)");
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        id.setCellFactory(col -> new IdCell());
        id.setPrefWidth(210);
        table.getColumns().add(id);
        table.getColumns().add(column("distance", 66, CandidateRow::distanceHex));
        table.getColumns().add(column("state", 96, CandidateRow::stateLabel));
        table.getColumns().add(column("told by", 80, CandidateRow::referrer));
        table.getColumns().add(column("hop", 36, r -> String.valueOf(r.depth())));
        table.getColumns().add(column("rnd", 36, r -> r.round() == 0 ? "" : String.valueOf(r.round())));
        for (var c : table.getColumns()) {
            c.setSortable(false);
            c.setReorderable(false);
        }
        VBox.setVgrow(table, Priority.ALWAYS);
        result.setId("operation-result");
        result.getStyleClass().add("operation-result");
        result.setWrapText(true);
        result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        result.textProperty().bind(vm.operationResultProperty());
        result.visibleProperty().bind(vm.operationResultProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
        picker.setId("lookup-picker");
        picker.getStyleClass().add("lookup-picker");
        picker.setPromptText("recent lookups");
        picker.setVisibleRowCount(14);
        picker.setTooltip(new Tooltip("Pick one of your recent lookups (newest first): the ring, this table and the graph follow it"));
        picker.setCellFactory(lv -> new SessionCell());
        picker.setButtonCell(new SessionCell());
        picker.valueProperty().addListener((o, was, now) -> {
            if (!syncing && now != null) {
                vm.selectLookup(now);
            }
        });
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setFocusTraversable(false);
        picker.setDisable(true);
        HBox.setHgrow(picker, Priority.ALWAYS);
        HBox header = new HBox(8, title, picker);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.setWrapText(false);
        subtitle.getStyleClass().add("lookup-title");
        subtitle.setWrapText(true);
        subtitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(header, subtitle, summary, result, table);
    }

    /** The table (for tests). */
    public TableView<CandidateRow> table() {
        return table;
    }

    /** The list of recent lookups in the header (for tests). */
    public javafx.scene.control.ComboBox<LookupSession> picker() {
        return picker;
    }

    /** The summary line (for tests). */
    public String summaryText() {
        return summary.getText();
    }

    /** How many times the rows were recomputed from the lookup (for tests). */
    public long rebuilds() {
        return rebuilds;
    }

    /**
     * Updates the rows from the inspected lookup, only when its signature (the session, its version,
     * the network's membership) changed; rows are replaced in place, only where they differ.
     */
    public void refresh() {
        syncPicker();
        LookupSession s = vm.selectedLookup();
        Object signature = java.util.Arrays.asList(vm.simulation(), s, s == null ? 0 : s.version(), vm.membershipVersion());
        if (signature.equals(shownSignature)) {
            return;
        }
        shownSignature = signature;
        rebuilds++;
        if (s == null) {
            subtitle.setText("");
            summary.setText("The candidates of a find_node appear here, closest to the target first. "
                    + "\u25c6 marks the current k closest, \u2713 the true k closest once it ends.");
            table.getItems().clear();
            return;
        }
        KeySpace ks = vm.keySpace();
        subtitle.setText(s.title(ks) + "  (bin " + NodeTooltips.grouped(ks.binary(s.target())) + ")");
        summary.setText(s.summary(vm.simulation()));
        List<CandidateRow> rows = s.rows(vm.simulation());
        var items = table.getItems();
        int common = Math.min(rows.size(), items.size());
        for (int i = 0; i < common; i++) {
            if (!items.get(i).equals(rows.get(i))) {
                items.set(i, rows.get(i));
            }
        }
        if (items.size() > rows.size()) {
            items.remove(rows.size(), items.size());
        } else if (rows.size() > common) {
            items.addAll(rows.subList(common, rows.size()));
        }
    }

    /** Brings the list of recent lookups (their labels change as they run) and its selection up to date. */
    private void syncPicker() {
        var recent = vm.recentLookups();
        KeySpace ks = vm.keySpace();
        List<String> labels = new java.util.ArrayList<>(recent.size());
        for (LookupSession r : recent) {
            labels.add(r.label(ks));
        }
        LookupSession sel = vm.selectedLookup();
        boolean listChanged = !labels.equals(shownLabels) || !picker.getItems().equals(recent);
        if (!listChanged && picker.getValue() == sel) {
            return;
        }
        syncing = true;
        try {
            if (listChanged) {
                picker.setValue(null);
                picker.getItems().setAll(recent);
                shownLabels = labels;
            }
            picker.setValue(recent.contains(sel) ? sel : null);
        } finally {
            syncing = false;
        }
        picker.setDisable(recent.isEmpty());
    }

    /** A recent lookup as one line: find_node 555e -> a000 (exact). */
    private final class SessionCell extends javafx.scene.control.ListCell<LookupSession> {
        @Override
        protected void updateItem(LookupSession item, boolean empty) {
            super.updateItem(item, empty);
            setText(item == null || empty ? null : item.label(vm.keySpace()));
        }
    }

    private static TableColumn<CandidateRow, String> column(String name, double width,
                                                           java.util.function.Function<CandidateRow, String> f) {
        TableColumn<CandidateRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** An id cell: hex, then binary with the prefix shared with the target emphasised. */
    private static final class IdCell extends TableCell<CandidateRow, CandidateRow> {
        @Override
        protected void updateItem(CandidateRow r, boolean empty) {
            super.updateItem(r, empty);
            setText(null);
            if (r == null || empty) {
                setGraphic(null);
                return;
            }
            Text hex = new Text(r.hex() + "  ");
            hex.getStyleClass().add("id-hex");
            String bin = r.binary();
            int shared = Math.min(r.sharedPrefix(), bin.length());
            Text prefix = new Text(NodeTooltips.grouped(bin).substring(0, groupedLength(bin.length(), shared)));
            prefix.getStyleClass().add("id-prefix");
            Text rest = new Text(NodeTooltips.grouped(bin).substring(groupedLength(bin.length(), shared)));
            rest.getStyleClass().add("id-rest");
            TextFlow flow = new TextFlow(hex, prefix, rest);
            HBox box = new HBox(flow);
            setGraphic(box);
        }

        /** How many characters of the grouped binary string cover its first {@code digits} digits. */
        private static int groupedLength(int bits, int digits) {
            if (digits == 0) {
                return 0;
            }
            int lead = bits % 4;
            int spaces = 0;
            for (int i = 1; i < digits; i++) {
                if ((i - lead) % 4 == 0) {
                    spaces++;
                }
            }
            return digits + spaces;
        }
    }
}
