package org.kadlab.ui.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.FxFixture;
import org.kadlab.ui.TestViews;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.ring.RingView;
import org.testfx.util.WaitForAsyncUtils;

/** A node's pop-over tells its id, liveness, table and place from the selected node, and its buttons act. */
@ExtendWith(FxFixture.class)
class NodePopOverTest {
    @Test
    void detailsOfAContactSayWhereItSitsFromTheSelectedNodeAndTheButtonsSelectAndTarget() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            vm.playback().playingProperty().set(false);
            NodeId sel = vm.simulation().nodes().get(0).id();
            vm.selection().select(sel);
            NodeId contact = vm.network().contactIds(sel).get(0);
            RingView ring = new RingView(vm);
            TestViews.show(ring, 800, 700);
            ring.refresh();
            ring.applyCss();
            ring.layout();

            var dot = ring.dot(contact);
            dot.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0,
                    javafx.scene.input.MouseButton.SECONDARY, 1, false, false, false, false, false, false, true, false, true,
                    true, null));
            assertThat(ring.details().isShowing()).as("a right click opens the details").isTrue();
            assertThat(ring.details().shownNode()).isEqualTo(contact);
            assertThat(vm.selection().selectedNode()).as("a right click does not select").isEqualTo(sel);
            String[] lines = ring.details().lines(contact);
            assertThat(lines[0]).isEqualTo("id " + vm.keySpace().hex(contact) + "  (live)");
            assertThat(lines[1]).startsWith("bin ");
            assertThat(lines[2]).as("its own table").startsWith("table: " + vm.network().contactIds(contact).size() + " contacts");
            assertThat(lines[3]).contains("bucket " + sel.bucketIndex(contact)).endsWith("held as a contact");

            var box = ring.details().content(contact);
            var buttons = (javafx.scene.layout.HBox) box.getChildren().get(box.getChildren().size() - 1);
            ((javafx.scene.control.Button) buttons.getChildren().get(1)).fire();
            assertThat(vm.operations().targetTextProperty().get()).isEqualTo(vm.keySpace().hex(contact));
            ((javafx.scene.control.Button) buttons.getChildren().get(0)).fire();
            assertThat(vm.selection().selectedNode()).isEqualTo(contact);
            assertThat(ring.details().lines(contact)[3]).isEqualTo("the selected node");
            vm.shutdown();
            return null;
        }).get();
    }
}
