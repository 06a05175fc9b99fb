package org.kadlab.ui.widgets;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import org.kadlab.ui.model.IdText;
import org.kadlab.ui.model.NetworkViewModel;

/**
 * A table cell showing an id (or a distance) in hex: whole up to 32 bits, abbreviated beyond with
 * the whole value in the cell's tooltip, after {@code tipHead}.
 */
public final class BriefIdCell<S> extends TableCell<S, String> {
    private final NetworkViewModel vm;
    private final String tipHead;
    private final Tooltip tip = new Tooltip();

    public BriefIdCell(NetworkViewModel vm, String tipHead) {
        this.vm = vm;
        this.tipHead = tipHead;
    }

    @Override
    protected void updateItem(String value, boolean empty) {
        super.updateItem(value, empty);
        if (value == null || empty) {
            setText(null);
            setTooltip(null);
            return;
        }
        String shown = IdText.brief(vm.keySpace(), value);
        setText(shown);
        if (shown.equals(value)) {
            setTooltip(null);
        } else {
            tip.setText(tipHead + value);
            setTooltip(tip);
        }
    }
}
