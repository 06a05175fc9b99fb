package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.NetworkSettings;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.widgets.NodeDot;

/**
 * The ring and the inspector agree at every step: lookups on a slow network (peers go slow, answer
 * late, are asked again) are stepped one event at a time, and after each step, as a frame would,
 * the window is refreshed; then every inspector row's state is the state its peer's dot shows, and
 * every dot that shows a lookup state has that row.
 */
@ExtendWith(FxFixture.class)
class RingInspectorAgreementTest {
    @Test
    void everyStepTheRingsMarksAreTheInspectorsRows() throws Exception {
        FxFixture.fx(() -> {
            NetworkSettings s = new NetworkSettings(32, 16, 4, 3, LookupMode.SLIDING, 100, 400, 0.0, 3, 5, 1,
                    NetworkSettings.PEER_TIMEOUT_MS, true, 60_000);
            NetworkViewModel vm = new NetworkViewModel(s.toSimConfig(), 32);
            vm.playback().playingProperty().set(false);
            MainView view = new MainView(vm);
            TestViews.show(view, 1600, 900);
            int steps = 0;
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                vm.selection().select(vm.simulation().nodes().get(2 * i + 1).id());
                vm.operations().targetTextProperty().set(String.format("%04x", (0x3b7 * (i + 5)) & 0xffff));
                assertThat(vm.operations().findNode()).isTrue();
                LookupSession session = vm.selection().selectedLookup();
                for (int j = 0; j < 5_000 && !(session.isOver() && !vm.simulation().isBusy()); j++) {
                    vm.playback().stepOnce();
                    view.refresh(); // what the frame loop does after a step
                    seen.addAll(agree(view, vm, steps++));
                }
            }
            assertThat(steps).as("lookups were stepped").isGreaterThan(40);
            assertThat(seen).as("the states met along the way")
                    .contains("waiting", "answered", "not-contacted", "unresponsive");
            vm.shutdown();
            return null;
        });
    }

    /** Checks that ring and inspector agree now; returns the states seen. */
    private static Set<String> agree(MainView view, NetworkViewModel vm, int step) {
        Map<NodeId, String> rows = new HashMap<>();
        for (CandidateRow r : view.inspector().table().getItems()) {
            rows.put(r.id(), r.shownPseudoClass());
            NodeDot dot = view.ringView().dot(r.id());
            assertThat(dot.lookupState()).as("step %d: the ring shows %s as the inspector does", step, r.hex())
                    .isEqualTo(r.shownPseudoClass());
        }
        for (NodeDot d : view.ringView().dots()) {
            String state = d.lookupState();
            if (CandidateRow.MISSED.equals(state)) {
                assertThat(rows).as("step %d: only a node the lookup never heard of is marked missed", step)
                        .doesNotContainKey(d.node());
            } else if (state != null) {
                assertThat(rows).as("step %d: a dot marked %s has its inspector row", step, state)
                        .containsEntry(d.node(), state);
            }
        }
        return new HashSet<>(rows.values());
    }
}
