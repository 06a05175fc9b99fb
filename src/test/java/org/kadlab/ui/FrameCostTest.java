package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.Playback;
import org.kadlab.ui.theme.Theme;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measures the work of one frame (drain the inbox, run the due steps, redraw) while a lookup runs,
 * on the default network and on 2,000 nodes, and prints it for the README. Time is not asserted (a
 * timed test would only measure the machine); the rule asserted is that a frame runs a bounded slice
 * of the simulation.
 */
@ExtendWith(FxFixture.class)
class FrameCostTest {
    @Test
    void aFrameStaysCheapOnTheDefaultNetworkAndOnTwoThousandNodes() throws Exception {
        Stage stage = FxFixture.primaryStage();
        for (int nodes : new int[] {NetworkViewModel.DEFAULT_NODES, 2_000}) {
            NetworkViewModel vm = new NetworkViewModel(NetworkViewModel.defaultConfig(1), nodes);
            double[] result = WaitForAsyncUtils.asyncFx(() -> {
                MainView view = new MainView(vm);
                Scene scene = new Scene(view, 1280, 800);
                scene.getStylesheets().add(Theme.appStylesheet());
                stage.setScene(scene);
                stage.show();
                FrameLoop loop = new FrameLoop(vm, view);
                view.refresh();
                vm.operations().targetTextProperty().set("7f00");
                vm.operations().findNode();
                long total = 0;
                int frames = 0;
                long mostEvents = 0;
                for (int lookup = 0; lookup < 3; lookup++) {
                    for (int f = 0; f < 120 && vm.simulation().isBusy(); f++) {
                        long before = vm.simulation().stats().events();
                        total += loop.frame(16_666_667L);
                        mostEvents = Math.max(mostEvents, vm.simulation().stats().events() - before);
                        frames++;
                    }
                    vm.operations().randomTarget();
                    vm.operations().findNode();
                }
                return new double[] {total / (double) Math.max(1, frames), frames, loop.worstNanos(), mostEvents};
            }).get();
            System.out.println(String.format(Locale.ROOT, "frame cost with %d nodes: mean %.0f ns over %d frames, worst %.0f ns",
                    nodes, result[0], (int) result[1], result[2]));
            // the figure goes to the README; the rule checked is the bounded slice of simulation per frame
            assertThat(result[1]).as("frames drawn while lookups ran on %d nodes", nodes).isPositive();
            assertThat((long) result[3]).as("simulation events run in one frame with %d nodes", nodes)
                    .isPositive().isLessThanOrEqualTo(Playback.EVENT_BUDGET_PER_FRAME);
        }
    }
}
