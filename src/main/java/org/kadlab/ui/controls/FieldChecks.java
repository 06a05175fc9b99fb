package org.kadlab.ui.controls;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.Control;
import javafx.scene.control.Spinner;
import org.controlsfx.tools.ValueExtractor;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.CompoundValidationDecoration;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

/**
 * Field-level errors shown at the field (ControlsFX {@link ValidationSupport}: the message written
 * just below the field, an error mark with the message as its tooltip, and a red outline).
 *
 * <ol>
 *   <li>Each field has a rule that judges its text directly; a text the rule refuses is marked at
 *       once, and the mark goes as soon as the text is fixed.</li>
 *   <li>An action that failed because of a field ({@link #blame}) marks that field with the view
 *       model's message for as long as the field keeps the text it failed with; as soon as the text
 *       changes the mark goes and the owner is told ({@link #onBlamesChanged}), so the message goes
 *       everywhere else too.</li>
 *   <li>{@link #forgive()} (the view model's message cleared: an action went through) drops every
 *       blame.</li>
 * </ol>
 */
final class FieldChecks {
    static {
        // an editable spinner is judged by what is typed in it, not by its last committed value
        ValueExtractor.addObservableValueExtractor(c -> c instanceof Spinner<?>,
                c -> ((Spinner<?>) c).getEditor().textProperty());
    }

    private record Blame(String text, String message) {
    }

    private final ValidationSupport support = new ValidationSupport();
    private final Map<Control, Supplier<String>> texts = new HashMap<>();
    private final Map<Control, Blame> blames = new HashMap<>();
    private java.util.function.Consumer<String> fixed = m -> { };
    private Runnable changed = () -> { };

    FieldChecks() {
        support.setValidationDecorator(new CompoundValidationDecoration(new FieldMessageDecoration(),
                new StyleClassValidationDecoration()));
    }

    /** Tells {@code fixed} the message of a blamed field that was fixed (its text changed); runs {@code changed} whenever the blames change. */
    void onBlamesChanged(java.util.function.Consumer<String> fixed, Runnable changed) {
        this.fixed = fixed;
        this.changed = changed;
    }

    /** Whether a field is marked with {@code message} because an action failed on it. */
    boolean blames(String message) {
        for (Blame b : blames.values()) {
            if (b.message().equals(message)) {
                return true;
            }
        }
        return false;
    }

    /** Judges {@code field}, whose text {@code text} gives, by {@code rule} (a message, or null when the text is fine). */
    void check(Control field, Supplier<String> text, Function<String, String> rule) {
        texts.put(field, text);
        javafx.beans.value.ObservableValue<String> typed = field instanceof Spinner<?> sp ? sp.getEditor().textProperty()
                : field instanceof javafx.scene.control.TextInputControl t ? t.textProperty() : null;
        if (typed != null) {
            typed.addListener((o, was, now) -> dropBlameIfFixed(field));
        }
        support.registerValidator(field, false, (Control c, Object value) -> {
            String message = messageFor(c, rule);
            return ValidationResult.fromErrorIf(c, message == null ? "" : message, message != null);
        });
    }

    /** Marks {@code field} with {@code message} while it keeps its present text (an action failed because of it). */
    void blame(Control field, String message) {
        if (message == null || message.isBlank() || !texts.containsKey(field)) {
            return;
        }
        blames.put(field, new Blame(text(field), message));
        support.initInitialDecoration(); // shown even when nothing was typed yet (an empty key, say)
        support.revalidate(field);
        changed.run();
    }

    /** The field's text changed: a blame for another text goes (the value was fixed). */
    private void dropBlameIfFixed(Control field) {
        Blame b = blames.get(field);
        if (b != null && !b.text().equals(text(field))) {
            blames.remove(field);
            support.revalidate(field);
            fixed.accept(b.message());
            changed.run();
        }
    }

    /** Drops every blame (the action went through). */
    void forgive() {
        if (!blames.isEmpty()) {
            blames.clear();
            support.revalidate();
            changed.run();
        }
    }

    /** Judges every field again (one field's text can change whether another is fine). */
    void revalidate() {
        support.revalidate();
    }

    /** The error shown at {@code field}, if any. */
    Optional<String> error(Control field) {
        return support.getHighestMessage(field).map(ValidationMessage::getText);
    }

    private String messageFor(Control field, Function<String, String> rule) {
        String text = text(field);
        String message;
        try {
            message = rule.apply(text);
        } catch (RuntimeException e) { // a rule never breaks the window
            message = null;
        }
        if (message != null) {
            return message;
        }
        Blame b = blames.get(field);
        return b != null && b.text().equals(text) ? b.message() : null;
    }

    private String text(Control field) {
        String t = texts.get(field).get();
        return t == null ? "" : t;
    }
}
