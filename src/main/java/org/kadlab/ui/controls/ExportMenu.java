package org.kadlab.ui.controls;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import org.kadlab.ui.ExportActions;
import org.kadlab.ui.Shortcuts;

/**
 * The Export menu: the window or the current view as PNG, the event log, the report, and the
 * scenario saved or opened. Each item names its shortcut's keys from {@link Shortcuts}.
 */
final class ExportMenu extends MenuButton {
    ExportMenu(Supplier<ExportActions> exports, Supplier<Node> currentView) {
        super("Export");
        setId("export-button");
        setFocusTraversable(false);
        setTooltip(new Tooltip("Save the window or the current view as PNG, the event log, the report, the routing tables, or the scenario; "
                + "open a scenario"));
        getItems().addAll(
                item("export-png", Shortcuts.EXPORT_WINDOW.withKeys("Window as PNG\u2026"), () -> exports.get().savePng()),
                item("export-view-png", Shortcuts.EXPORT_VIEW.withKeys("Current view as PNG\u2026"),
                        () -> exports.get().saveViewPng(currentView.get())),
                item("export-events", "Event log (JSON Lines)\u2026", () -> exports.get().saveEvents()),
                item("export-report", "Report (JSON)\u2026", () -> exports.get().saveReport()),
                item("export-tables-json", "Routing tables and health (JSON)\u2026", () -> exports.get().saveTablesJson()),
                item("export-tables-csv", "Routing tables (CSV, one row per contact)\u2026", () -> exports.get().saveTablesCsv()),
                new SeparatorMenuItem(),
                item("export-scenario", Shortcuts.SAVE_SCENARIO.withKeys("Save scenario (YAML)\u2026"),
                        () -> exports.get().saveScenario()),
                item("open-scenario", Shortcuts.OPEN_SCENARIO.withKeys("Open scenario\u2026"), () -> exports.get().openScenario()));
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setOnAction(e -> action.run());
        return i;
    }
}
