package org.kadlab.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.controls.ConnectDialog;
import org.kadlab.ui.controls.ControlBar;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.Operations;
import org.kadlab.ui.model.Preset;

/**
 * The window's menu bar, above the controls: File, View, Network, Lookup and Help. Every item calls
 * the action its toolbar button or shortcut calls (the window's {@link Shortcuts} actions where it
 * has one, and shows that shortcut's keys), and is disabled while the action is impossible (nobody
 * to revive, no node selected, no key typed...).
 *
 * <p>Adding an item is one line: {@code item("Lookup", "Rewind", Shortcuts.X_OR_NULL, action, whenPossible)}.
 * The states are brought up to date whenever the network changes and when a menu opens.
 */
public final class MenuBarView extends MenuBar {
    /** Times "Run for" offers, in virtual ms by their names. */
    private static final Map<String, Long> RUN_FOR = new LinkedHashMap<>();

    static {
        RUN_FOR.put("1 minute", 60_000L);
        RUN_FOR.put("10 minutes", 600_000L);
        RUN_FOR.put("1 hour", 3_600_000L);
        RUN_FOR.put("1 day", 86_400_000L);
    }

    private static final BooleanSupplier ALWAYS = () -> true;

    private final Map<String, Menu> menus = new LinkedHashMap<>();
    private final List<Runnable> updates = new ArrayList<>();
    private final Map<Shortcuts, Runnable> actions;

