package org.kadlab.ui.widgets;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * A tooltip that is made the first time the mouse enters its node, with its text computed each
 * time it shows: thousands of dots and chips cost no tooltip until someone hovers one, and a node
 * whose content changes needs no new tooltip.
 */
public final class LazyTooltip {
    private static final Object TEXT = new Object();
    private static final Object INSTALLED = new Object();

    private LazyTooltip() {
    }

    /** Gives {@code node} a tooltip showing {@code text} (replacing the text of an earlier call). */
    public static void install(Node node, Supplier<String> text, String styleClass) {
        node.getProperties().put(TEXT, text);
        if (node.getProperties().containsKey(INSTALLED)) {
            return;
        }
        node.getProperties().put(INSTALLED, Boolean.TRUE);
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (node.getProperties().containsKey(Tooltip.class)) {
                return;
            }
            Tooltip tip = new Tooltip(textOf(node));
            tip.setShowDelay(Duration.millis(150));
            if (styleClass != null) {
                tip.getStyleClass().add(styleClass);
            }
            tip.setOnShowing(ev -> tip.setText(textOf(node)));
            Tooltip.install(node, tip);
            node.getProperties().put(Tooltip.class, tip);
        });
    }

    /** The text the tooltip of {@code node} shows now, or null if it has none. */
    @SuppressWarnings("unchecked")
    public static String textOf(Node node) {
        Object s = node.getProperties().get(TEXT);
        return s == null ? null : ((Supplier<String>) s).get();
    }
}
