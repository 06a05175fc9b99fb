package org.kadlab.ui.widgets;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.IdText;
import org.kadlab.ui.model.NetworkViewModel;

/**
 * A node's details in a ControlsFX {@link PopOver}, opened by a right click on its dot: the full id in
 * hex and binary, live or down, its routing table in one line, where it sits from the selected
 * node (bucket, XOR distance, held or not), and buttons to select it or make it the lookup target.
 * One pop-over per view is reused.
 */
public final class NodePopOver {
    private final NetworkViewModel vm;
    private final PopOver popOver = new PopOver();
    private NodeId shown;

    public NodePopOver(NetworkViewModel vm) {
        this.vm = vm;
        popOver.setArrowLocation(PopOver.ArrowLocation.LEFT_CENTER);
        popOver.setDetachable(false);
        popOver.setAutoHide(true);
        popOver.getStyleClass().add("node-popover");
    }

    /** Makes a right click on {@code dot} open its details. */
    public void attach(NodeDot dot) {
        dot.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                show(dot);
                e.consume();
            }
        });
    }

    /** Opens the details of {@code dot}'s node beside it. */
    public void show(NodeDot dot) {
        shown = dot.node();
        popOver.setContentNode(content(dot.node()));
        popOver.setTitle(IdText.brief(vm.keySpace(), dot.node()));
        if (dot.getScene() != null && dot.getScene().getWindow() != null) {
            popOver.show(dot);
            themeBorder();
        }
    }

    /**
     * Gives the pop-over's frame the theme's panel colours. ControlsFX styles it from its own
     * stylesheet, which outranks the scene's, so the theme's tokens are set on the frame itself.
     */
    private void themeBorder() {
        if (popOver.getSkin() == null) {
            return;
        }
        javafx.scene.Node border = popOver.getSkin().getNode().lookup(".border");
        if (border != null) {
            border.setStyle("-fx-fill: -kad-panel-2; -fx-stroke: -kad-line;");
        }
    }

    /** Whether the details are open (for tests). */
    public boolean isShowing() {
        return popOver.isShowing();
    }

    /** The node whose details were shown last, or null. */
    public NodeId shownNode() {
        return shown;
    }

    public void hide() {
        popOver.hide();
    }

    /** The details of node {@code id}, as the pop-over shows them. */
    VBox content(NodeId id) {
        VBox box = new VBox(4);
        box.getStyleClass().add("node-details");
        for (String line : lines(id)) {
            Label l = new Label(line);
            l.getStyleClass().add("node-details-line");
            box.getChildren().add(l);
        }
        Button select = new Button("Select");
        select.setOnAction(e -> {
            vm.selection().select(id);
            popOver.hide();
        });
        Button target = new Button("Make target");
        target.setOnAction(e -> {
            vm.operations().targetTextProperty().set(vm.keySpace().hex(id));
            popOver.hide();
        });
        HBox buttons = new HBox(6, select, target);
        buttons.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().add(buttons);
        return box;
    }

    /** The text lines of node {@code id}'s details (see {@link NodeTooltips#details}). */
    public String[] lines(NodeId id) {
        return NodeTooltips.details(id, vm);
    }
}