    /**
     * The menus of the window {@code view} of {@code vm}; {@code actions} are the shortcuts' actions
     * (as the scene runs them), {@code presentation} the window's presentation mode.
     */
    public MenuBarView(NetworkViewModel vm, MainView view, Map<Shortcuts, Runnable> actions, Presentation presentation) {
        this.actions = actions;
        getStyleClass().add("app-menu-bar");
        for (String name : List.of("File", "View", "Network", "Lookup", "Help")) {
            Menu m = new Menu(name);
            m.setId("menu-" + name.toLowerCase(Locale.ROOT));
            m.setOnShowing(e -> update());
            menus.put(name, m);
            getMenus().add(m);
        }
        ControlBar c = view.controls();
        BooleanSupplier idle = () -> !vm.builder().buildingProperty().get() && !vm.live().isActive();
        BooleanSupplier simulated = () -> !vm.live().isActive();
        for (Preset p : Preset.values()) {
            item("File", "New network: " + p.label(), null, () -> vm.builder().applyPreset(p, true), idle);
        }
        item("File", "New network: same seed again (reset)", null, vm.builder()::resetInBackground, idle);
        separator("File");
        item("File", "Connect to a live network\u2026", null, () -> connectDialog(vm).show(),
                () -> !vm.live().connectingProperty().get());
        item("File", "Disconnect", null, () -> vm.live().disconnect(), vm.live()::isActive);
        separator("File");
        item("File", "Open scenario\u2026", Shortcuts.OPEN_SCENARIO, null, idle);
        item("File", "Save scenario\u2026", Shortcuts.SAVE_SCENARIO, null, ALWAYS);
        separator("File");
        item("File", "Export window as PNG\u2026", Shortcuts.EXPORT_WINDOW, null, ALWAYS);
        item("File", "Export current view as PNG\u2026", Shortcuts.EXPORT_VIEW, null, ALWAYS);
        item("File", "Export event log (JSON Lines)\u2026", null, () -> c.exports().saveEvents(), ALWAYS);
        item("File", "Export report (JSON)\u2026", null, () -> c.exports().saveReport(), ALWAYS);
        separator("File");
        item("File", "Quit", null, Platform::exit, ALWAYS);

        for (String[] tab : new String[][] {{"ID ring", "ring-tab"}, {"XOR distance", "distance-tab"}, {"Events", "events-tab"},
            {"Stats", "stats-tab"}, {"Graph", "graph-tab"}, {"Trie", "trie-tab"}, {"Health", "health-tab"},
            {"Compare", "compare-tab"}}) {
            item("View", tab[0], null, () -> view.showTab(tab[1]), ALWAYS);
        }
        separator("View");
        item("View", "Lessons", null, () -> view.lessons().toggle().fire(), ALWAYS);
        item("View", "What if\u2026", null, view::openWhatIf, ALWAYS);
        separator("View");
        item("View", "Switch theme", Shortcuts.THEME, null, ALWAYS);
        item("View", "Presentation mode", Shortcuts.PRESENTATION, null, ALWAYS);
        item("View", "Settings row", Shortcuts.SETTINGS, null, ALWAYS);
        item("View", "Help overlay", Shortcuts.HELP, null, ALWAYS);

        BooleanSupplier someoneDown = () -> vm.liveCountProperty().get() < vm.nodeCountProperty().get();
        BooleanSupplier twoLive = () -> vm.liveCountProperty().get() > 1;
        item("Network", "Add nodes", Shortcuts.ADD_NODES, null, idle);
        item("Network", "Add a node with an id\u2026", null, () -> c.addWithId().show(), idle);
        item("Network", "Kill selected node", Shortcuts.KILL_SELECTED, null, () -> {
            NodeId sel = vm.selection().selectedNode();
            if (vm.live().isActive()) {
                return sel != null && vm.network().isAlive(sel) && vm.live().operations().cannotControl() == null;
            }
            return sel != null && vm.network().isAlive(sel) && twoLive.getAsBoolean();
        });
        item("Network", "Revive all", Shortcuts.REVIVE_ALL, null, () -> someoneDown.getAsBoolean() && simulated.getAsBoolean());
        item("Network", "Revive selected node (live network)", null, () -> vm.live().operations().reviveSelected(),
                () -> vm.live().isActive() && vm.live().operations().cannotControl() == null
                        && !vm.network().isAlive(vm.selection().selectedNode()));
        item("Network", "Kill % of live nodes", Shortcuts.KILL_SHARE, null, () -> twoLive.getAsBoolean() && simulated.getAsBoolean());
        item("Network", "Churn\u2026", null, c::showChurn, simulated);
        separator("Network");
        RUN_FOR.forEach((name, ms) -> item("Network", "Run for " + name, null, () -> vm.playback().runFor(ms), idle));

        BooleanSupplier target = () -> !vm.operations().targetTextProperty().get().isBlank();
        BooleanSupplier key = () -> !vm.operations().keyTextProperty().get().isBlank();
        BooleanSupplier running = () -> {
            LookupSession s = vm.selection().selectedLookup();
            return s != null && !s.isOver();
        };
        item("Lookup", "Find node", null, c::findTyped, target);
        item("Lookup", "Find value", null, c::findValueTyped, key);
        item("Lookup", "Store", null, c::storeTyped, () -> key.getAsBoolean()
                && !vm.operations().valueTextProperty().get().isBlank());
        item("Lookup", "Random target", null, vm.operations()::randomTarget, ALWAYS);
        item("Lookup", "Type a target", Shortcuts.TYPE_TARGET, null, ALWAYS);
        item("Lookup", "Type a key", Shortcuts.TYPE_KEY, null, ALWAYS);
        separator("Lookup");
        item("Lookup", "Play / pause", Shortcuts.PLAY_PAUSE, null, simulated);
        item("Lookup", "Step one event", Shortcuts.STEP, null, simulated);
        item("Lookup", "Step one lookup round", Shortcuts.STEP_ROUND, null, () -> running.getAsBoolean() && simulated.getAsBoolean());
        item("Lookup", "Step this lookup", Shortcuts.STEP_LOOKUP, null, () -> vm.selection().selectedLookup() != null
                && simulated.getAsBoolean());
        item("Lookup", "One event back", Shortcuts.STEP_BACK, null,
                () -> simulated.getAsBoolean() && vm.rewind().cannotRewind() == null && vm.rewind().position() > vm.rewind().first());
        item("Lookup", "What if\u2026 (the inspected find_node with one change)", null, view::openWhatIf,
                () -> vm.selection().selectedLookup() != null && simulated.getAsBoolean());
        item("Lookup", "Batch of " + Operations.BATCH_LOOKUPS + " lookups", Shortcuts.RUN_LOOKUPS, null,
                () -> twoLive.getAsBoolean() && simulated.getAsBoolean());

        item("Help", "Keyboard shortcuts", Shortcuts.HELP, null, ALWAYS);
        item("Help", "About KadLab", null, this::about, ALWAYS);

        vm.revisionProperty().addListener((o, a, b) -> update());
        vm.selection().selectedNodeProperty().addListener((o, a, b) -> update());
        vm.selection().selectedLookupProperty().addListener((o, a, b) -> update());
        vm.builder().buildingProperty().addListener((o, a, b) -> update());
        for (var text : List.of(vm.operations().targetTextProperty(), vm.operations().keyTextProperty(),
                vm.operations().valueTextProperty())) {
            text.addListener((o, a, b) -> update());
        }
        vm.liveCountProperty().addListener((o, a, b) -> update());
        vm.live().activeProperty().addListener((o, a, b) -> update());
        vm.live().connectingProperty().addListener((o, a, b) -> update());
        update();
    }

