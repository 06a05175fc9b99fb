package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.ui.buckets.BucketPanel;
import org.kadlab.ui.inspector.LookupInspector;
import org.kadlab.ui.model.BucketRow;
import org.kadlab.ui.model.NetworkViewModel;
import org.testfx.util.WaitForAsyncUtils;

/** The bucket panel and the inspector recompute their rows only when their content's version changed. */
@ExtendWith(FxFixture.class)
class PanelRefreshTest {
    @Test
    void panelsSkipFramesInWhichTheirContentDidNotChange() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            vm.playback().playingProperty().set(false);
            BucketPanel buckets = new BucketPanel(vm);
            LookupInspector inspector = new LookupInspector(vm);
            buckets.refresh();
            inspector.refresh();
            long b = buckets.rebuilds();
            long i = inspector.rebuilds();
            for (int f = 0; f < 10; f++) {
                vm.playback().tick(16_666_667L);
                buckets.refresh();
                inspector.refresh();
            }
            assertThat(buckets.rebuilds()).as("an idle network redraws no bucket rows").isEqualTo(b);
            assertThat(inspector.rebuilds()).as("no lookup, no new rows").isEqualTo(i);

            vm.operations().targetTextProperty().set("7f00");
            vm.operations().findNode();
            inspector.refresh();
            assertThat(inspector.rebuilds()).isEqualTo(i + 1);
            int rows = inspector.table().getItems().size();
            assertThat(rows).isPositive();
            var first = inspector.table().getItems();
            inspector.refresh();
            assertThat(inspector.rebuilds()).as("same version, no work").isEqualTo(i + 1);
            while (!vm.selection().selectedLookup().isOver()) {
                vm.playback().stepOnce();
            }
            inspector.refresh();
            assertThat(inspector.rebuilds()).isGreaterThan(i + 1);
            assertThat(inspector.table().getItems()).as("the same list, updated in place").isSameAs(first);
            assertThat(inspector.table().getItems()).isEqualTo(vm.selection().selectedLookup().rows(vm.network()));

            vm.selection().select(vm.simulation().nodes().get(3).id());
            buckets.refresh();
            assertThat(buckets.rebuilds()).as("another node, other rows").isEqualTo(b + 1);
            assertThat(buckets.shownRows()).isEqualTo(BucketRow.of(vm.selection().selectedNode(), vm.network()));
        }).get();
    }
}
