package org.kadlab.ui.controls;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import org.kadlab.ui.model.NetworkViewModel;

/**
 * The control bar's status: the network's nodes, live nodes and virtual time in one line (what they
 * are in its tooltip), and, while a long piece of work runs, its progress in words and as a bar,
 * with its Stop button.
 */
final class BarStatus {
    private BarStatus() {
    }

    /** Binds {@code status}, and {@code building}, {@code progress} and {@code stop} of the work in progress, to {@code vm}. */
    static void bind(NetworkViewModel vm, Label status, Label building, ProgressBar progress, Node stop) {
        progress.progressProperty().bind(vm.builder().buildProgressProperty());
        progress.visibleProperty().bind(vm.builder().buildingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        building.textProperty().bind(Bindings.createStringBinding(() -> vm.builder().buildProgressProperty().get() < 0
                ? vm.builder().workProperty().get() + "\u2026"
                : String.format(Locale.ROOT, "%s %.0f%%", vm.builder().workProperty().get(), 100 * vm.builder().buildProgressProperty().get()),
                vm.builder().buildProgressProperty(), vm.builder().workProperty()));
        for (var n : List.of(building, stop)) {
            n.visibleProperty().bind(vm.builder().buildingProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        status.textProperty().bind(Bindings.createStringBinding(
                () -> vm.nodeCountProperty().get() + " nodes \u00b7 " + vm.liveCountProperty().get() + " live \u00b7 t = "
                        + vm.playback().displayTimeProperty().get() + " ms",
                vm.nodeCountProperty(), vm.liveCountProperty(), vm.playback().displayTimeProperty()));
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(Bindings.concat("Nodes in the network, how many are live, and the virtual time: ",
                status.textProperty()));
        status.setTooltip(statusTip);
    }
}
