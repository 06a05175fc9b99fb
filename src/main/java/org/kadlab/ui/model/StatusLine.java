package org.kadlab.ui.model;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the window says in words: the caption (the latest step in plain language), the inline error
 * of the last action, and why settings could not be applied.
 *
 * <ol>
 *   <li>Outside a single step, each caption replaces the last.</li>
 *   <li>During one step ({@link #beginStep()} .. {@link #endStep()}) the captions are collected, at
 *       most {@link #MAX_STEP_CAPTIONS}, without repeats, and told together; a lookup's end leads.</li>
 * </ol>
 */
public final class StatusLine {
    /** Most captions one step tells. */
    public static final int MAX_STEP_CAPTIONS = 3;
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyStringWrapper targetError = new ReadOnlyStringWrapper(this, "targetError", "");
    private final ReadOnlyStringWrapper settingsError = new ReadOnlyStringWrapper(this, "settingsError", "");
    private List<String> stepCaptions;
    private String stepResult;

    /** The latest step in plain language. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** Why the last action could not run, or "" when it could. */
    public ReadOnlyStringProperty targetErrorProperty() {
        return targetError.getReadOnlyProperty();
    }

    /** Why the last settings could not be applied (naming the field), or "". */
    public ReadOnlyStringProperty settingsErrorProperty() {
        return settingsError.getReadOnlyProperty();
    }

    /** Shows {@code message} as the inline error (for actions outside the view model, such as exports). */
    public void showError(String message) {
        targetError.set(message == null ? "" : message);
    }

    /** Shows {@code text} as the caption and clears the inline error. */
    public void showCaption(String text) {
        targetError.set("");
        caption.set(text);
    }

    void caption(String text) {
        caption.set(text);
    }

    void error(String text) {
        targetError.set(text);
    }

    void clearError() {
        targetError.set("");
    }

    void settingsError(String text) {
        settingsError.set(text == null ? "" : text);
    }

    /** From now until {@link #endStep()}, captions are collected and told together. */
    void beginStep() {
        stepCaptions = new ArrayList<>();
        stepResult = null;
    }

    /** Tells what the step did: the end of a lookup first, then the rest. */
    void endStep() {
        List<String> said = stepCaptions;
        String result = stepResult;
        stepCaptions = null;
        stepResult = null;
        if (said == null) {
            return;
        }
        if (result != null) {
            caption.set(said.isEmpty() ? result : result + " This step: " + String.join(" Then ", said));
        } else if (!said.isEmpty()) {
            caption.set(String.join(" Then ", said));
        }
    }

    /** Says {@code text}, the caption of one event; {@code ending} when the event ends a lookup. */
    void tell(String text, boolean ending) {
        if (stepCaptions == null) {
            caption.set(text);
        } else if (ending) {
            stepResult = text;
        } else if (!stepCaptions.contains(text) && stepCaptions.size() < MAX_STEP_CAPTIONS) {
            stepCaptions.add(text);
        }
    }
}
