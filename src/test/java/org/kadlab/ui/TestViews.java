package org.kadlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.kadlab.sim.SimNode;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.ring.RingView;
import org.kadlab.ui.theme.Theme;

/** Test helpers for views: show one in a window styled like the app's, and check the ring's labels. */
public final class TestViews {
    private TestViews() {
    }

    /** Shows {@code view} alone in a new window of the given size, with the app's stylesheet (FX thread). */
    public static Stage show(Parent view, double width, double height) {
        Stage stage = new Stage();
        Scene scene = new Scene(view, width, height);
        scene.getStylesheets().add(Theme.appStylesheet());
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    /**
     * The message written just below {@code field} (a visible label of style class
     * field-error-message whose top-left corner is at the field's bottom-left corner), or null.
     */
    public static String messageBelow(javafx.scene.control.Control field) {
        Bounds f = field.localToScene(field.getLayoutBounds());
        for (javafx.scene.Node n : field.getScene().getRoot().lookupAll(".field-error-message")) {
            if (n instanceof javafx.scene.control.Label l && l.isVisible() && l.getScene() != null) {
                Bounds b = l.localToScene(l.getLayoutBounds());
                if (Math.abs(b.getMinX() - f.getMinX()) <= 6 && b.getMinY() >= f.getMaxY() - 4
                        && b.getMinY() <= f.getMaxY() + 8) {
                    return l.getText();
                }
            }
        }
        return null;
    }

    /** The boxes of the node labels the ring shows now. */
    public static List<Bounds> ringLabelBoxes(RingView ring, NetworkViewModel vm) {
        List<Bounds> boxes = new ArrayList<>();
        for (SimNode n : vm.simulation().nodes()) {
            Text t = ring.label(n.id());
            if (t != null) {
                boxes.add(t.getBoundsInParent());
            }
        }
        return boxes;
    }

    /** A pair of boxes that overlap by more than half a pixel each way, or null if none do. */
    public static String overlapping(List<Bounds> boxes) {
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                Bounds a = boxes.get(i);
                Bounds b = boxes.get(j);
                if (a.getMinX() < b.getMaxX() - 0.5 && b.getMinX() < a.getMaxX() - 0.5 && a.getMinY() < b.getMaxY() - 0.5
                        && b.getMinY() < a.getMaxY() - 0.5) {
                    return a + " and " + b;
                }
            }
        }
        return null;
    }
}
