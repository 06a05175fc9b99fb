package org.kadlab.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kadlab.ui.TestViews;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.Preset;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The charts belong to one network: a new network (Apply, a preset, a scenario) starts them empty. */
class StatsViewTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aNewNetworkClearsTheChartsOfTheOldOne() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            vm.playback().playingProperty().set(false);
            StatsView stats = new StatsView(vm);
            TestViews.show(stats, 900, 600);
            vm.selection().select(vm.simulation().nodes().get(3).id());
            vm.operations().targetTextProperty().set("7f00");
            assertThat(vm.operations().findNode()).isTrue();
            while (!vm.selection().selectedLookup().isOver()) {
                vm.playback().stepOnce();
            }
            stats.update();
            assertThat(stats.hopsSeries().size()).as("the finished lookup is charted").isEqualTo(1);

            assertThat(vm.builder().applyPreset(Preset.CLASSROOM, false)).isTrue();
            stats.update();
            assertThat(stats.lookupsCharted()).isZero();
            assertThat(stats.hopsSeries().series().getData()).as("no point of the old network is drawn").isEmpty();
            assertThat(stats.rpcSeries().series().getData()).isEmpty();
            assertThat(stats.exactSeries().series().getData()).isEmpty();
            vm.shutdown();
            return null;
        }).get();
    }
}
