package org.kadlab.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.kadlab.ui.AppFixture;

/** The running window carries KadLab's icon, loaded from the jar at its small and large sizes. */
class WindowIconTest extends AppFixture {
    @Test
    void theWindowShowsTheApplicationIconAtEverySizeUpTo256() throws Exception {
        List<Double> widths = fx(() -> ((Stage) app.mainView().getScene().getWindow()).getIcons().stream()
                .filter(i -> !i.isError()).map(Image::getWidth).toList());
        assertThat(widths).containsExactly(16.0, 32.0, 48.0, 64.0, 128.0, 256.0);
    }
}
