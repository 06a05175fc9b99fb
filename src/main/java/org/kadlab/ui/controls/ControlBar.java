package org.kadlab.ui.controls;

import org.kadlab.ui.ExportActions;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.Playback;
import org.kadlab.ui.model.NetworkCommands;
import org.kadlab.ui.model.Preset;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The controls: network (add N, kill selected, revive all, reset, presets, settings), find_node
 * (target field, random, find), find_value and store (key and value fields), time (play/pause,
 * step, step one round, speed), export, help and the theme switch, and an inline error. Each
 * handler is a one-line call into the {@link NetworkViewModel} or the scene-level actions.
 *
 * <p>The bar never makes the window wider than it is: each row is a flow of groups of controls that
 * wraps between groups when the window is narrow, and the status text (nodes, live, virtual time)
 * and the build progress give way with an ellipsis.
 */
public final class ControlBar extends VBox {
    /** Space between groups of controls. */
    private static final double GROUP_GAP = 14;
    /** The narrowest the status text gets (it ends in an ellipsis then). */
    private static final double STATUS_MIN_WIDTH = 90;
    private static final double PROGRESS_MIN_WIDTH = 50;
    private static final double ERROR_MIN_WIDTH = 120;
    private final Spinner<Integer> addCount = new Spinner<>(1, NetworkCommands.MAX_NODES, 8);
    private final Spinner<Integer> killPercent = new Spinner<>(0, 100, 30, 5);
    private final TextField target = new TextField();
    private final Label error = new Label();
    private final ToggleButton play = new ToggleButton();
    private final ToggleButton theme = new ToggleButton("Light theme");
    private final TextField key = new TextField();
    private final ToggleButton settingsToggle = new ToggleButton("Settings");
    private final SettingsPane settings;
    private final MenuButton export = new MenuButton("Export");
    private final Button help = new Button("?");
    private Runnable helpAction = () -> { };
    private ExportActions exports;
    private java.util.function.Supplier<javafx.scene.Node> currentView = () -> this;
    private final NetworkViewModel vmRef;

