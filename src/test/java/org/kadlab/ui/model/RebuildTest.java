package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.ui.FxFixture;
import org.kadlab.ui.MainView;
import org.kadlab.ui.TestViews;
import org.testfx.util.WaitForAsyncUtils;

/** Swapping in a network of another id width never lets a view see the old network's node with the new one. */
@ExtendWith(FxFixture.class)
class RebuildTest {
    @Test
    void switchingPresetsAfterALookupRaisesNothingInTheViews() throws Exception {
        List<Throwable> raised = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            Thread.UncaughtExceptionHandler before = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> raised.add(e)); // listeners report here
            try {
                NetworkViewModel vm = new NetworkViewModel();
                vm.playback().playingProperty().set(false);
                MainView view = new MainView(vm);
                TestViews.show(view, 1280, 800);
                view.refresh();
                view.applyCss();
                view.layout();
                assertThat(view.ringView().tickTexts()).containsExactly("0000", "4000  (1/4)", "8000  (1/2)", "c000  (3/4)");
                assertThat(vm.builder().applyPreset(Preset.CLASSROOM, false)).isTrue();
                view.refresh();
                assertThat(view.ringView().tickTexts()).as("8-bit ids: two hex digits")
                        .containsExactly("00", "40  (1/4)", "80  (1/2)", "c0  (3/4)");
                vm.selection().select(vm.simulation().nodes().get(3).id());
                vm.operations().randomTarget();
                vm.operations().findNode();
                while (!vm.selection().selectedLookup().isOver()) {
                    vm.playback().stepOnce();
                }
                view.refresh();
                assertThat(vm.builder().applyPreset(Preset.REALISTIC, false)).isTrue();
                view.refresh();
                assertThat(vm.keySpace().bits()).isEqualTo(160);
                assertThat(view.bucketPanel().shownRows()).as("the new network's first node").isNotEmpty();
                assertThat(vm.selection().selectedNode()).isEqualTo(vm.simulation().nodes().get(0).id());
            } finally {
                Thread.currentThread().setUncaughtExceptionHandler(before);
            }
            return null;
        }).get();
        assertThat(raised).as("exceptions raised in the views while the network was swapped").isEmpty();
    }
}
