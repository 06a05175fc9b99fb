package org.kadlab.ui.inspector;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.kadlab.kad.KeySpace;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.IdText;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.StopExplanation;
import org.kadlab.ui.widgets.BriefIdCell;
import org.kadlab.ui.widgets.FxmlView;
import org.kadlab.ui.widgets.LazyTooltip;
import org.kadlab.ui.widgets.WholeColumns;

/**
 * The lookup inspector: the inspected find_node's candidates sorted by XOR distance to the target,
 * each with its id (the bits it shares with the target emphasised), distance, state, who told the
 * origin about it and its hop; the current k closest are marked, and once the lookup ends the true
 * k closest too, with a summary of hops, RPCs, time and exactness. A peer that stayed silent for the
 * peer timeout is "slow" (its slot is freed); its answer, if it still comes, a "late answer"; a peer asked
 * again after a silent peer timeout carries the ring's mark, {@code ↻1}, and says so in the tooltip. Rows carry the state as a pseudo-class ({@code :waiting},
 * {@code :answered}, {@code :late}, {@code :unresponsive}, ...), plus {@code :k-closest} and
 * {@code :asked-again}.
 *
 * <p>Ids up to 32 bits are shown whole, with the id's binary and its shared prefix in bold. Wider
 * ids would wrap over several lines: there every id is abbreviated ({@link IdText}), the id column
 * shows the hex digits inside the shared prefix in bold and the prefix length in bits, the header
 * keeps to one line, and the full ids are in the tooltips.
 *
 * <p>The header, the text lines and the table with its columns are laid out in
 * {@code LookupInspector.fxml}; cells, row states and column fitting are set up here.
 */
public final class LookupInspector extends VBox {
    private static final PseudoClass K_CLOSEST = PseudoClass.getPseudoClass("k-closest");
    private static final String NARROW_ID_HEADER = "id (shared prefix bold)";
    private static final String WIDE_ID_HEADER = "id (shared prefix bold \u00b7 bits)";
    private static final String[] STATES = {"not-contacted", "waiting", "answered", CandidateRow.LATE, "failed",
            "unresponsive", CandidateRow.NOT_NEEDED};
    private static final PseudoClass ASKED_AGAIN = PseudoClass.getPseudoClass("asked-again");

    private final NetworkViewModel vm;
    @FXML
    private Label subtitle;
    @FXML
    private Label summary;
    /** Why the lookup stopped, in plain words, once it is over. */
    @FXML
    private Label why;
    /** Folds the reason under a one-line headline, so the candidates keep their room. */
    @FXML
    private javafx.scene.control.TitledPane whyPane;
    @FXML
    private ComboBox<LookupSession> picker;
    @FXML
    private TableView<CandidateRow> table;
    @FXML
    private Label result;
    @FXML
    private TableColumn<CandidateRow, String> rankColumn;
    @FXML
    private TableColumn<CandidateRow, String> closestColumn;
    @FXML
    private TableColumn<CandidateRow, CandidateRow> idColumn;
    @FXML
    private TableColumn<CandidateRow, String> distanceColumn;
    @FXML
    private TableColumn<CandidateRow, String> stateColumn;
    @FXML
    private TableColumn<CandidateRow, String> referrerColumn;
    @FXML
    private TableColumn<CandidateRow, String> hopColumn;
    @FXML
    private TableColumn<CandidateRow, String> roundColumn;
    private final Tooltip subtitleTip = wrapping();
    private final Tooltip summaryTip = wrapping();
    private final Tooltip resultTip = wrapping();
    private List<String> shownLabels = List.of();
    private boolean syncing;
    private Object shownSignature;
    private long rebuilds;

