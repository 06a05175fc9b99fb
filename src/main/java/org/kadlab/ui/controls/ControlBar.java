package org.kadlab.ui.controls;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Control;
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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kadlab.ui.ExportActions;
import org.kadlab.ui.Shortcuts;
import org.kadlab.ui.model.NetworkCommands;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.Operations;
import org.kadlab.ui.model.Playback;
import org.kadlab.ui.model.Preset;
import org.kadlab.ui.widgets.FxmlView;

/**
 * The controls: network (add N, kill selected, kill %, revive all, reset, presets, settings, the
 * {@link ResilienceMenu}), find_node (target field, random, find, 100 random lookups), find_value and store (key and value fields), time (play/pause,
 * step, step one round, speed), export, help and the theme switch, and an inline error. The layout
 * is {@code ControlBar.fxml}; each {@code @FXML} handler is a one-line call into the
 * {@link NetworkViewModel} or the scene-level actions, and the shortcut keys in the tooltips come
 * from {@link Shortcuts}.
 *
 * <p>The bar never makes the window wider than it is: each row is a flow of groups of controls that
 * wraps between groups when the window is narrow, and the status text (nodes, live, virtual time)
 * and the build progress give way with an ellipsis. A bad value is marked at its field
 * ({@link FieldChecks}) as well as in the inline message.
 */
public final class ControlBar extends VBox {
    private final NetworkViewModel vm;
    private final Runnable toggleTheme;
    private final SettingsPane settings;
    private final ToggleButton churnToggle = new ToggleButton("Churn");
    private ChurnPane churn;
    private final FieldChecks checks = new FieldChecks();
    private BarMessages messages;
    private Runnable helpAction = () -> { };
    private ExportActions exports;
    private Supplier<Node> currentView = () -> this;
    private AddNodeDialog addWithId;

    @FXML private Spinner<Integer> addCount;
    @FXML private Spinner<Integer> killPercent;
    @FXML private ButtonBase addButton;
    @FXML private ButtonBase killButton;
    @FXML private ButtonBase killShareButton;
    @FXML private ButtonBase lookupsButton;
    @FXML private HBox presetGroup;
    @FXML private ButtonBase reviveButton;
    @FXML private MenuButton presets;
    @FXML private ToggleButton settingsToggle;
    @FXML private HBox windowGroup;
    @FXML private ToggleButton theme;
    @FXML private ButtonBase help;
    @FXML private ToggleButton play;
    @FXML private ButtonBase step;
    @FXML private ButtonBase stepRound;
    @FXML private ButtonBase stepLookup;
    @FXML private WrappingRow recordsGroups;
    @FXML private Slider speed;
    @FXML private Label speedLabel;
    @FXML private TextField target;
    @FXML private ButtonBase find;
    @FXML private TextField key;
    @FXML private TextField value;
    @FXML private Label error;
    @FXML private Label building;
    @FXML private ProgressBar progress;
    @FXML private ButtonBase stop;
    @FXML private Label status;

    public ControlBar(NetworkViewModel vm, Runnable toggleTheme) {
        this.vm = vm;
        this.toggleTheme = toggleTheme;
        this.settings = new SettingsPane(vm);
        churn = new ChurnPane(vm);
        FxmlView.load(this);
        settings.visibleProperty().bind(settingsToggle.selectedProperty());
        settings.managedProperty().bind(settings.visibleProperty());
        churn.visibleProperty().bind(churnToggle.selectedProperty());
        churn.managedProperty().bind(churn.visibleProperty());
        getChildren().addAll(settings, churn);
    }

