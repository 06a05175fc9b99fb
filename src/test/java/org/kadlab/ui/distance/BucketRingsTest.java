package org.kadlab.ui.distance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kadlab.ui.FxFixture.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.ui.FxFixture;
import org.kadlab.ui.model.RingScale;

/** The ring labels of the distance view: none overlap, the outermost and the selected ring's are always shown. */
@ExtendWith(FxFixture.class)
class BucketRingsTest {

    @Test
    void ringsCloserThanALabelIsTallKeepTheOutermostAndTheSelectedLabelAndNoOverlap() throws Exception {
        fx(() -> {
            int highest = 31;
            int lowest = 8;
            List<DistanceRingsView.RingInfo> infos = new ArrayList<>();
            for (int i = highest; i >= lowest; i--) {
                infos.add(new DistanceRingsView.RingInfo(i, 1, i % 2, Math.pow(2, i - 32)));
            }
            BucketRings rings = new BucketRings();
            int chosen = 20;
            rings.draw(infos, RingScale.even(lowest, highest, 36, 120), false, 200, 200, chosen, 32);
            List<Text> shown = new ArrayList<>();
            for (Node n : rings.group.getChildren()) {
                if (n instanceof Text t && t.isVisible()) {
                    shown.add(t);
                }
            }
            assertThat(shown.size()).as("some labels give way").isBetween(2, infos.size() - 1);
            assertThat(shown).extracting(Text::getText).contains(rings.labelText(highest), rings.labelText(chosen));
            for (int a = 0; a < shown.size(); a++) {
                for (int b = a + 1; b < shown.size(); b++) {
                    assertThat(shown.get(a).getLayoutBounds().intersects(shown.get(b).getLayoutBounds()))
                            .as("%s over %s", shown.get(a).getText(), shown.get(b).getText()).isFalse();
                }
            }
            assertThat(rings.chosenRing()).isEqualTo(chosen);
            return null;
        });
    }
}
