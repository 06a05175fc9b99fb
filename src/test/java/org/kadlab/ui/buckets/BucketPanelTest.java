package org.kadlab.ui.buckets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.ui.FxFixture;
import org.kadlab.ui.TestViews;
import org.kadlab.ui.model.BucketRow;
import org.kadlab.ui.model.NetworkViewModel;
import org.testfx.util.WaitForAsyncUtils;

/** Bucket rows are updated in place as the table changes, and always show its contacts in LRU order. */
@ExtendWith(FxFixture.class)
class BucketPanelTest {
    @Test
    void rowsFollowTheTableInPlaceThroughALookup() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            vm.playback().playingProperty().set(false);
            BucketPanel panel = new BucketPanel(vm);
            TestViews.show(panel, 560, 900);
            panel.refresh();
            List<BucketRow> rowsBefore = panel.shownRows();
            List<Node> nodesBefore = new ArrayList<>(panel.lookupAll(".bucket-row"));
            vm.operations().targetTextProperty().set("7f00");
            vm.operations().findNode();
            while (!vm.selection().selectedLookup().isOver()) {
                vm.playback().stepOnce();
                panel.refresh();
                assertShowsTable(vm, panel);
            }
            assertThat(panel.shownRows()).as("the answers touched the origin's table").isNotEqualTo(rowsBefore);
            List<Node> nodesAfter = new ArrayList<>(panel.lookupAll(".bucket-row"));
            assertThat(nodesAfter).hasSameSizeAs(nodesBefore);
            for (int i = 0; i < nodesAfter.size(); i++) {
                assertThat(nodesAfter.get(i)).as("row %d keeps its node", i).isSameAs(nodesBefore.get(i));
            }
            return null;
        }).get();
    }

    private static void assertShowsTable(NetworkViewModel vm, BucketPanel panel) {
        List<BucketRow> model = BucketRow.of(vm.selection().selectedNode(), vm.network());
        assertThat(panel.shownRows()).isEqualTo(model);
        List<Node> rows = new ArrayList<>(panel.lookupAll(".bucket-row"));
        assertThat(rows).hasSize(model.size());
        for (int i = 0; i < model.size(); i++) {
            BucketRow r = model.get(i);
            if (r.isEmptyRun()) {
                continue;
            }
            List<String> want = new ArrayList<>();
            r.contacts().forEach(s -> want.add(s.hex()));
            assertThat(chipTexts(rows.get(i))).as("chips of bucket %d, head first", r.firstIndex()).isEqualTo(want);
            assertThat(rows.get(i).lookupAll(".empty-slot")).as("free slots of bucket %d", r.firstIndex())
                    .hasSize(r.k() - r.contacts().size());
            for (Node n : rows.get(i).lookupAll(".contact-chip")) {
                Label chip = (Label) n;
                boolean pinged = chip.getText().equals(r.pinged());
                assertThat(chip.getPseudoClassStates().toString().contains("pinged")).as("pinged mark on " + chip.getText())
                        .isEqualTo(pinged);
                assertThat(BucketPanel.chipTooltip(chip)).startsWith("id " + chip.getText());
            }
        }
    }

    private static List<String> chipTexts(Node row) {
        List<String> out = new ArrayList<>();
        for (Node n : row.lookupAll(".contact-chip")) {
            out.add(((Label) n).getText());
        }
        return out;
    }
}
