package org.kadlab.ui;

import java.util.EnumMap;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.kadlab.ui.controls.ControlBar;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.Operations;
import org.kadlab.ui.theme.Theme;

/**
 * The KadLab desktop app: a window on an embedded simulated Kademlia network (32 nodes, 16-bit ids,
 * k = 4, alpha = 3, already joined), with a help layer over it. The shortcuts are defined in
 * {@link Shortcuts} (F1 or '?' shows them); Ctrl+P toggles presentation mode, a style class on the
 * root that scales the fonts.
 */
public class KadLabApp extends Application {
    /** The style class of presentation mode (larger fonts for a projector). */
    public static final String PRESENTATION = "presentation";

    private NetworkViewModel vm;
    private MainView view;
    private FrameLoop loop;
    private HelpOverlay help;
    private StackPane root;
    private Presentation presentation;

    @Override
    public void start(Stage stage) {
        vm = new NetworkViewModel();
        view = new MainView(vm);
        help = new HelpOverlay();
        root = new StackPane(view, help);
        root.getStyleClass().add("app-root");
        presentation = new Presentation(root, view);
        // 1280 x 800 where it fits; on a 1366 x 768 laptop (or smaller) the screen's usable area
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double width = Math.min(1280, screen.getWidth());
        double height = Math.min(800, screen.getHeight());
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Theme.appStylesheet());
        view.controls().onHelp(help::toggle);
        Map<Shortcuts, Runnable> actions = installShortcuts(scene, vm, view, help, presentation);
        view.showMenuBar(new MenuBarView(vm, view, actions, presentation));
        loop = new FrameLoop(vm, view);
        loop.frameMicrosProperty().addListener((o, a, b) -> view.showFrameCost(b.doubleValue(), loop.framesPerSecondProperty().get()));
        view.refresh();
        stage.getIcons().clear(); // the application icon, from assets/icons (once, even on a reused stage)
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            java.net.URL icon = KadLabApp.class.getResource("icons/kadlab-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
        stage.setTitle("KadLab \u2014 Kademlia, step by step");
        stage.setMinWidth(Math.min(1024, width));
        stage.setMinHeight(Math.min(640, height));
        stage.setScene(scene);
        if (width < 1280 || height < 800) {
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
        }
        stage.show();
        loop.start();
    }

    @Override
    public void stop() {
        if (loop != null) {
            loop.stop();
        }
        if (vm != null) {
            vm.shutdown();
        }
    }

    /** The view model of the running window (for tests). */
    public NetworkViewModel viewModel() {
        return vm;
    }

    /** The main view of the running window (for tests). */
    public MainView mainView() {
        return view;
    }

    /** The frame loop of the running window (for tests). */
    public FrameLoop frameLoop() {
        return loop;
    }

    /** The menu bar (for tests). */
    public MenuBarView menuBar() {
        return (MenuBarView) view.lookup(".app-menu-bar");
    }

    /** The help layer (for tests). */
    public HelpOverlay helpOverlay() {
        return help;
    }

    /** Whether presentation mode is on. */
    public boolean isPresenting() {
        return presentation.isOn();
    }

    /** Switches presentation mode (everything larger) on or off. */
    public void togglePresentation() {
        presentation.toggle();
    }

    /** Presentation mode of this window. */
    public Presentation presentation() {
        return presentation;
    }

    /**
     * Installs the keyboard shortcuts of {@link Shortcuts} with what each does in this window; keys
     * typed into a text field stay with the field. Returns what each shortcut does (the menus run the same).
     */
    static Map<Shortcuts, Runnable> installShortcuts(Scene scene, NetworkViewModel vm, MainView view, HelpOverlay help, Presentation presentation) {
        ControlBar c = view.controls();
        Map<Shortcuts, Runnable> actions = new EnumMap<>(Shortcuts.class);
        actions.put(Shortcuts.PLAY_PAUSE, vm.playback()::togglePlay);
        actions.put(Shortcuts.STEP, vm.playback()::stepOnce);
        actions.put(Shortcuts.STEP_ROUND, vm.playback()::stepRound);
        actions.put(Shortcuts.STEP_LOOKUP, vm.playback()::stepLookup);
        actions.put(Shortcuts.STEP_BACK, () -> vm.rewind().stepBack(true));
        actions.put(Shortcuts.KILL_SELECTED, vm.commands()::killSelected);
        actions.put(Shortcuts.KILL_SHARE, c::killTyped);
        actions.put(Shortcuts.RUN_LOOKUPS, () -> vm.operations().runLookups(Operations.BATCH_LOOKUPS));
        actions.put(Shortcuts.ADD_NODES, c::addTyped);
        actions.put(Shortcuts.REVIVE_ALL, vm.commands()::reviveAll);
        actions.put(Shortcuts.TYPE_TARGET, c::focusTarget);
        actions.put(Shortcuts.TYPE_KEY, c::focusKey);
        actions.put(Shortcuts.THEME, view::toggleTheme);
        actions.put(Shortcuts.PRESENTATION, presentation::toggle);
        actions.put(Shortcuts.SETTINGS, c::toggleSettings);
        actions.put(Shortcuts.SAVE_SCENARIO, () -> c.exports().saveScenario());
        actions.put(Shortcuts.OPEN_SCENARIO, () -> c.exports().openScenario());
        actions.put(Shortcuts.EXPORT_WINDOW, () -> c.exports().savePng());
        actions.put(Shortcuts.EXPORT_VIEW, () -> c.exports().saveViewPng(view.currentView()));
        actions.put(Shortcuts.HELP, help::toggle);
        actions.put(Shortcuts.ESCAPE, () -> {
            if (help.isVisible()) {
                help.setVisible(false);
            } else if (Shortcuts.typing(scene)) {
                view.requestFocus();
            }
        });
        Shortcuts.install(scene, actions);
        return actions;
    }

    public static void main(String[] args) {
        launch(args);
    }
}
