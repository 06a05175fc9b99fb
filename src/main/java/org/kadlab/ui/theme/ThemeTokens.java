package org.kadlab.ui.theme;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The theme's named colour tokens (the {@code -kad-*} looked-up colours of kadlab.css, the one place
 * the palette is defined), read as CSS resolves them where this probe sits in the scene. Views that
 * draw outside CSS (the GraphStream graph) take their colours from it, and hear when the theme
 * changes them; nothing walks up the parents to guess the theme.
 *
 * <ol>
 *   <li>Each token gets an invisible, unmanaged region styled {@code -fx-background-color: TOKEN}.</li>
 *   <li>CSS resolves the token for that region like for any other node, dark or light.</li>
 *   <li>{@link #color} reads the resolved fill; {@link #onChange} runs when any fill changes.</li>
 * </ol>
 */
public final class ThemeTokens extends Pane {
    private final Map<String, Region> probes = new LinkedHashMap<>();
    private Runnable onChange = () -> {
    };

    /** A probe for {@code tokens}, such as {@code "-kad-bg"}. */
    public ThemeTokens(String... tokens) {
        setManaged(false);
        setMouseTransparent(true);
        setOpacity(0);
        resize(0, 0);
        getStyleClass().add("theme-tokens");
        for (String t : tokens) {
            if (!t.matches("-kad-[a-z0-9-]+")) {
                throw new IllegalArgumentException("not a theme token: " + t);
            }
            Region r = new Region();
            r.setManaged(false);
            r.setStyle("-fx-background-color: " + t + ";");
            r.backgroundProperty().addListener((o, was, now) -> onChange.run());
            probes.put(t, r);
            getChildren().add(r);
        }
    }

    /** Runs {@code action} whenever a token's colour changes (a theme switch, or the first styling). */
    public void onChange(Runnable action) {
        onChange = action == null ? () -> {
        } : action;
    }

    /** The colour {@code token} resolves to here, or {@code fallback} while CSS has not styled the probe yet. */
    public Color color(String token, Color fallback) {
        Region r = probes.get(token);
        if (r == null) {
            throw new IllegalArgumentException("no probe for " + token);
        }
        Background b = r.getBackground();
        if (b == null || b.getFills().isEmpty()) {
            return fallback;
        }
        Paint p = b.getFills().get(0).getFill();
        return p instanceof Color c ? c : fallback;
    }

    /** {@code #rrggbb} of a colour, for stylesheets written outside JavaFX CSS. */
    public static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
