package org.kadlab.ui.distance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.ui.FxFixture;
import org.kadlab.ui.TestViews;
import org.kadlab.ui.model.NetworkViewModel;
import org.testfx.util.WaitForAsyncUtils;

/** The XOR-distance view: one ring per bucket in use, and a key that can be hidden to give the rings the room. */
@ExtendWith(FxFixture.class)
class DistanceRingsViewTest {
    @Test
    void hidingTheKeyGivesTheRingsMoreRoom() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            DistanceRingsView view = new DistanceRingsView(vm);
            TestViews.show(view, 620, 560);
            view.refresh();
            view.applyCss();
            view.layout();
            double withKey = view.outerRadius();
            assertThat(view.lookup(".ring-key").isVisible()).isTrue();
            view.keyToggle().setSelected(false);
            view.layout();
            assertThat(view.lookup(".ring-key").isVisible()).as("the key is hidden").isFalse();
            assertThat(view.outerRadius()).as("outer ring radius without the key").isGreaterThan(withKey);
            assertThat(view.outerRadius() * 2).as("the rings fit the view").isLessThanOrEqualTo(560);
            int expectedRings = 0;
            for (DistanceRingsView.RingInfo r : view.rings()) {
                assertThat(r.share()).isEqualTo(Math.pow(2, r.index() - 16));
                expectedRings++;
            }
            assertThat(expectedRings).as("one ring per bucket from the farthest down").isPositive();
            return null;
        }).get();
    }

    @Test
    void theTitleNeverRunsUnderTheToggles() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            for (double width : new double[] {900, 420}) {
                DistanceRingsView view = new DistanceRingsView(vm);
                TestViews.show(view, width, 560);
                view.refresh();
                view.applyCss();
                view.layout();
                javafx.scene.text.Text title = (javafx.scene.text.Text) view.lookup(".view-title");
                javafx.scene.Node toggles = view.lookup(".toggle-button");
                double right = title.getBoundsInParent().getMaxX();
                double firstToggle = Double.MAX_VALUE;
                for (javafx.scene.Node n : view.lookupAll(".toggle-button")) {
                    firstToggle = Math.min(firstToggle, n.getBoundsInParent().getMinX());
                }
                assertThat(toggles).isNotNull();
                assertThat(right).as("title ends before the toggles at width %s", width).isLessThan(firstToggle);
                assertThat(title.getText()).startsWith("XOR distance from ");
                if (width == 900) {
                    assertThat(title.getText()).as("the whole title where it fits").contains("ring i = bucket i");
                }
            }
            return null;
        }).get();
    }
}
