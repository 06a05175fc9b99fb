package org.kadlab.ui.controls;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import org.kadlab.ui.Shortcuts;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.Operations;

/**
 * The resilience experiment in one menu, in the order a presenter runs it: 100 random lookups, kill
 * a share of the live nodes, let an hour of virtual time pass, revive them; and the churn row. Each
 * item names its shortcut's keys from {@link Shortcuts}; the Stats tab charts what it does over
 * virtual time.
 */
public final class ResilienceMenu extends MenuButton {
    /** Virtual time the "let an hour pass" item runs, in ms. */
    static final long HOUR_MS = 3_600_000L;

    ResilienceMenu(NetworkViewModel vm, ObservableValue<Integer> killPercent, Runnable killTyped, Runnable showChurn) {
        super("Resilience");
        setId("resilience-menu");
        setFocusTraversable(false);
        setTooltip(new Tooltip("The resilience experiment: run 100 lookups, kill a share of the nodes, let an hour pass, "
                + "run 100 lookups again; the Stats tab shows the dip and the recovery over virtual time"));
        MenuItem lookups = item("resilience-lookups", Shortcuts.RUN_LOOKUPS.withKeys("Run " + Operations.BATCH_LOOKUPS
                + " lookups from random live nodes"), () -> vm.operations().runLookups(Operations.BATCH_LOOKUPS));
        MenuItem kill = item("resilience-kill", "", killTyped);
        kill.textProperty().bind(Bindings.createStringBinding(
                () -> Shortcuts.KILL_SHARE.withKeys("Kill " + killPercent.getValue() + "% of the live nodes"), killPercent));
        MenuItem hour = item("resilience-hour", "Let 1 hour of virtual time pass", () -> vm.playback().runFor(HOUR_MS));
        MenuItem revive = item("resilience-revive", Shortcuts.REVIVE_ALL.withKeys("Revive every crashed node"),
                vm.commands()::reviveAll);
        MenuItem churn = item("resilience-churn", "Churn and a background workload\u2026", showChurn);
        getItems().addAll(lookups, kill, hour, new SeparatorMenuItem(), revive, churn);
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setOnAction(e -> action.run());
        return i;
    }
}
