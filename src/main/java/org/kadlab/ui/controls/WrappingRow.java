package org.kadlab.ui.controls;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;

/**
 * A row of controls that prefers to be one line and wraps onto more lines where it is given less
 * width: its preferred width is its children side by side, its minimum the widest child, so it
 * never makes the window wider than it is. (A plain FlowPane prefers its wrap length instead.)
 */
public final class WrappingRow extends FlowPane {
    /** An empty row (the FXML layouts fill it and set its gap). */
    public WrappingRow() {
        super(14, 4);
        setAlignment(Pos.CENTER_LEFT);
        setRowValignment(VPos.CENTER);
    }

    /** A group of controls stays whole on one line, each at its preferred width. */
    static void keepWhole(javafx.scene.layout.HBox group) {
        group.setSpacing(6);
        group.setAlignment(Pos.CENTER_LEFT);
        group.setMinWidth(USE_PREF_SIZE);
        for (Node n : group.getChildren()) {
            if (n instanceof javafx.scene.layout.Region r) {
                r.setMinWidth(USE_PREF_SIZE);
            }
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        double width = 0;
        int n = 0;
        for (Node child : getManagedChildren()) {
            width += snapSizeX(child.prefWidth(-1));
            n++;
        }
        Insets in = getInsets();
        return snapSpaceX(in.getLeft()) + width + Math.max(0, n - 1) * snapSpaceX(getHgap()) + snapSpaceX(in.getRight());
    }
}
