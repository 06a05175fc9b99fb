package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.kadlab.ui.model.NetworkViewModel;
import org.testfx.util.WaitForAsyncUtils;

/** Writes a PNG snapshot of each view, mid-lookup, into target/snapshots (for people to look at). */
class ViewSnapshotTest extends AppFixture {
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
            java.awt.image.BufferedImage image = ImageIO.read(f);
            assertThat(image.getWidth()).isGreaterThan(200);
            assertThat(colours(image)).as(name + " shows a drawn view, not a blank area").isGreaterThan(20);
        }
        assertThat(pixelsNear(ImageIO.read(dir.resolve("ring.png").toFile()), 0x009E73))
                .as("the selected node's contacts are drawn in the theme's green").isGreaterThan(100);
    }

    private static int colours(java.awt.image.BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return seen.size();
    }

    private static int pixelsNear(java.awt.image.BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int d = Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) + Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255))
                        + Math.abs((p & 255) - (rgb & 255));
                if (d < 40) {
                    n++;
                }
            }
        }
        return n;
    }

    private static void write(Node node, Path file) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
