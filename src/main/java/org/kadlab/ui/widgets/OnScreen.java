package org.kadlab.ui.widgets;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Whether a view is on screen: in a scene of a showing window, and visible together with every
 * parent (the view of a tab that is not selected is not). Views use it to skip work nobody sees.
 */
public final class OnScreen {
    private OnScreen() {
    }

    /** Whether {@code view} can be seen now. */
    public static boolean is(Node view) {
        Scene s = view.getScene();
        if (s == null || s.getWindow() == null || !s.getWindow().isShowing()) {
            return false;
        }
        if (!view.isVisible()) {
            return false;
        }
        for (Parent p = view.getParent(); p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
