package org.kadlab.ui.controls;

import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kadlab.ui.model.LiveMode;
import org.kadlab.ui.model.NetworkViewModel;

/**
 * File -> Connect to a live network: the address of one running node (HOST:PORT) and, when the
 * node wants one, its token file. A malformed address is marked at its field; the connection is made
 * in the background with its progress shown and a Cancel, and a node that cannot be reached is
 * told in the dialog, which stays open. Once connected the dialog closes and the window shows the
 * live network.
 */
public final class ConnectDialog {
    private final NetworkViewModel vm;
    private final Stage stage = new Stage();
    private final TextField address = new TextField("127.0.0.1:7000");
    private final TextField token = new TextField();
    private final Button connect = new Button("Connect");
    private final Button cancel = new Button("Cancel");
    private final Label progress = new Label();
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Label error = new Label();
    private final FieldChecks checks = new FieldChecks();

    public ConnectDialog(NetworkViewModel vm, Window owner) {
        this.vm = vm;
        stage.setTitle("Connect to a live network");
        if (owner != null) {
            stage.initOwner(owner);
        }
        address.setId("connect-address");
        address.setPrefColumnCount(22);
        address.setPromptText("HOST:PORT of one node, e.g. 127.0.0.1:7000");
        address.setOnAction(e -> connect());
        token.setId("connect-token");
        token.setPrefColumnCount(22);
        token.setPromptText("optional: the node's token file");
        Button browse = new Button("Browse\u2026");
        browse.setOnAction(e -> browse());
        connect.setId("connect-button");
        connect.setDefaultButton(true);
        connect.setOnAction(e -> connect());
        cancel.setId("connect-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> cancel());
        spinner.setPrefSize(18, 18);
        progress.setId("connect-progress");
        error.setId("connect-error");
        error.getStyleClass().add("error-label");
        error.setWrapText(true);
        error.setPrefWidth(440);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.textProperty().addListener((o, a, b) -> stage.sizeToScene());
        checks.check(address, address::getText, LiveMode::checkAddress);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(24); // room for a field's message below it
        form.addRow(0, new Label("Node address"), address);
        form.addRow(1, new Label("Token file"), new HBox(6, token, browse));
        Label hint = new Label("The app asks this node for its routing table, finds the other nodes through theirs, "
                + "and shows their events as they happen. Start nodes with: kadlab node --listen 127.0.0.1:7000");
        hint.setWrapText(true);
        hint.setPrefWidth(440);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox working = new HBox(8, spinner, progress);
        working.setAlignment(Pos.CENTER_LEFT);
        working.visibleProperty().bind(vm.live().connectingProperty());
        working.managedProperty().bind(working.visibleProperty());
        HBox buttons = new HBox(8, connect, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(12, hint, form, working, error, buttons);
        box.setPadding(new Insets(16));
        box.getStyleClass().add("connect-dialog");
        Scene scene = new Scene(box);
        if (owner != null && owner.getScene() != null) { // the window's theme (dark or light) and its stylesheets
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            owner.getScene().getRoot().getStyleClass().stream().filter(c -> !box.getStyleClass().contains(c))
                    .forEach(box.getStyleClass()::add);
        }
        stage.setScene(scene);

        progress.textProperty().bind(vm.live().progressProperty());
        error.textProperty().bind(vm.live().connectErrorProperty());
        connect.disableProperty().bind(vm.live().connectingProperty());
        vm.live().activeProperty().addListener((o, was, on) -> {
            if (on) {
                stage.hide();
            }
        });
    }

    /** Opens the dialog (never blocks). */
    public void show() {
        stage.show();
        stage.toFront();
        address.requestFocus();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    /** The address field (for tests). */
    public TextField addressField() {
        return address;
    }

    /** Connects to the typed address in the background; a malformed one is marked at the field. Returns whether it started. */
    public boolean connect() {
        String bad = LiveMode.checkAddress(address.getText());
        if (bad != null) {
            checks.blame(address, bad);
            return false;
        }
        return vm.live().connect(address.getText(), token.getText());
    }

    private void cancel() {
        if (vm.live().connectingProperty().get()) {
            vm.live().cancelConnect();
        } else {
            stage.hide();
        }
    }

    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("The node's token file");
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            token.setText(f.getPath());
        }
    }
}
