package org.kadlab.ui.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimNode;
import org.kadlab.ui.FxFixture;
import org.kadlab.ui.TestViews;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.NetworkSettings;
import org.kadlab.ui.model.NetworkViewModel;

/**
 * On a network larger than {@link RingLabelLayer#LABEL_EVERY_NODE_UP_TO} nodes (the Large preset's
 * kind) the ring labels only the selected node, the target and the inspected lookup's candidates:
 * no other node, none overlapping, the candidates closest to the target first.
 */
@ExtendWith(FxFixture.class)
class LargeRingLabelsTest {
    @Test
    void aLargeRingLabelsOnlyTheLookupsCandidatesClosestFirstAndNoneOverlap() throws Exception {
        int nodes = RingLabelLayer.LABEL_EVERY_NODE_UP_TO + 100;
        FxFixture.fx(() -> {
            NetworkViewModel vm = new NetworkViewModel(
                    new NetworkSettings(nodes, 32, 8, 3, LookupMode.SLIDING, 10, 80, 0.0, 1).toSimConfig(), nodes);
            vm.playback().playingProperty().set(false);
            RingView ring = new RingView(vm);
            TestViews.show(ring, 900, 800);
            vm.selection().select(vm.simulation().nodes().get(7).id());
            vm.operations().targetTextProperty().set("7f00a1b2");
            assertThat(vm.operations().findNode()).isTrue();
            LookupSession session = vm.selection().selectedLookup();
            for (int i = 0; i < 20_000 && !session.isOver(); i++) {
                vm.playback().stepOnce();
            }
            ring.refresh();
            ring.applyCss();
            ring.layout();

            List<CandidateRow> rows = session.rows(vm.network());
            Set<NodeId> required = new HashSet<>();
            required.add(vm.selection().selectedNode());
            rows.forEach(r -> required.add(r.id()));
            if (session.finished().missed() != null) {
                required.addAll(session.finished().missed());
            }
            int labelled = 0;
            for (SimNode n : vm.simulation().nodes()) {
                if (ring.label(n.id()) != null) {
                    labelled++;
                    assertThat(required).as("only the selected node and the lookup's nodes are labelled")
                            .contains(n.id());
                }
            }
            assertThat(labelled).as("the lookup is labelled").isGreaterThan(4);
            assertThat(ring.label(vm.selection().selectedNode())).as("the selected node").isNotNull();
            for (CandidateRow r : rows.subList(0, Math.min(vm.network().k(), rows.size()))) {
                assertThat(ring.label(r.id())).as("candidate %d (%s), among the k closest, is labelled", r.rank(), r.hex())
                        .isNotNull();
            }
            assertThat(TestViews.overlapping(TestViews.ringLabelBoxes(ring, vm))).as("overlapping labels").isNull();
            vm.shutdown();
            return null;
        });
    }
}
