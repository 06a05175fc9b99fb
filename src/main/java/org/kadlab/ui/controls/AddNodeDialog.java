package org.kadlab.ui.controls;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.IdText;
import org.kadlab.ui.model.NetworkViewModel;

/**
 * "Add with id": a pop-over, opened from its button beside Add nodes, that adds one node either with
 * an id typed in hex or binary (as the target field takes ids) or with a free id in bucket i of the
 * selected node, so that a teacher can fill a bucket or stage a newcomer on purpose. The work is
 * {@link org.kadlab.ui.model.NetworkCommands#addNodeWithId} and
 * {@link org.kadlab.ui.model.NetworkCommands#addNodeInBucket}; a refused id or bucket is marked at its
 * field with the reason, and the pop-over stays open.
 */
public final class AddNodeDialog {
    private final NetworkViewModel vm;
    private final Button opener = new Button("Add with id\u2026");
    private final PopOver popOver = new PopOver();
    private final RadioButton typed = new RadioButton("This id");
    private final RadioButton inBucket = new RadioButton("A free id in bucket");
    private final TextField idField = new TextField();
    private final Spinner<Integer> bucketField = new Spinner<>();
    private final Label selected = new Label();
    private final Label error = new Label();
    private final FieldChecks checks = new FieldChecks();

    public AddNodeDialog(NetworkViewModel vm) {
        this.vm = vm;
        opener.setId("add-with-id-button");
        opener.setFocusTraversable(false);
        opener.setTooltip(new Tooltip("Add one node with an id you choose, or with a free id in bucket i of the selected node "
                + "(to fill a bucket or stage a newcomer on purpose); saved in the scenario as add: {ids: [...]}"));
        opener.setOnAction(e -> show());
        popOver.setArrowLocation(PopOver.ArrowLocation.TOP_LEFT);
        popOver.setDetachable(false);
        popOver.setAutoHide(true);
        popOver.getStyleClass().add("node-popover");
        popOver.setTitle("Add a node with this id");
        popOver.setContentNode(content());
        vm.networkProperty().addListener((o, a, b) -> fitBuckets());
        vm.selection().selectedNodeProperty().addListener((o, a, b) -> describeSelection());
        fitBuckets();
        describeSelection();
    }

    private VBox content() {
        ToggleGroup how = new ToggleGroup();
        typed.setToggleGroup(how);
        inBucket.setToggleGroup(how);
        typed.setSelected(true);
        typed.setId("add-id-typed");
        inBucket.setId("add-id-in-bucket");
        idField.setId("add-id-field");
        idField.setPromptText("hex, or 0b and binary");
        idField.setPrefColumnCount(18);
        idField.setOnAction(e -> add());
        idField.textProperty().addListener((o, a, b) -> typed.setSelected(true));
        bucketField.setId("add-bucket-field");
        bucketField.setEditable(true);
        bucketField.setPrefWidth(80);
        bucketField.getEditor().textProperty().addListener((o, a, b) -> inBucket.setSelected(true));
        Button add = new Button("Add");
        add.setId("add-id-confirm");
        add.setDefaultButton(false);
        add.setOnAction(e -> add());
        error.setId("add-id-error");
        error.getStyleClass().add("error-label");
        error.setWrapText(true);
        error.setMaxWidth(360);
        error.textProperty().bind(vm.status().targetErrorProperty());
        selected.setWrapText(true);
        selected.setMaxWidth(360);
        HBox one = row(typed, idField);
        HBox two = row(inBucket, bucketField, new Label("of the selected node"));
        VBox box = new VBox(6, one, two, selected, row(add), error);
        box.setPadding(new Insets(8));
        box.getStyleClass().add("node-details");
        checks.check(idField, idField::getText, t -> t.isBlank() || !typed.isSelected() ? null : vm.commands().idProblem(t));
        checks.check(bucketField, bucketField.getEditor()::getText,
                t -> inBucket.isSelected() ? BarRules.whole(t, "Bucket", 0, vm.keySpace().bits() - 1) : null);
        vm.status().targetErrorProperty().addListener((o, a, b) -> {
            if (b == null || b.isEmpty()) {
                checks.forgive();
            }
        });
        return box;
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox h = new HBox(6, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /** The button that opens the pop-over. */
    public Button opener() {
        return opener;
    }

    /** Opens the pop-over below its button. */
    public void show() {
        describeSelection();
        if (opener.getScene() != null && opener.getScene().getWindow() != null) {
            popOver.show(opener);
            themeBorder();
        }
    }

    /** Gives the pop-over's frame the theme's panel colour (ControlsFX's own stylesheet outranks the scene's). */
    private void themeBorder() {
        if (popOver.getSkin() != null && popOver.getSkin().getNode().lookup(".border") != null) {
            popOver.getSkin().getNode().lookup(".border").setStyle("-fx-fill: -kad-panel-2; -fx-stroke: -kad-line;");
        }
    }

    public boolean isShowing() {
        return popOver.isShowing();
    }

    public void hide() {
        popOver.hide();
    }

    /** Adds the node the pop-over describes; on refusal marks the field with the reason and returns false. */
    public boolean add() {
        if (typed.isSelected()) {
            return addTyped(idField.getText());
        }
        return addInBucket(bucketField.getEditor().getText());
    }

    /** Adds a node with the id in {@code text} (typed into the id field); false with the reason at the field. */
    public boolean addTyped(String text) {
        if (!text.equals(idField.getText())) {
            idField.setText(text);
        }
        typed.setSelected(true);
        boolean ok = vm.commands().addNodeWithId(text);
        if (!ok) {
            checks.blame(idField, vm.status().targetErrorProperty().get());
        }
        return ok;
    }

    /** Adds a node in the bucket typed as {@code text} of the selected node; false with the reason at the field. */
    public boolean addInBucket(String text) {
        bucketField.getEditor().setText(text);
        inBucket.setSelected(true);
        String refused = BarRules.whole(text, "Bucket", 0, vm.keySpace().bits() - 1);
        if (refused != null) {
            vm.status().showError(refused);
            checks.blame(bucketField, refused);
            return false;
        }
        int index = BarRules.parseWhole(text);
        bucketField.getValueFactory().setValue(index);
        boolean ok = vm.commands().addNodeInBucket(index);
        if (!ok) {
            checks.blame(bucketField, vm.status().targetErrorProperty().get());
        }
        return ok;
    }

    /** The error marked at the id field ({@code "add-id-field"}) or the bucket field ({@code "add-bucket-field"}), if any. */
    public Optional<String> fieldError(String id) {
        Control c = "add-id-field".equals(id) ? idField : "add-bucket-field".equals(id) ? bucketField : null;
        return c == null ? Optional.empty() : checks.error(c);
    }

    private void fitBuckets() {
        if (vm.network() == null) {
            return;
        }
        int bits = vm.keySpace().bits();
        Integer was = bucketField.getValue();
        bucketField.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, bits - 1,
                was == null ? bits - 1 : Math.min(was, bits - 1)));
        BarRules.lenient(bucketField);
    }

    private void describeSelection() {
        NodeId sel = vm.selection().selectedNode();
        selected.setText(sel == null ? "No node is selected: click one to add into its buckets."
                : "Selected node " + IdText.brief(vm.keySpace(), sel) + "; bucket i holds the ids at XOR distance [2^i, 2^(i+1)) "
                        + "from it.");
    }
}