    public ControlBar(NetworkViewModel vm, Runnable toggleTheme) {
        this.vmRef = vm;
        getStyleClass().add("control-bar");
        Button add = button("Add nodes", "add-button", "Add the chosen number of nodes; each joins through a random live node (Ctrl+N)");
        add.setOnAction(e -> addTyped());
        addCount.setEditable(true);
        addCount.setPrefWidth(76);
        addCount.setId("add-count");
        addCount.setTooltip(new Tooltip("How many nodes to add"));
        Button kill = button("Kill selected", "kill-button", "Crash the selected node: it stops answering but keeps its state (Delete)");
        kill.setOnAction(e -> vm.commands().killSelected());
        killPercent.setEditable(true);
        killPercent.setPrefWidth(70);
        killPercent.setId("kill-percent");
        killPercent.setTooltip(new Tooltip("Which share of the live nodes Kill % crashes, in percent"));
        Button killShare = button("Kill %", "kill-percent-button",
                "Crash this percentage of the live nodes, chosen at random from the simulation's seed (reproducible; "
                        + "the last live node is always spared). Saved in the scenario as kill: \"30%\".");
        killShare.setOnAction(e -> killTyped());
        lenient(addCount);
        lenient(killPercent);
        Button revive = button("Revive all", "revive-button", "Bring every crashed node back with its old routing table (Ctrl+R)");
        revive.setOnAction(e -> vm.commands().reviveAll());
        Button reset = button("Reset", "reset-button", "Build the starting network again from the same seed");
        reset.setOnAction(e -> vm.builder().resetInBackground());
        MenuButton presets = new MenuButton("Presets");
        presets.setId("presets-button");
        presets.setTooltip(new Tooltip("Build a ready-made network: Classroom, Default, Realistic or Large"));
        presets.setFocusTraversable(false);
        for (Preset p : Preset.values()) {
            MenuItem item = new MenuItem(p.label() + " \u2014 " + p.description());
            item.setId("preset-" + p.name().toLowerCase(Locale.ROOT));
            item.setOnAction(e -> vm.builder().applyPreset(p, true));
            presets.getItems().add(item);
        }
        settings = new SettingsPane(vm);
        settings.visibleProperty().bind(settingsToggle.selectedProperty());
        settings.managedProperty().bind(settings.visibleProperty());
        settingsToggle.setId("settings-button");
        settingsToggle.setTooltip(new Tooltip("Show the network settings: k, alpha, bits, lookup mode, latency, loss, seed (Ctrl+Comma)"));
        settingsToggle.setFocusTraversable(false);
        ProgressBar progress = new ProgressBar();
        progress.setId("build-progress");
        progress.setPrefWidth(110);
        progress.progressProperty().bind(vm.builder().buildProgressProperty());
        progress.visibleProperty().bind(vm.builder().buildingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setTooltip(new Tooltip("Building the next network in the background; the current one runs on until it is ready"));
        Label building = new Label();
        building.getStyleClass().add("status-label");
        building.textProperty().bind(Bindings.createStringBinding(() -> vm.builder().buildProgressProperty().get() < 0
                ? "running scenario\u2026" : String.format(Locale.ROOT, "building %.0f%%", 100 * vm.builder().buildProgressProperty().get()),
                vm.builder().buildProgressProperty()));
        building.visibleProperty().bind(vm.builder().buildingProperty());
        building.managedProperty().bind(building.visibleProperty());

        target.setId("target-field");
        target.setPromptText("target: hex 7f00 or 0b0111\u2026");
        target.setPrefColumnCount(12);
        target.textProperty().bindBidirectional(vm.operations().targetTextProperty());
        target.setTooltip(new Tooltip("The id to look up: hex (7f00, 0x7f00) or binary (0b0111_1111_0000_0000). Enter runs find_node."));
        target.setOnAction(e -> vm.operations().findNode());
        Button random = button("Random", "random-button", "Fill in a random target id");
        random.setOnAction(e -> vm.operations().randomTarget());
        Button find = button("Find node", "find-button", "Run find_node from the selected node to the target (Enter)");
        find.setOnAction(e -> vm.operations().findNode());
        find.setDefaultButton(false);

        play.setId("play-button");
        play.selectedProperty().bindBidirectional(vm.playback().playingProperty());
        play.textProperty().bind(Bindings.when(vm.playback().playingProperty()).then("Pause").otherwise("Play"));
        play.setTooltip(new Tooltip("Play or pause the simulation clock (Space)"));
        play.setFocusTraversable(false);
        Button step = button("Step", "step-button", "Pause and run exactly one simulation event (Right arrow)");
        step.setOnAction(e -> vm.playback().stepOnce());
        Button stepRound = button("Step round", "step-round-button",
                "Pause and run until the inspected lookup's next round completes; in sliding mode until alpha more "
                        + "answers or timeouts arrive (Shift+Right)");
        stepRound.setOnAction(e -> vm.playback().stepRound());
        key.setId("key-field");
        key.setPromptText("key, e.g. greeting");
        key.setPrefColumnCount(10);
        key.textProperty().bindBidirectional(vm.operations().keyTextProperty());
        key.setTooltip(new Tooltip("The key of find_value or store: any text; its id is the top bits of SHA-1. Enter runs find_value (Ctrl+K)"));
        key.setOnAction(e -> vm.operations().findValue());
        TextField value = new TextField();
        value.setId("value-field");
        value.setPromptText("value to store");
        value.setPrefColumnCount(10);
        value.textProperty().bindBidirectional(vm.operations().valueTextProperty());
        value.setTooltip(new Tooltip("The value store puts under the key. Enter runs store."));
        value.setOnAction(e -> vm.operations().store());
        Button store = button("Store", "store-button", "Store the value under the key on the k closest nodes, from the selected node");
        store.setOnAction(e -> vm.operations().store());
        Button findValue = button("Find value", "find-value-button", "Look the key up from the selected node; stops at the first node holding it");
        findValue.setOnAction(e -> vm.operations().findValue());
        export.setId("export-button");
        export.setTooltip(new Tooltip("Save the window or the current view as PNG, the event log, the report, or the scenario; open a scenario"));
        export.setFocusTraversable(false);
        MenuItem png = new MenuItem("Window as PNG\u2026 (Ctrl+E)");
        png.setId("export-png");
        png.setOnAction(e -> exports().savePng());
        MenuItem viewPng = new MenuItem("Current view as PNG\u2026 (Ctrl+Shift+E)");
        viewPng.setId("export-view-png");
        viewPng.setOnAction(e -> exports().saveViewPng(currentView.get()));
        MenuItem events = new MenuItem("Event log (JSON Lines)\u2026");
        events.setId("export-events");
        events.setOnAction(e -> exports().saveEvents());
        MenuItem report = new MenuItem("Report (JSON)\u2026");
        report.setId("export-report");
        report.setOnAction(e -> exports().saveReport());
        MenuItem save = new MenuItem("Save scenario (YAML)\u2026 (Ctrl+S)");
        save.setId("export-scenario");
        save.setOnAction(e -> exports().saveScenario());
        MenuItem open = new MenuItem("Open scenario\u2026 (Ctrl+O)");
        open.setId("open-scenario");
        open.setOnAction(e -> exports().openScenario());
        export.getItems().addAll(png, viewPng, events, report, new javafx.scene.control.SeparatorMenuItem(), save, open);
        help.setId("help-button");
        help.setTooltip(new Tooltip("Show every keyboard shortcut (F1 or ?)"));
        help.setFocusTraversable(false);
        help.setOnAction(e -> helpAction.run());
        Slider speed = new Slider(Math.log10(Playback.MIN_SPEED), Math.log10(Playback.MAX_SPEED),
                Math.log10(vm.playback().speedProperty().get()));
        speed.setId("speed-slider");
        speed.setPrefWidth(120);
        speed.setTooltip(new Tooltip("Speed: virtual milliseconds per real second (logarithmic), from slow motion to "
                + "\"max\": as fast as the per-frame budget of simulation steps allows"));
        speed.valueProperty().addListener((o, a, b) -> vm.playback().speedProperty().set(Math.pow(10, b.doubleValue())));
        Label speedLabel = new Label();
        speedLabel.getStyleClass().add("speed-label");
        speedLabel.setMinWidth(80);
        speedLabel.textProperty().bind(Bindings.createStringBinding(
                () -> vm.playback().isFlatOut() ? "max" : String.format(Locale.ROOT, "%.0f ms/s", vm.playback().speedProperty().get()),
                vm.playback().speedProperty()));
        theme.setId("theme-button");
        theme.setTooltip(new Tooltip("Switch between the dark and the light theme (Ctrl+T)"));
        theme.setOnAction(e -> toggleTheme.run());
        theme.setFocusTraversable(false);

        Label status = new Label();
        status.setId("status-label");
        status.getStyleClass().add("status-label");
        status.textProperty().bind(Bindings.createStringBinding(
                () -> vm.nodeCountProperty().get() + " nodes \u00b7 " + vm.liveCountProperty().get() + " live \u00b7 t = "
                        + vm.playback().displayTimeProperty().get() + " ms",
                vm.nodeCountProperty(), vm.liveCountProperty(), vm.playback().displayTimeProperty()));
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(Bindings.concat("Nodes in the network, how many are live, and the virtual time: ",
                status.textProperty()));
        status.setTooltip(statusTip);
        status.setMinWidth(STATUS_MIN_WIDTH); // a long status is cut with an ellipsis, never widens the window

        Label network = section("Network");
        Label time = section("Time");
        Label lookup = section("Lookup");
        target.setPrefColumnCount(20);
        Label keyValue = section("Records");

        // Each row is a flow of groups: a group stays whole, and a row too long for the window wraps
        // between groups instead of making the window wider than the screen.
        FlowPane networkGroups = flow(group(network, addCount, add), group(kill, killPercent, killShare), group(revive, reset),
                group(presets, settingsToggle));
        HBox row = new HBox(GROUP_GAP, networkGroups, group(export, theme, help));
        HBox.setHgrow(networkGroups, Priority.ALWAYS);
        FlowPane row2 = flow(group(time, play, step, stepRound), group(speed, speedLabel), group(lookup, target, random, find));
        HBox statusBox = new HBox(6, building, progress, status);
        statusBox.setAlignment(Pos.CENTER_RIGHT);
        FlowPane records = flow(group(keyValue, key, value, store, findValue));
        HBox row3 = new HBox(GROUP_GAP, records, error, statusBox);
        HBox.setHgrow(error, Priority.ALWAYS);
        row.setAlignment(Pos.TOP_LEFT); // export, theme and help stay level with the first line when the groups wrap
        row.setFillHeight(false);
        row3.setAlignment(Pos.CENTER_LEFT);
        for (HBox r : java.util.List.of(row, row3)) {
            r.getStyleClass().add("control-row");
        }
        row2.getStyleClass().add("control-row");
        // the status and the build progress give way first; the groups never shrink
        progress.setMinWidth(PROGRESS_MIN_WIDTH);
        building.setMinWidth(Region.USE_PREF_SIZE);

        error.setId("target-error");
        error.getStyleClass().add("error-label");
        error.textProperty().bind(vm.status().targetErrorProperty());
        error.visibleProperty().bind(vm.status().targetErrorProperty().isNotEmpty());
        error.setMaxWidth(Double.MAX_VALUE);
        error.setWrapText(true);
        error.setMinWidth(ERROR_MIN_WIDTH);
        getChildren().addAll(row, row2, row3, settings);
    }

    /** Puts the keyboard focus in the key field. */
    public void focusKey() {
        key.requestFocus();
    }

    /** Shows or hides the settings row. */
    public void toggleSettings() {
        settingsToggle.setSelected(!settingsToggle.isSelected());
    }

    /** The settings row (for tests). */
    public SettingsPane settings() {
        return settings;
    }

    /** Where "Current view as PNG" finds the view to save (the main view's open tab). */
    public void onCurrentView(java.util.function.Supplier<javafx.scene.Node> view) {
        currentView = view;
    }

    /** What the help button does (the app shows its help overlay). */
    public void onHelp(Runnable action) {
        helpAction = action == null ? () -> { } : action;
    }

    /** The export actions of this window (made on first use, once the bar is in a scene). */
    public ExportActions exports() {
        if (exports == null) {
            exports = new ExportActions(vmRef, getScene());
        }
        return exports;
    }

    /** Puts the keyboard focus in the target field. */
    public void focusTarget() {
        target.requestFocus();
    }

    /** How many nodes Add adds: the number typed in its box, or the box's value when nothing new was typed. */
    public int addCount() {
        return addCount.getValue();
    }

    /** Which percentage Kill % crashes. */
    public int killPercent() {
        return killPercent.getValue();
    }

    /** Adds as many nodes as the box says, typed or not; a bad number gets an inline message. */
    public boolean addTyped() {
        Integer n = typed(addCount, "Add nodes", 1, NetworkCommands.MAX_NODES);
        return n != null && vmRef.commands().addNodes(n);
    }

    /** Kills the share of live nodes the box says, typed or not; a bad number gets an inline message. */
    public boolean killTyped() {
        Integer p = typed(killPercent, "Kill %", 0, 100);
        return p != null && vmRef.commands().killPercent(p) >= 0;
    }

    /**
     * The number typed in {@code box} (whether or not Enter was pressed), checked: a whole number
     * from {@code min} to {@code max} becomes the box's value; anything else leaves it, shows an
     * inline message naming the box, and gives null.
     */
    private Integer typed(Spinner<Integer> box, String what, int min, int max) {
        String text = box.getEditor().getText() == null ? "" : box.getEditor().getText().strip();
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        int v;
        try {
            v = Integer.parseInt(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            vmRef.status().showError(what + ": '" + box.getEditor().getText() + "' is not a whole number; type one from " + min + " to "
                    + max + ".");
            return null;
        }
        if (v < min || v > max) {
            vmRef.status().showError(what + ": " + v + " is outside " + min + " to " + max + ".");
            return null;
        }
        box.getValueFactory().setValue(v);
        return v;
    }

    /**
     * Makes an editable number box forgiving: text that is not a number (committed with Enter or by
     * leaving the box) puts the last good value back instead of throwing.
     */
    private static void lenient(Spinner<Integer> box) {
        SpinnerValueFactory<Integer> f = box.getValueFactory();
        f.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String s) {
                try {
                    return Integer.valueOf(s.strip().replace("%", "").strip());
                } catch (NumberFormatException | NullPointerException e) {
                    return f.getValue();
                }
            }
        });
    }

    /** Shows which theme the button switches to. */
    public void themeIsLight(boolean light) {
        theme.setText(light ? "Dark theme" : "Light theme");
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-label");
        return l;
    }

    /** A flow of groups that wraps between groups when the row is narrower than they are. */
    private static FlowPane flow(HBox... groups) {
        return new WrappingRow(GROUP_GAP, groups);
    }

    /** Controls that belong together and stay on one line, each at its preferred width. */
    private static HBox group(javafx.scene.Node... nodes) {
        HBox h = new HBox(6, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.Node n : nodes) {
            if (n instanceof Region reg) {
                reg.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        h.setMinWidth(Region.USE_PREF_SIZE);
        return h;
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }
}