    public LookupInspector(NetworkViewModel vm) {
        this.vm = vm;
        FxmlView.load(this);
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(CandidateRow item, boolean empty) {
                super.updateItem(item, empty);
                String state = item == null || empty ? null : item.shownPseudoClass();
                for (String s : STATES) {
                    pseudoClassStateChanged(PseudoClass.getPseudoClass(s), s.equals(state));
                }
                pseudoClassStateChanged(K_CLOSEST, item != null && !empty && item.kClosest());
                pseudoClassStateChanged(ASKED_AGAIN, item != null && !empty && item.resends() > 0);
            }
        });
        text(rankColumn, r -> String.valueOf(r.rank()));
        text(closestColumn, r -> (r.kClosest() ? "\u25c6" : "") + (r.trueClosest() ? "\u2713" : ""));
        idColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        idColumn.setCellFactory(col -> new IdCell());
        text(distanceColumn, CandidateRow::distanceHex);
        distanceColumn.setCellFactory(col -> new BriefIdCell<>(vm, "XOR distance to the target "));
        text(stateColumn, CandidateRow::stateLabel);
        stateColumn.setCellFactory(col -> new StateCell());
        text(referrerColumn, CandidateRow::referrer);
        referrerColumn.setCellFactory(col -> new BriefIdCell<>(vm, "told by "));
        text(hopColumn, r -> String.valueOf(r.depth()));
        text(roundColumn, r -> r.round() == 0 ? "" : String.valueOf(r.round()));
        // the narrow columns stay whole (header and text) in any font; the id, distance, state and
        // told-by columns give way first
        WholeColumns whole = new WholeColumns(table);
        whole.keep(rankColumn, "888");
        whole.keep(closestColumn, "\u25c6\u2713");
        whole.keep(hopColumn, "88");
        whole.keep(roundColumn, "88");
        whole.keep(idColumn, () -> CandidateIdText.widestId(vm.keySpace())); // an id never wraps onto a clipped second line
        showResult(vm.operations().operationResultProperty().get());
        vm.operations().operationResultProperty().addListener((o, was, now) -> showResult(now));
        result.visibleProperty().bind(vm.operations().operationResultProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
        picker.setCellFactory(lv -> new SessionCell());
        picker.setButtonCell(new SessionCell());
    }

    private static Tooltip wrapping() {
        Tooltip t = new Tooltip();
        t.setWrapText(true);
        t.setMaxWidth(600);
        return t;
    }

    private static void text(TableColumn<CandidateRow, String> column, Function<CandidateRow, String> f) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
    }

    /** A lookup picked from the list: the ring, the table and the graph follow it. */
    @FXML
    private void pickLookup() {
        if (!syncing && picker.getValue() != null) {
            vm.selection().selectLookup(picker.getValue());
        }
    }

    /** The table (for tests). */
    public TableView<CandidateRow> table() {
        return table;
    }

    /** The list of recent lookups in the header (for tests). */
    public ComboBox<LookupSession> picker() {
        return picker;
    }

    /** The header line above the summary: the operation and its target (for tests). */
    public String subtitleText() {
        return subtitle.getText();
    }

    /** The text the id column shows for {@code row}, without its styling (for tests). */
    public String idText(CandidateRow row) {
        return String.join("", CandidateIdText.idParts(row, vm.keySpace()));
    }

    /** The header of the id column (for tests). */
    public String idHeader() {
        return idColumn.getText();
    }

    /** The summary line (for tests). */
    public String summaryText() {
        return summary.getText();
    }

    /** The "why it stopped" headline and text, or "" while the lookup runs (for tests). */
    public String whyText() {
        return why.getText().isEmpty() ? "" : whyPane.getText() + "\n" + why.getText();
    }

    /** Opens or folds the reason the lookup stopped. */
    public void showWhyInFull(boolean open) {
        whyPane.setExpanded(open);
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
        LookupSession s = vm.selection().selectedLookup();
        Object signature = java.util.Arrays.asList(vm.network(), s, s == null ? 0 : s.version(), vm.membershipVersion());
        if (signature.equals(shownSignature)) {
            return;
        }
        shownSignature = signature;
        rebuilds++;
        KeySpace ks = vm.keySpace();
        boolean wide = IdText.abbreviates(ks);
        idColumn.setText(wide ? WIDE_ID_HEADER : NARROW_ID_HEADER);
        if (s == null) {
            subtitle.setText("");
            subtitle.setTooltip(null);
            summary.setTooltip(null);
            summary.setText("The candidates of a find_node appear here, closest to the target first. "
                    + "\u25c6 marks the current k closest, \u2713 the true k closest once it ends.");
            table.getItems().clear();
            showWhy(List.of());
            return;
        }
        showWhy(StopExplanation.explain(s, ks));
        whyPane.setText("Why it stopped: " + StopExplanation.headline(s));
        String title = s.title(ks);
        String fullSubtitle = title + "  (bin " + IdText.grouped(ks.binary(s.target())) + ")";
        String fullSummary = s.summary(vm.network());
        if (wide) {
            // one line: abbreviated ids and the target's leading bits; the whole of it in the tooltips
            subtitle.setWrapText(false);
            subtitle.setText(IdText.briefAll(ks, title) + "  (bin " + IdText.briefBinary(ks, s.target()) + ")");
            subtitleTip.setText(title + "\ntarget " + ks.hex(s.target()) + "\nbin " + IdText.grouped(ks.binary(s.target())));
            subtitle.setTooltip(subtitleTip);
            summary.setText(IdText.briefAll(ks, fullSummary));
            summaryTip.setText(fullSummary);
            summary.setTooltip(summary.getText().equals(fullSummary) ? null : summaryTip);
        } else {
            subtitle.setWrapText(true);
            subtitle.setText(fullSubtitle);
            subtitle.setTooltip(null);
            summary.setText(fullSummary);
            summary.setTooltip(null);
        }
        List<CandidateRow> rows = s.rows(vm.network());
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

    /** Shows why the lookup stopped under its summary, or hides the line while it runs. */
    private void showWhy(List<String> lines) {
        String text = lines.isEmpty() ? "" : String.join("\n", lines);
        why.setText(text);
        whyPane.setVisible(!text.isEmpty());
        whyPane.setManaged(!text.isEmpty());
    }

    /** Shows the latest operation result, its ids abbreviated in a wide key space (all of it in the tooltip then). */
    private void showResult(String text) {
        String shown = IdText.briefAll(vm.keySpace(), text);
        result.setText(shown);
        resultTip.setText(text);
        result.setTooltip(shown == null || shown.equals(text) ? null : resultTip);
    }

    /** Brings the list of recent lookups (their labels change as they run) and its selection up to date. */
    private void syncPicker() {
        var recent = vm.selection().recentLookups();
        KeySpace ks = vm.keySpace();
        List<String> labels = new java.util.ArrayList<>(recent.size());
        for (LookupSession r : recent) {
            labels.add(r.label(ks));
        }
        LookupSession sel = vm.selection().selectedLookup();
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

    /** A candidate's state in words, with what it means in the tooltip (slow, late answer, asked again). */
    private static final class StateCell extends TableCell<CandidateRow, String> {
        StateCell() {
            LazyTooltip.install(this, () -> {
                CandidateRow row = getTableRow() == null ? null : getTableRow().getItem();
                return row == null ? null : row.stateHelp();
            }, null);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
        }
    }

    /** A recent lookup as one line: find_node 555e -> a000 (exact). */
    private final class SessionCell extends ListCell<LookupSession> {
        @Override
        protected void updateItem(LookupSession item, boolean empty) {
            super.updateItem(item, empty);
            setText(item == null || empty ? null : item.label(vm.keySpace()));
        }
    }

    /**
     * An id cell. Narrow ids: hex, then binary with the prefix shared with the target in bold. Wide
     * ids, on one line: the abbreviated hex with the digits inside the shared prefix in bold, then the
     * prefix length in bits; the full id and its binary in the tooltip.
     */
    private final class IdCell extends TableCell<CandidateRow, CandidateRow> {
        private final Tooltip tip = new Tooltip();

        @Override
        protected void updateItem(CandidateRow r, boolean empty) {
            super.updateItem(r, empty);
            setText(null);
            if (r == null || empty) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            KeySpace ks = vm.keySpace();
            List<String> parts = CandidateIdText.idParts(r, ks);
            Text a;
            Text b;
            Text c;
            if (IdText.abbreviates(ks)) {
                a = styled(parts.get(0), "id-prefix");
                b = styled(parts.get(1), "id-hex");
                c = styled(parts.get(2), "id-rest");
                tip.setText("id " + r.hex() + "\nbin " + IdText.grouped(r.binary()) + "\nshares "
                        + IdText.bits(r.sharedPrefix()) + " with the target");
                setTooltip(tip);
            } else {
                a = styled(parts.get(0), "id-hex");
                b = styled(parts.get(1), "id-prefix");
                c = styled(parts.get(2), "id-rest");
                setTooltip(null);
            }
            TextFlow flow = new TextFlow(a, b, c);
            HBox box = new HBox(flow);
            setGraphic(box);
        }

        private Text styled(String text, String styleClass) {
            Text t = new Text(text);
            t.getStyleClass().add(styleClass);
            return t;
        }
    }
}
