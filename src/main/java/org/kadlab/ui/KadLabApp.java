package org.kadlab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The KadLab desktop app: a window on an embedded simulated Kademlia network (32 nodes, 16-bit ids,
 * k = 4, alpha = 3, already joined). Shortcuts: Space play/pause, Right step one event, Delete kill
 * the selected node, Ctrl+N add nodes, Ctrl+R revive all, Ctrl+L type a target, Ctrl+T theme.
 */
public class KadLabApp extends Application {
    private NetworkViewModel vm;
    private MainView view;
    private FrameLoop loop;

    @Override
    public void start(Stage stage) {
        vm = new NetworkViewModel();
        view = new MainView(vm);
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(KadLabApp.class.getResource("kadlab.css").toExternalForm());
        installShortcuts(scene, vm, view);
        loop = new FrameLoop(vm, view);
        loop.frameMicrosProperty().addListener((o, a, b) -> view.showFrameCost(b.doubleValue()));
        view.refresh();
        stage.setTitle("KadLab \u2014 Kademlia, step by step");
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        stage.setScene(scene);
        stage.show();
        loop.start();
    }

    @Override
    public void stop() {
        if (loop != null) {
            loop.stop();
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

    /** Installs the keyboard shortcuts; keys typed into a text field stay with the field. */
    static void installShortcuts(Scene scene, NetworkViewModel vm, MainView view) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            if (e.isShortcutDown()) {
                switch (e.getCode()) {
                    case N -> vm.addNodes(view.controls().addCount());
                    case R -> vm.reviveAll();
                    case L -> view.controls().focusTarget();
                    case T -> view.toggleTheme();
                    default -> {
                        return;
                    }
                }
                e.consume();
                return;
            }
            if (typing) {
                if (e.getCode() == KeyCode.ESCAPE) {
                    view.requestFocus();
                    e.consume();
                }
                return;
            }
            switch (e.getCode()) {
                case SPACE -> vm.togglePlay();
                case RIGHT -> vm.stepOnce();
                case DELETE -> vm.killSelected();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    public static void main(String[] args) {
        launch(args);
    }
}