    private ConnectDialog connect;

    /** The one Connect dialog of this window, made when first asked for. */
    public ConnectDialog connectDialog(NetworkViewModel vm) {
        if (connect == null) {
            connect = new ConnectDialog(vm, getScene() == null ? null : getScene().getWindow());
        }
        return connect;
    }

    /**
     * Adds an item to {@code menu}: {@code text}, running {@code action} (or, when null, the action of
     * {@code keys}, the very one its shortcut runs), showing the keys of {@code keys} (may be null),
     * enabled while {@code possible} says so. Returns the item.
     */
    public MenuItem item(String menu, String text, Shortcuts keys, Runnable action, BooleanSupplier possible) {
        Runnable run = action != null ? action : actions.getOrDefault(keys, () -> { });
        MenuItem i = new MenuItem(keys == null || keys.scope() == Shortcuts.Scope.ALWAYS ? text : text + "   " + keys.keys());
        i.setId(menus.get(menu).getId() + "-" + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", ""));
        if (keys != null && keys.scope() == Shortcuts.Scope.ALWAYS) {
            // a key that acts while typing too is the menu's accelerator; the others (Space, Right,
            // Delete) stay the scene's, which leaves them to a focused text field, and are named in the text
            i.setAccelerator(keys.combination());
        }
        i.setOnAction(e -> run.run());
        updates.add(() -> i.setDisable(!possible.getAsBoolean()));
        menus.get(menu).getItems().add(i);
        return i;
    }

    /** The menu named {@code name} ("File", "View", "Network", "Lookup", "Help"). */
    public Menu menu(String name) {
        return menus.get(name);
    }

    /** The item with this id in any menu, or null (for tests). */
    public MenuItem find(String id) {
        for (Menu m : menus.values()) {
            for (MenuItem i : m.getItems()) {
                if (id.equals(i.getId())) {
                    return i;
                }
            }
        }
        return null;
    }

    private void separator(String menu) {
        menus.get(menu).getItems().add(new SeparatorMenuItem());
    }

    /** Enables each item whose action is possible now, disables the rest. */
    public void update() {
        for (Runnable u : updates) {
            u.run();
        }
    }

    private void about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle("About KadLab");
        a.setHeaderText("KadLab \u2014 Kademlia, step by step");
        a.setContentText("A simulated Kademlia network to watch, step through and break: lookups, routing tables, "
                + "churn and failures, on one deterministic clock. Press F1 for the keyboard shortcuts.");
        if (getScene() != null) {
            a.initOwner(getScene().getWindow());
        }
        a.show(); // never blocks the window
    }
}
