package org.kadlab.ui.controls;

import java.util.List;
import java.util.Collection;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import org.controlsfx.control.decoration.Decoration;
import org.controlsfx.control.decoration.GraphicDecoration;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * A refused field's decoration: the error mark at its corner (with the message as its tooltip) and
 * the message itself written just below the field, where the eye already is, in a small box of
 * style class {@link #STYLE_CLASS}. Both go as soon as the field is fixed.
 */
final class FieldMessageDecoration extends GraphicValidationDecoration {
    /** The style class of the message written below a field. */
    static final String STYLE_CLASS = "field-error-message";

    @Override
    protected Collection<Decoration> createValidationDecorations(ValidationMessage message) {
        Label text = new Label(message.getText());
        text.getStyleClass().add(STYLE_CLASS);
        text.setMouseTransparent(true);
        text.setWrapText(false);
        // the decoration centres its node on the field's bottom-left corner; move it to just below the field
        text.translateXProperty().bind(text.widthProperty().divide(2));
        text.translateYProperty().bind(text.heightProperty().divide(2).add(2));
        return List.of(new GraphicDecoration(createDecorationNode(message), Pos.BOTTOM_LEFT),
                new GraphicDecoration(text, Pos.BOTTOM_LEFT));
    }
}
