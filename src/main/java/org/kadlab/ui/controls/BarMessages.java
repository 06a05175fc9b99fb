package org.kadlab.ui.controls;

import java.util.List;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import org.kadlab.ui.model.NetworkViewModel;

/**
 * Where the control bar's refusals are shown: marked at the field they blame, and in the bar's
 * inline message only when no field shows them. A blamed field that is fixed clears its message
 * everywhere; an action that goes through (the message cleared) drops every blame.
 */
final class BarMessages {
    private final NetworkViewModel vm;
    private final FieldChecks checks;
    private final FieldChecks churnChecks;
    private final Label error;

    /** Shows the view model's message in {@code error} unless {@code checks} or {@code churnChecks} mark a field with it. */
    BarMessages(NetworkViewModel vm, FieldChecks checks, FieldChecks churnChecks, Label error) {
        this.vm = vm;
        this.checks = checks;
        this.churnChecks = churnChecks;
        this.error = error;
        // the inline message says only what no field shows: a message blamed on a field is written at the field
        vm.status().targetErrorProperty().addListener((o, a, b) -> showInline());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        vm.status().targetErrorProperty().addListener((o, a, b) -> {
            if (b == null || b.isEmpty()) {
                checks.forgive();
                churnChecks.forgive();
            }
        });
        for (FieldChecks c : List.of(checks, churnChecks)) {
            c.onBlamesChanged(this::fixed, this::showInline);
        }
    }

    /** Shows the action's message inline unless a field shows it. */
    private void showInline() {
        String m = vm.status().targetErrorProperty().get();
        error.setText(m == null || checks.blames(m) || churnChecks.blames(m) ? "" : m);
    }

    /** A field blamed with {@code message} was fixed: the message goes everywhere. */
    private void fixed(String message) {
        if (message.equals(vm.status().targetErrorProperty().get())) {
            vm.status().showError("");
        }
    }

    /**
     * The number typed in {@code box} (whether or not Enter was pressed), checked: a whole number
     * from {@code min} to {@code max} becomes the box's value; anything else leaves it, shows an
     * inline message naming the box (and marks the box), and gives null.
     */
    Integer typed(Spinner<Integer> box, String what, int min, int max) {
        String text = box.getEditor().getText();
        String refused = BarRules.whole(text, what, min, max);
        if (refused != null) {
            vm.status().showError(refused);
            checks.blame(box, refused);
            return null;
        }
        int v = BarRules.parseWhole(text);
        box.getValueFactory().setValue(v);
        return v;
    }

    /** Marks {@code field} with the view model's message when its action did not run. */
    void blameIfRefused(boolean ran, Control field) {
        if (!ran && field.getScene() != null) {
            checks.blame(field, vm.status().targetErrorProperty().get());
        }
    }
}