    @FXML
    private void initialize() {
        addCount.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, NetworkCommands.MAX_NODES, 8));
        killPercent.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 100, 30, 5));
        BarRules.lenient(addCount);
        BarRules.lenient(killPercent);
        for (Preset p : Preset.values()) {
            MenuItem item = new MenuItem(p.label() + " \u2014 " + p.description());
            item.setId("preset-" + p.name().toLowerCase(Locale.ROOT));
            item.setOnAction(e -> vm.builder().applyPreset(p, true));
            presets.getItems().add(item);
        }
        churnToggle.setId("churn-toggle");
        churnToggle.setFocusTraversable(false);
        tip(churnToggle, "Show the churn row: nodes leaving and joining with Weibull, Pareto or exponential sessions, "
                + "and a background workload of lookups and find_values");
        presetGroup.getChildren().addAll(new ResilienceMenu(vm, killPercent.valueProperty(), this::killTyped,
                () -> churnToggle.setSelected(true)), churnToggle);
        windowGroup.getChildren().add(0, new ExportMenu(this::exports, () -> currentView.get()));
        addWithId = new AddNodeDialog(vm);
        ((HBox) addButton.getParent()).getChildren().add(addWithId.opener());
        keyTips();
        bindState();
        checkFields();
        for (Node group : lookupAll(".control-group")) {
            WrappingRow.keepWhole((HBox) group);
        }
    }

    /** The tooltips and menu texts that name a shortcut's keys. */
    private void keyTips() {
        tip(addButton, Shortcuts.ADD_NODES.withKeys("Add the chosen number of nodes; each joins through a random live node"));
        tip(killButton, Shortcuts.KILL_SELECTED.withKeys("Crash the selected node: it stops answering but keeps its state"));
        tip(killShareButton, Shortcuts.KILL_SHARE.withKeys("Crash this percentage of the live nodes, chosen at random from "
                + "the simulation's seed (reproducible; the last live node is always spared). Saved as kill: \"30%\""));
        tip(lookupsButton, Shortcuts.RUN_LOOKUPS.withKeys("Run " + Operations.BATCH_LOOKUPS + " find_node lookups from random "
                + "live nodes to random targets, with progress and Stop; saved as lookups: " + Operations.BATCH_LOOKUPS));
        tip(reviveButton, Shortcuts.REVIVE_ALL.withKeys("Bring every crashed node back with its old routing table"));
        tip(settingsToggle, Shortcuts.SETTINGS.withKeys(
                "Show the network settings: k, alpha, bits, lookup mode, latency, loss, seed"));
        tip(theme, Shortcuts.THEME.withKeys("Switch between the dark and the light theme"));
        tip(help, Shortcuts.HELP.withKeys("Show every keyboard shortcut"));
        tip(play, Shortcuts.PLAY_PAUSE.withKeys("Play or pause the simulation clock"));
        tip(step, Shortcuts.STEP.withKeys("Pause and run exactly one simulation event"));
        tip(stepLookup, Shortcuts.STEP_LOOKUP.withKeys("Pause and run until the inspected lookup's next event (sent,"
                + " delivered, answered, timed out, stalled, finished), told in words with the time that passed; other"
                + " traffic runs silently in between"));
        tip(stepRound, Shortcuts.STEP_ROUND.withKeys("Pause and run until the inspected lookup's next round completes; "
                + "in sliding mode until alpha more answers or timeouts arrive"));
        tip(find, Shortcuts.RUN_FIELD.withKeys("Run find_node from the selected node to the target"));
        tip(key, Shortcuts.TYPE_KEY.withKeys(
                "The key of find_value or store: any text; its id is the top bits of SHA-1. Enter runs find_value"));
    }

    /** Binds what the bar shows to the view model. */
    private void bindState() {
        BarStatus.bind(vm, status, building, progress, stop);
        target.textProperty().bindBidirectional(vm.operations().targetTextProperty());
        key.textProperty().bindBidirectional(vm.operations().keyTextProperty());
        value.textProperty().bindBidirectional(vm.operations().valueTextProperty());
        play.selectedProperty().bindBidirectional(vm.playback().playingProperty());
        play.textProperty().bind(Bindings.when(vm.playback().playingProperty()).then("Pause").otherwise("Play"));
        speed.setMin(Math.log10(Playback.MIN_SPEED));
        speed.setMax(Math.log10(Playback.MAX_SPEED));
        speed.setValue(Math.log10(vm.playback().speedProperty().get()));
        speed.valueProperty().addListener((o, a, b) -> vm.playback().speedProperty().set(Math.pow(10, b.doubleValue())));
        speedLabel.textProperty().bind(Bindings.createStringBinding(
                () -> vm.playback().isFlatOut() ? "max" : String.format(Locale.ROOT, "%.0f ms/s", vm.playback().speedProperty().get()),
                vm.playback().speedProperty()));
    }

    /** The field-level rules: what each field refuses as it is typed. */
    private void checkFields() {
        checks.check(target, target::getText, t -> t.isBlank() ? null : BarRules.target(vm, t));
        checks.check(key, key::getText, BarRules::key);
        checks.check(value, value::getText, BarRules::value);
        checks.check(addCount, addCount.getEditor()::getText, t -> BarRules.whole(t, "Add nodes", 1, NetworkCommands.MAX_NODES));
        checks.check(killPercent, killPercent.getEditor()::getText, t -> BarRules.whole(t, "Kill %", 0, 100));
        messages = new BarMessages(vm, checks, churn.checks(), error);
        vm.networkProperty().addListener((o, a, b) -> checks.revalidate()); // a new id width changes which targets are ids
    }

    // ------------------------------------------------------------------ handlers (one line each)

    @FXML
    private void addNodes() {
        addTyped();
    }

    @FXML
    private void stopWork() {
        vm.builder().cancelWork();
    }

    @FXML
    private void killSelected() {
        vm.commands().killSelected();
    }

    @FXML
    private void killShare() {
        killTyped();
    }

    @FXML
    private void reviveAll() {
        vm.commands().reviveAll();
    }

    @FXML
    private void reset() {
        vm.builder().resetInBackground();
    }

    @FXML
    private void toggleTheme() {
        toggleTheme.run();
    }

    @FXML
    private void showHelp() {
        helpAction.run();
    }

    @FXML
    private void stepOnce() {
        vm.playback().stepOnce();
    }

    @FXML
    private void stepRound() {
        vm.playback().stepRound();
    }

    @FXML
    private void stepLookup() {
        vm.playback().stepLookup();
    }

    @FXML
    private void runFor(javafx.event.ActionEvent e) {
        vm.playback().runFor(Long.parseLong(String.valueOf(((MenuItem) e.getSource()).getUserData())));
    }

    @FXML
    private void runLookups() {
        vm.operations().runLookups(Operations.BATCH_LOOKUPS);
    }

    @FXML
    private void randomTarget() {
        vm.operations().randomTarget();
    }

    @FXML
    private void findNode() {
        messages.blameIfRefused(vm.operations().findNode(), target);
    }

    @FXML
    private void findValue() {
        messages.blameIfRefused(vm.operations().findValue(), key);
    }

    @FXML
    private void store() {
        messages.blameIfRefused(vm.operations().store(),
                BarRules.blank(key.getText()) || BarRules.key(key.getText()) != null ? key : value);
    }

    // ------------------------------------------------------------------ API of the bar

    /** Puts the keyboard focus in the key field. */
    public void focusKey() {
        key.requestFocus();
    }

    /** Shows or hides the settings row. */
    public void toggleSettings() {
        settingsToggle.setSelected(!settingsToggle.isSelected());
    }

    /** The churn row (for tests). */
    public ChurnPane churn() {
        return churn;
    }

    /** The "Add with id" pop-over (for tests). */
    public AddNodeDialog addWithId() {
        return addWithId;
    }

    /** The settings row (for tests). */
    public SettingsPane settings() {
        return settings;
    }

    /** Where "Current view as PNG" finds the view to save (the main view's open tab). */
    public void onCurrentView(Supplier<Node> view) {
        currentView = view;
    }

    /** What the help button does (the app shows its help overlay). */
    public void onHelp(Runnable action) {
        helpAction = action == null ? () -> { } : action;
    }

    /** The export actions of this window (made on first use, once the bar is in a scene). */
    public ExportActions exports() {
        if (exports == null) {
            exports = new ExportActions(vm, getScene());
        }
        return exports;
    }

    /** Runs find_node to the typed target, as the Find node button does (a refusal is marked at the field). */
    public void findTyped() {
        findNode();
    }

    /** Runs find_value for the typed key, as the Find value button does. */
    public void findValueTyped() {
        findValue();
    }

    /** Stores the typed value under the typed key, as the Store button does. */
    public void storeTyped() {
        store();
    }

    /** Shows the churn row. */
    public void showChurn() {
        churnToggle.setSelected(true);
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

    /** The error marked at the field with this id (such as "target-field" or "add-count"), if any. */
    public Optional<String> fieldError(String id) {
        Node n = lookup("#" + id);
        return n instanceof Control c ? checks.error(c) : Optional.empty();
    }

    /** Adds as many nodes as the box says, typed or not; a bad number gets an inline message. */
    public boolean addTyped() {
        Integer n = messages.typed(addCount, "Add nodes", 1, NetworkCommands.MAX_NODES);
        return n != null && vm.commands().addNodes(n);
    }

    /** Kills the share of live nodes the box says, typed or not; a bad number gets an inline message. */
    public boolean killTyped() {
        Integer p = messages.typed(killPercent, "Kill %", 0, 100);
        return p != null && vm.commands().killPercent(p) >= 0;
    }

    /** Adds a group of controls after the Records group (it wraps onto a row of its own when the window is narrow). */
    public void addRecordsControl(Node group) {
        recordsGroups.getChildren().add(group);
    }

    /** Adds a control at the front of the window group (beside export, help and the theme switch). */
    public void addWindowControl(Node control) {
        windowGroup.getChildren().add(0, control);
    }

    /** Shows which theme the button switches to. */
    public void themeIsLight(boolean light) {
        theme.setText(light ? "Dark theme" : "Light theme");
    }

    private static void tip(Control c, String text) {
        c.setTooltip(new Tooltip(text));
    }
}
