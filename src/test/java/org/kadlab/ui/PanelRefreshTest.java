package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The bucket panel and the inspector recompute their rows only when their content's version changed. */
class PanelRefreshTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void panelsSkipFramesInWhichTheirContentDidNotChange() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            vm.playingProperty().set(false);
            BucketPanel buckets = new BucketPanel(vm);
            LookupInspector inspector = new LookupInspector(vm);
            buckets.refresh();
            inspector.refresh();
            long b = buckets.rebuilds();
            long i = inspector.rebuilds();
            for (int f = 0; f < 10; f++) {
                vm.tick(16_666_667L);
                buckets.refresh();
                inspector.refresh();
            }
            assertThat(buckets.rebuilds()).as("an idle network redraws no bucket rows").isEqualTo(b);
            assertThat(inspector.rebuilds()).as("no lookup, no new rows").isEqualTo(i);

            vm.targetTextProperty().set("7f00");
            vm.findNode();
            inspector.refresh();
            assertThat(inspector.rebuilds()).isEqualTo(i + 1);
            int rows = inspector.table().getItems().size();
            assertThat(rows).isPositive();
            var first = inspector.table().getItems();
            inspector.refresh();
            assertThat(inspector.rebuilds()).as("same version, no work").isEqualTo(i + 1);
            while (!vm.selectedLookup().isOver()) {
                vm.stepOnce();
            }
            inspector.refresh();
            assertThat(inspector.rebuilds()).isGreaterThan(i + 1);
            assertThat(inspector.table().getItems()).as("the same list, updated in place").isSameAs(first);
            assertThat(inspector.table().getItems()).isEqualTo(vm.selectedLookup().rows(vm.simulation()));

            vm.select(vm.simulation().nodes().get(3));
            buckets.refresh();
            assertThat(buckets.rebuilds()).as("another node, other rows").isEqualTo(b + 1);
            assertThat(buckets.shownRows()).isEqualTo(BucketRow.of(vm.selectedNode(), vm.simulation()));
        }).get();
    }
}
