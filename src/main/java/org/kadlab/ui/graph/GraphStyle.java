package org.kadlab.ui.graph;

import java.util.Locale;
import javafx.scene.paint.Color;
import org.kadlab.ui.theme.ThemeTokens;

/**
 * The GraphStream stylesheet of the network graph, written from the theme's colour tokens, so the
 * graph shows the same colours as every other view in either theme: selected orange, lookup origin
 * pink, contacts green, queried blue, failed red, down grey.
 */
final class GraphStyle {
    /** The tokens the graph reads, in the order {@link #stylesheet} uses them. */
    static final String[] TOKENS = {"-kad-bg", "-kad-live", "-kad-fg", "-kad-dead", "-kad-line", "-kad-contact",
            "-kad-answered", "-kad-failed", "-kad-target", "-kad-selected"};

    private static final String STYLE = """
            graph { fill-color: %1$s; padding: 40px; }
            node { size: 9px; fill-color: %2$s; stroke-mode: plain; stroke-color: %1$s; stroke-width: 1px;
                   text-color: %3$s; text-size: 11; text-alignment: under; text-background-mode: none; z-index: 2; }
            node.dead { fill-color: %4$s; text-color: %4$s; }
            node.contact { fill-color: %6$s; size: 11px; }
            node.queried { fill-color: %7$s; size: 12px; }
            node.failed { fill-color: %8$s; size: 12px; }
            node.origin { fill-color: %9$s; size: 15px; }
            node.selected { fill-color: %10$s; size: 16px; stroke-color: %3$s; stroke-width: 2px; z-index: 4; }
            edge { fill-color: %5$s; size: 1px; z-index: 0; }
            edge.contact { fill-color: %6$s; size: 1.5px; z-index: 1; }
            edge.path { fill-color: %7$s; size: 3px; z-index: 3; }
            """;

    private GraphStyle() {
    }

    /** The stylesheet with the colours the tokens resolve to in {@code tokens} (grey until CSS styled them). */
    static String stylesheet(ThemeTokens tokens) {
        Object[] colours = new Object[TOKENS.length];
        for (int i = 0; i < TOKENS.length; i++) {
            colours[i] = ThemeTokens.hex(tokens.color(TOKENS[i], Color.GRAY));
        }
        return String.format(Locale.ROOT, STYLE, colours);
    }
}
