package org.kadlab.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Parent;

/**
 * Presentation mode (Ctrl+P): everything larger for a projector, and back exactly as it was.
 *
 * <ol>
 *   <li>On: the style class {@link #STYLE_CLASS} goes on the window's root, and the stylesheet's
 *       presentation rules scale every font (controls, views, tables, caption, legends); the ring's
 *       dots grow with its labels, the XOR view's dots with its ring labels.</li>
 *   <li>The views make room for the larger controls: the views take {@link #VIEWS_SHARE} of the
 *       width, and the XOR view folds its key away so its rings take the whole view (the Key button
 *       shows it again): its rings never get smaller.</li>
 *   <li>Off: the style class goes, and what presentation mode changed (the key's fold, the split)
 *       is put back as it was, so the layout is restored exactly.</li>
 * </ol>
 */
public final class Presentation {
    /** The style class of presentation mode on the window's root. */
    public static final String STYLE_CLASS = KadLabApp.PRESENTATION;

    private final Parent root;
    private final MainView view;
    private final ReadOnlyBooleanWrapper on = new ReadOnlyBooleanWrapper(this, "presenting", false);
    private boolean keyWasShown;
    private double[] dividersWere;
    /** Where the split between the views and the panels goes in presentation mode: the views get more room. */
    static final double VIEWS_SHARE = 0.53;

    public Presentation(Parent root, MainView view) {
        this.root = root;
        this.view = view;
    }

    /** Whether presentation mode is on. */
    public ReadOnlyBooleanProperty presentingProperty() {
        return on.getReadOnlyProperty();
    }

    public boolean isOn() {
        return on.get();
    }

    /** The layer above the root that holds the messages written at fields, if the scene has one. */
    private java.util.Optional<Parent> decorationLayer() {
        Parent top = root.getScene() == null ? null : root.getScene().getRoot();
        return top == null || top == root ? java.util.Optional.empty() : java.util.Optional.of(top);
    }

    /** Switches presentation mode on or off. */
    public void toggle() {
        set(!on.get());
    }

    /** Switches presentation mode on or off (nothing happens when it already is). */
    public void set(boolean present) {
        if (present == on.get()) {
            return;
        }
        var key = view.distanceView().keyToggle();
        var split = view.centre();
        if (present) {
            keyWasShown = key.isSelected();
            dividersWere = split.getDividerPositions();
            key.setSelected(false);
            split.setDividerPositions(Math.max(VIEWS_SHARE, dividersWere.length == 0 ? 0 : dividersWere[0]));
            root.getStyleClass().add(STYLE_CLASS);
            decorationLayer().ifPresent(top -> top.getStyleClass().add(STYLE_CLASS));
        } else {
            root.getStyleClass().remove(STYLE_CLASS);
            decorationLayer().ifPresent(top -> top.getStyleClass().remove(STYLE_CLASS));
            key.setSelected(keyWasShown);
            split.setDividerPositions(dividersWere);
        }
        on.set(present);
        root.applyCss();
        root.requestLayout();
    }
}
