package org.kadlab.ui.whatif;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.LookupMode;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.IdText;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.StopExplanation;
import org.kadlab.ui.model.WhatIf;

/**
 * What-if, side by side: pick one change (alpha, lookup mode, kill or revive a node, loss), run the
 * inspected find_node again from the moment it started, and read the run as it was next to the run
 * with the change: a one-line diff, then for each its settings, summary, why it stopped and its
 * candidates.
 */
public final class WhatIfView extends VBox {
    /** The kinds of change, as the choice box shows them. */
    static final List<String> KINDS = List.of("alpha", "lookup mode", "kill node", "revive node", "loss %");
    private final NetworkViewModel vm;
    private final ChoiceBox<String> kind = new ChoiceBox<>();
    private final TextField value = new TextField();
    private final Label fieldError = new Label();
    private final Label diff = new Label();
    private final Column asWas = new Column("As it was");
    private final Column changed = new Column("With the change");

    public WhatIfView(NetworkViewModel vm) {
        this.vm = vm;
        getStyleClass().add("what-if-view");
        setId("what-if-view");
        setSpacing(8);
        setPadding(new Insets(10));
        Label head = new Label("Run the inspected find_node again from the moment it started, with one change:");
        head.getStyleClass().add("what-if-head");
        kind.getItems().setAll(KINDS);
        kind.setId("what-if-kind");
        kind.getSelectionModel().select(0);
        kind.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> suggest());
        value.setId("what-if-value");
        value.setPrefColumnCount(10);
        value.textProperty().addListener((o, a, b) -> clearError());
        value.setOnAction(e -> run());
        Button run = new Button("Run what-if");
        run.setId("what-if-run");
        run.setDefaultButton(false);
        run.setOnAction(e -> run());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.whatIf().cancel());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.whatIf().runningProperty());
        cancel.visibleProperty().bind(vm.whatIf().runningProperty());
        fieldError.setId("what-if-error");
        fieldError.getStyleClass().add("field-message");
        HBox controls = new HBox(8, kind, value, run, busy, cancel);
        controls.setAlignment(Pos.CENTER_LEFT);
        diff.setId("what-if-diff");
        diff.getStyleClass().add("what-if-diff");
        diff.setWrapText(true);
        HBox columns = new HBox(12, asWas, changed);
        HBox.setHgrow(asWas, Priority.ALWAYS);
        HBox.setHgrow(changed, Priority.ALWAYS);
        VBox.setVgrow(columns, Priority.ALWAYS);
        getChildren().addAll(head, controls, fieldError, diff, columns);
        vm.whatIf().resultProperty().addListener((o, a, r) -> show(r));
        suggest();
        show(vm.whatIf().resultProperty().get());
    }

    /** Runs the what-if the fields say; false (with the message at the field) when the value is wrong. */
    public boolean run() {
        WhatIf.Change c = change();
        if (c == null) {
            return false;
        }
        if (!vm.whatIf().run(c, true)) {
            showError(vm.status().targetErrorProperty().get());
            return false;
        }
        return true;
    }

    /** Picks the kind of change and its value (for tests and lessons). */
    public void set(String kindName, String text) {
        kind.getSelectionModel().select(kindName);
        value.setText(text);
    }

    /** The diff line (for tests). */
    public String diffText() {
        return diff.getText();
    }

    /** The message at the value field, or "" (for tests). */
    public String errorText() {
        return fieldError.getText();
    }

    /** The two columns' candidate tables (for tests): as it was, then with the change. */
    public List<TableView<CandidateRow>> tables() {
        return List.of(asWas.table, changed.table);
    }

    private WhatIf.Change change() {
        String text = value.getText() == null ? "" : value.getText().strip();
        KeySpace ks = vm.keySpace();
        try {
            return switch (kind.getValue()) {
                case "alpha" -> new WhatIf.Alpha(Integer.parseInt(text));
                case "lookup mode" -> new WhatIf.Mode(LookupMode.valueOf(text.toUpperCase(Locale.ROOT).replace(' ', '_')));
                case "kill node" -> new WhatIf.Kill(ks.parse(text));
                case "revive node" -> new WhatIf.Revive(ks.parse(text));
                default -> new WhatIf.Loss(Double.parseDouble(text.replace("%", "").strip()) / 100.0);
            };
        } catch (IllegalArgumentException e) {
            showError(switch (kind.getValue()) {
                case "alpha" -> "alpha: a whole number from 1 to 64, not \"" + text + "\"";
                case "lookup mode" -> "lookup mode: sliding, rounds or seed_rounds, not \"" + text + "\"";
                case "loss %" -> "loss: a percentage from 0 to 99, not \"" + text + "\"";
                default -> kind.getValue() + ": " + e.getMessage();
            });
            return null;
        }
    }

    /** Fills the value field with a sensible start for the kind of change picked. */
    private void suggest() {
        LookupSession s = vm.selection().selectedLookup();
        String text = switch (kind.getValue()) {
            case "alpha" -> vm.network().alpha() == 1 ? "3" : "1";
            case "lookup mode" -> vm.network().lookupMode() == LookupMode.SLIDING ? "rounds" : "sliding";
            case "kill node", "revive node" -> firstAsked(s);
            default -> "10";
        };
        value.setText(text);
        clearError();
    }

    /** The first peer the inspected lookup asked (a good node to kill in a what-if), or "". */
    private String firstAsked(LookupSession s) {
        if (s == null || !s.hasLookup()) {
            return "";
        }
        for (var c : s.lookup().candidates()) {
            if (c.depth() == 1 && c.state() != Lookup.CandidateState.NOT_CONTACTED) {
                return vm.keySpace().hex(c.id());
            }
        }
        return "";
    }

    private void showError(String message) {
        fieldError.setText(message == null ? "" : message);
        value.getStyleClass().remove("field-error");
        if (message != null && !message.isEmpty()) {
            value.getStyleClass().add("field-error");
        }
    }

    private void clearError() {
        showError("");
    }

    private void show(WhatIf.Result r) {
        if (r == null) {
            diff.setText("Inspect a find_node, pick a change and press Run what-if.");
            asWas.show(null, null);
            changed.show(null, null);
            return;
        }
        diff.setText("What if " + r.change() + "? " + WhatIf.diff(r, vm.keySpace()));
        changed.title = "With " + r.change();
        asWas.show(r.asWas(), r.asWasNetwork());
        changed.show(r.changed(), r.changedNetwork());
    }

    /** One run: its settings, summary, why it stopped and its candidates. */
    private final class Column extends VBox {
        private String title;
        private final Label head = new Label();
        private final Label summary = new Label();
        private final Label why = new Label();
        private final TableView<CandidateRow> table = new TableView<>();

        Column(String title) {
            this.title = title;
            setSpacing(4);
            head.getStyleClass().add("what-if-column-head");
            summary.setWrapText(true);
            summary.setMinHeight(USE_PREF_SIZE);
            why.setWrapText(true);
            why.setMinHeight(USE_PREF_SIZE);
            why.getStyleClass().add("lookup-why");
            table.getStyleClass().add("candidate-table");
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            table.getColumns().add(column("#", 34, r -> String.valueOf(r.rank())));
            table.getColumns().add(column("k", 28, r -> r.kClosest() ? "\u25c6" : ""));
            table.getColumns().add(column("id", 90, r -> IdText.brief(vm.keySpace(), r.id())));
            table.getColumns().add(column("state", 90, r -> r.lookupOver() && r.state() == Lookup.CandidateState.WAITING
                    ? "not needed" : CandidateRow.label(r.state())));
            table.getColumns().add(column("hop", 40, r -> String.valueOf(r.depth())));
            table.getColumns().add(column("true k", 50, r -> r.trueClosest() ? "\u2713" : ""));
            VBox.setVgrow(table, Priority.ALWAYS);
            getChildren().addAll(head, summary, why, table);
        }

        void show(LookupSession s, org.kadlab.ui.model.NetworkModel net) {
            if (s == null) {
                head.setText(title);
                summary.setText("");
                why.setText("");
                table.getItems().clear();
                return;
            }
            head.setText(title + " (" + s.ranUnder() + ")");
            head.setTooltip(new Tooltip(head.getText()));
            summary.setText(IdText.briefAll(vm.keySpace(), s.summary(net)));
            why.setText(String.join("\n", StopExplanation.explain(s, net.keySpace())));
            table.getItems().setAll(s.rows(net));
        }

        private TableColumn<CandidateRow, String> column(String name, double width,
                                                         java.util.function.Function<CandidateRow, String> text) {
            TableColumn<CandidateRow, String> c = new TableColumn<>(name);
            c.setPrefWidth(width);
            c.setSortable(false);
            c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(text.apply(d.getValue())));
            return c;
        }
    }
}
