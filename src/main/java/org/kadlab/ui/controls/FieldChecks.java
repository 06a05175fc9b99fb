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
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

/**
 * Field-level errors shown at the field (ControlsFX {@link ValidationSupport}: an error mark with
 * the message as its tooltip, and a red outline), beside the window's one-line messages.
 *
 * <ol>
 *   <li>Each field has a rule that judges its text directly; a text the rule refuses is marked at
 *       once, and the mark goes as soon as the text is fixed.</li>
 *   <li>An action that failed because of a field ({@link #blame}) marks that field with the view
 *       model's message for as long as the field keeps the text it failed with.</li>
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

    FieldChecks() {
        support.setValidationDecorator(new CompoundValidationDecoration(new GraphicValidationDecoration(),
                new StyleClassValidationDecoration()));
    }

    /** Judges {@code field}, whose text {@code text} gives, by {@code rule} (a message, or null when the text is fine). */
    void check(Control field, Supplier<String> text, Function<String, String> rule) {
        texts.put(field, text);
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
        support.revalidate(field);
    }

    /** Drops every blame (the action went through). */
    void forgive() {
        if (!blames.isEmpty()) {
            blames.clear();
            support.revalidate();
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
