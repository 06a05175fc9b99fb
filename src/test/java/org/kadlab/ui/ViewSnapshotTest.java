package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kadlab.ui.model.NetworkViewModel;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Writes a PNG snapshot of each view, mid-lookup, into target/snapshots (for people to look at). */
class ViewSnapshotTest {
    private KadLabApp app;

    @BeforeEach
    void startApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (KadLabApp) FxToolkit.setupApplication(KadLabApp.class);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void writesAPngOfEveryView() throws Exception {
        Path dir = Path.of("target", "snapshots");
        Files.createDirectories(dir);
        NetworkViewModel vm = app.viewModel();
        WaitForAsyncUtils.asyncFx(() -> {
            vm.playback().playingProperty().set(false);
            vm.selection().select(vm.simulation().nodes().get(3).id());
            vm.operations().targetTextProperty().set("7f00");
            vm.operations().findNode();
            for (int i = 0; i < 6; i++) {
                vm.playback().stepOnce();
            }
            app.mainView().refresh();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        write(app.mainView(), dir.resolve("window.png"));
        write(app.mainView().ringView(), dir.resolve("ring.png"));
        write(app.mainView().bucketPanel(), dir.resolve("buckets.png"));
        write(app.mainView().inspector(), dir.resolve("inspector.png"));
        WaitForAsyncUtils.asyncFx(() -> app.mainView().tabs().getSelectionModel().select(1)).get();
        WaitForAsyncUtils.waitForFxEvents();
        write(app.mainView().distanceView(), dir.resolve("distance.png"));
        for (String name : new String[] {"window", "ring", "buckets", "inspector", "distance"}) {
            File f = dir.resolve(name + ".png").toFile();
            assertThat(f).exists();
            assertThat(ImageIO.read(f).getWidth()).isGreaterThan(200);
        }
    }

    private static void write(Node node, Path file) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
