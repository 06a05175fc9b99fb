package org.kadlab.ui.theme;

/**
 * The app's two stylesheets, the one place its look is defined: kadlab.css holds the palette (the
 * Okabe-Ito colours as named {@code -kad-*} tokens, dark by default, light under
 * {@code .theme-light}) and the controls; views.css styles the views with those tokens. Code that
 * draws outside CSS reads the same tokens through {@link ThemeTokens}.
 */
public final class Theme {
    private Theme() {
    }

    /** The palette and the controls' stylesheet, for a scene. */
    public static String appStylesheet() {
        return Theme.class.getResource("kadlab.css").toExternalForm();
    }

    /** The views' stylesheet. */
    public static String viewsStylesheet() {
        return Theme.class.getResource("views.css").toExternalForm();
    }
}
