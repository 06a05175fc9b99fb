package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.kad.LookupMode;
import org.kadlab.ui.model.NetworkSettings;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.Preset;
import org.kadlab.ui.theme.Theme;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's content never lays out wider than the window: at the narrowest width the stage allows
 * (1024) and at common laptop widths, with 160-bit ids, a long status text and a network building in
 * the background, the main view is exactly as wide as the scene and every control of the top bar lies
 * inside it, inside the bar, and clear of every other control.
 */
@ExtendWith(FxFixture.class)
class WindowWidthTest {
    private Stage stage;
    private NetworkViewModel vm;

    @BeforeEach
    void toolkit() throws Exception {
        stage = FxFixture.primaryStage();
        vm = new NetworkViewModel(new NetworkSettings(120, 160, 20, 3, LookupMode.SLIDING, 10, 80, 0.0, 1).toSimConfig(), 120);
        vm.playback().playingProperty().set(false);
    }

    @AfterEach
    void cleanUp() throws Exception {
        vm.shutdown();
    }

    @Test
    void theTopBarKeepsEveryControlInsideTheWindowAt1024And1280And1366PixelsWhileALargeNetworkBuilds() throws Exception {
        for (int width : new int[] {1024, 1280, 1366}) {
            for (boolean settingsShown : new boolean[] {false, true}) {
                Result r = WaitForAsyncUtils.asyncFx(() -> layOut(width, settingsShown)).get();
                assertThat(r.building).as("the building label shows").isTrue();
                assertThat(r.viewWidth).as("main view width at %d px (settings shown: %s)", width, settingsShown)
                        .isEqualTo(width);
                assertThat(r.outside).as("controls outside the %d px scene (settings shown: %s)", width, settingsShown)
                        .isEmpty();
                assertThat(r.overlaps).as("controls drawn over each other at %d px (settings shown: %s)", width, settingsShown)
                        .isEmpty();
                assertThat(r.help.getMinX()).as("help button left edge").isGreaterThanOrEqualTo(0);
                assertThat(r.help.getMaxX()).as("help button right edge").isLessThanOrEqualTo(width);
            }
        }
    }

    private record Result(double viewWidth, Bounds help, List<String> outside, List<String> overlaps, boolean building) {
    }

    private Result layOut(int width, boolean settingsShown) {
        MainView view = new MainView(vm);
        // as in the app: the view sits in a stack with the help layer, which gives it at least its minimum width
        Scene scene = new Scene(new StackPane(view), width, 700);
        scene.getStylesheets().add(Theme.appStylesheet());
        stage.setScene(scene);
        stage.show();
        vm.operations().targetTextProperty().set(vm.keySpace().hex(vm.simulation().nodes().get(7).id()));
        vm.operations().findNode();
        vm.builder().applyPreset(Preset.LARGE, true); // builds in the background: "building n%" and the progress bar show
        vm.playback().tick(1_000_000L);
        if (settingsShown) {
            view.controls().toggleSettings();
        }
        Label status = (Label) scene.lookup("#status-label");
        status.textProperty().unbind();
        status.setText("4096 nodes \u00b7 4096 live \u00b7 t = 123456789012 ms");
        view.refresh();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        Bounds bar = view.controls().localToScene(view.controls().getLayoutBounds());
        List<String> outside = new ArrayList<>();
        List<Node> controls = new ArrayList<>();
        for (Node n : view.controls().lookupAll("*")) {
            boolean control = n instanceof ButtonBase || n instanceof Spinner<?> || n instanceof Slider || n instanceof Label
                    || (n instanceof TextField && !(n.getParent() instanceof Spinner<?>));
            if (!control || !shown(n) || inside(n, Spinner.class) || inside(n, ButtonBase.class)) {
                continue;
            }
            controls.add(n);
            Bounds b = bounds(n);
            if (b.getMinX() < 0 || b.getMaxX() > width || b.getMinY() < bar.getMinY() || b.getMaxY() > bar.getMaxY() + 0.5) {
                outside.add(name(n) + " " + b);
            }
        }
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < controls.size(); i++) {
            for (int j = i + 1; j < controls.size(); j++) {
                Bounds a = bounds(controls.get(i));
                Bounds b = bounds(controls.get(j));
                boolean apart = a.getMaxX() <= b.getMinX() + 0.5 || b.getMaxX() <= a.getMinX() + 0.5
                        || a.getMaxY() <= b.getMinY() + 0.5 || b.getMaxY() <= a.getMinY() + 0.5;
                if (!apart && a.getWidth() > 0 && b.getWidth() > 0) {
                    overlaps.add(name(controls.get(i)) + " and " + name(controls.get(j)));
                }
            }
        }
        Node help = scene.lookup("#help-button");
        boolean building = scene.lookup("#build-progress").isVisible();
        vm.shutdown();
        return new Result(view.getWidth(), help.localToScene(help.getBoundsInLocal()), outside, overlaps, building);
    }

    private static Bounds bounds(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    /** Whether {@code n} and every parent of it are visible. */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean inside(Node n, Class<?> kind) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (kind.isInstance(p)) {
                return true;
            }
        }
        return false;
    }

    private static String name(Node n) {
        String text = n instanceof Label l ? " \"" + l.getText() + "\"" : "";
        return (n.getId() == null ? n.getClass().getSimpleName() : n.getId()) + text;
    }
}
