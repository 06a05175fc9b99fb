package org.kadlab.ui;

import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Every keyboard shortcut of the window, defined once: its keys as people read them, a short text
 * (the README's table), the key combination and the help overlay's line. The help overlay, the
 * controls' tooltips and the scene's accelerators all read this table.
 *
 * <ol>
 *   <li>{@link #install} registers one scene accelerator per shortcut that acts on the window.</li>
 *   <li>A key goes to the shortcut before the focused control sees it (a focused slider would take
 *       Right), except that a plain key ({@link Scope#NOT_TYPING}) stays with a text field that has
 *       the focus, and {@link Scope#FIELD} keys are the focused field's own.</li>
 *   <li>'?' typed outside a text field does what {@link #HELP} does.</li>
 * </ol>
 */
public enum Shortcuts {
    PLAY_PAUSE("Space", "play / pause", "Play or pause the simulation clock", plain(KeyCode.SPACE), Scope.NOT_TYPING),
    STEP("Right", "step one event", "Step: run exactly one simulation event", plain(KeyCode.RIGHT), Scope.NOT_TYPING),
    STEP_ROUND("Shift+Right", "step one lookup round",
            "Step one lookup round (sliding: until alpha more answers or timeouts)",
            new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.SHIFT_DOWN), Scope.NOT_TYPING),
    STEP_BACK("Left", "one event back (the network is rebuilt as it was)",
            "Step back: the network as it was one simulation event earlier", plain(KeyCode.LEFT), Scope.NOT_TYPING),
    STEP_LOOKUP("Ctrl+Right", "step this lookup: its next event, told in words",
            "Step this lookup: run until the inspected lookup's next event and tell it (other traffic runs silently)",
            shortcut(KeyCode.RIGHT), Scope.NOT_TYPING),
    KILL_SELECTED("Delete", "kill the selected node", "Kill the selected node", plain(KeyCode.DELETE), Scope.NOT_TYPING),
    KILL_SHARE("Ctrl+Delete", "kill the share of live nodes in the Kill % box (30% at first)",
            "Kill the share of live nodes in the Kill % box (30% at first)", shortcut(KeyCode.DELETE), Scope.NOT_TYPING),
    RUN_FIELD("Enter", "in the target field: find node; in the key field: find value; in the value field: store",
            "In the target field: find node; in the key field: find value; in the value field: store",
            plain(KeyCode.ENTER), Scope.FIELD),
    RUN_LOOKUPS("Ctrl+Shift+L", "run 100 lookups from random live nodes to random targets",
            "Run 100 find_node lookups from random live nodes to random targets",
            new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), Scope.ALWAYS),
    ADD_NODES("Ctrl+N", "add nodes", "Add nodes (as many as the spinner says)", shortcut(KeyCode.N), Scope.ALWAYS),
    REVIVE_ALL("Ctrl+R", "revive all", "Revive every crashed node", shortcut(KeyCode.R), Scope.ALWAYS),
    TYPE_TARGET("Ctrl+L", "type a target", "Type a target id (Enter runs find_node)", shortcut(KeyCode.L), Scope.ALWAYS),
    TYPE_KEY("Ctrl+K", "type a key", "Type a key (Enter runs find_value)", shortcut(KeyCode.K), Scope.ALWAYS),
    THEME("Ctrl+T", "switch between the dark and the light theme", "Switch between the dark and the light theme",
            shortcut(KeyCode.T), Scope.ALWAYS),
    PRESENTATION("Ctrl+P", "presentation mode", "Presentation mode: larger fonts for a projector", shortcut(KeyCode.P),
            Scope.ALWAYS),
    SETTINGS("Ctrl+Comma", "show / hide the settings", "Show or hide the network settings", shortcut(KeyCode.COMMA),
            Scope.ALWAYS),
    SAVE_SCENARIO("Ctrl+S", "save a scenario", "Save the scenario that rebuilds this network", shortcut(KeyCode.S),
            Scope.ALWAYS),
    OPEN_SCENARIO("Ctrl+O", "open a scenario", "Open a scenario and run it", shortcut(KeyCode.O), Scope.ALWAYS),
    EXPORT_WINDOW("Ctrl+E", "export the window as PNG", "Export the window as PNG", shortcut(KeyCode.E), Scope.ALWAYS),
    EXPORT_VIEW("Ctrl+Shift+E", "export the current view (the open tab) as PNG",
            "Export the current view (the open tab) as PNG",
            new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), Scope.ALWAYS),
    HELP("F1 or ?", "show / hide the help overlay", "Show or hide this help", plain(KeyCode.F1), Scope.ALWAYS),
    ESCAPE("Esc", "close the help, or leave a text field", "Close this help; leave a text field", plain(KeyCode.ESCAPE),
            Scope.ALWAYS);

    /** The character that, typed outside a text field, shows or hides the help like {@link #HELP}'s key. */
    public static final String HELP_CHARACTER = "?";

    /** Where a shortcut acts. */
    public enum Scope {
        /** Anywhere in the window, also while typing in a text field. */
        ALWAYS,
        /** Anywhere in the window except in a text field, which keeps the key. */
        NOT_TYPING,
        /** In the focused text field only (its own action); not a scene accelerator. */
        FIELD
    }

    private final String keys;
    private final String text;
    private final String help;
    private final KeyCombination combination;
    private final Scope scope;

    Shortcuts(String keys, String text, String help, KeyCombination combination, Scope scope) {
        this.keys = keys;
        this.text = text;
        this.help = help;
        this.combination = combination;
        this.scope = scope;
    }

    /** The keys as people read them, such as "Ctrl+Shift+E". */
    public String keys() {
        return keys;
    }

    /** What the shortcut does, in a few words (the README's table). */
    public String text() {
        return text;
    }

    /** The help overlay's line. */
    public String help() {
        return help;
    }

    /** The key combination. */
    public KeyCombination combination() {
        return combination;
    }

    public Scope scope() {
        return scope;
    }

    /** Whether the shortcut is a scene accelerator (not a text field's own key). */
    public boolean isAccelerator() {
        return scope != Scope.FIELD;
    }

    /** {@code what} followed by the keys in brackets: a control's tooltip or a menu item's text. */
    public String withKeys(String what) {
        return what + " (" + keys + ")";
    }

    /**
     * Registers {@code actions} as the scene's accelerators (every shortcut without an action does
     * nothing) and routes keys to them before the focused control, as the class comment says.
     */
    public static void install(Scene scene, Map<Shortcuts, Runnable> actions) {
        for (Shortcuts s : values()) {
            if (s.isAccelerator()) {
                Runnable action = actions.getOrDefault(s, () -> { });
                scene.getAccelerators().put(s.combination, () -> {
                    if (s.scope != Scope.NOT_TYPING || !typing(scene)) {
                        action.run();
                    }
                });
            }
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (Shortcuts s : values()) {
                if (s.isAccelerator() && s.combination.match(e)) {
                    Runnable accelerator = scene.getAccelerators().get(s.combination);
                    if (accelerator == null || (s.scope == Scope.NOT_TYPING && typing(scene))) {
                        return;
                    }
                    accelerator.run();
                    e.consume();
                    return;
                }
            }
        });
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            Runnable help = scene.getAccelerators().get(HELP.combination);
            if (HELP_CHARACTER.equals(e.getCharacter()) && !typing(scene) && help != null) {
                help.run();
                e.consume();
            }
        });
    }

    /** Whether a text field has the keyboard focus. */
    public static boolean typing(Scene scene) {
        return scene.getFocusOwner() instanceof TextInputControl;
    }

    private static KeyCombination plain(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }
}
