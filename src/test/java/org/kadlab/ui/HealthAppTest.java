package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.HealthReport;
import org.kadlab.sim.SimNode;
import org.kadlab.ui.controls.AddNodeDialog;
import org.kadlab.ui.health.HealthView;
import org.kadlab.ui.model.NetworkViewModel;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real app headless, opens the Health tab and checks what it says against a brute-force
 * count over the simulation; chooses a row and adds nodes through the "Add with id" pop-over.
 */
class HealthAppTest extends AppFixture {
    private NetworkViewModel vm;

    @BeforeEach
    void prepare() throws Exception {
        vm = app.viewModel();
        fx(() -> vm.playback().playingProperty().set(false));
    }

    private HealthView openHealth() throws Exception {
        return fx(() -> {
            for (Tab t : app.mainView().tabs().getTabs()) {
                if ("health-tab".equals(t.getId())) {
                    app.mainView().tabs().getSelectionModel().select(t);
                    return (HealthView) t.getContent();
                }
            }
            throw new AssertionError("no Health tab");
        });
    }

    /** Waits until the view shows a judgement of {@code live} live nodes. */
    private void awaitJudged(HealthView view, int live) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> {
            HealthReport r = view.model().report();
            return r != null && r.liveNodes() == live && !view.rows().isEmpty() && view.summaryText().contains(live + " live nodes");
        }));
    }

    /** Live nodes that hold all of their min(k, N - 1) XOR-closest live peers, found by sorting every live id. */
    private int knowingAllClosest() {
        List<SimNode> live = vm.simulation().nodes().stream().filter(SimNode::isAlive).toList();
        int k = vm.simulation().config().kad().k();
        int knowing = 0;
        for (SimNode x : live) {
            List<NodeId> others = new ArrayList<>();
            for (SimNode y : live) {
                if (y != x) {
                    others.add(y.id());
                }
            }
            others.sort((a, b) -> a.xor(x.id()).toBigInteger().compareTo(b.xor(x.id()).toBigInteger()));
            List<NodeId> closest = others.subList(0, Math.min(k, others.size()));
            knowing += closest.stream().allMatch(x.kad().routingTable()::contains) ? 1 : 0;
        }
        return knowing;
    }

    @Test
    void theSummaryShowsTheShareOfNodesKnowingAllTheirClosestPeersBesideTheIpfsFigure() throws Exception {
        fx(() -> vm.commands().killPercent(30));
        int live = fx(() -> vm.simulation().liveCount());
        HealthView view = openHealth();
        awaitJudged(view, live);
        int knowing = fx(this::knowingAllClosest);
        String share = String.format(Locale.ROOT, "%.1f%%", 100.0 * knowing / live);
        String summary = fx(view::summaryText);
        assertThat(summary).contains(live + " live nodes")
                .contains(": " + knowing + " of " + live + ", " + share)
                .contains("probe-lab measured 61.0% on IPFS");
        assertThat(fx(() -> view.rows().size())).isEqualTo(live);
    }

    @Test
    void choosingARowSelectsItsNodeAndChartsItsBuckets() throws Exception {
        HealthView view = openHealth();
        awaitJudged(view, 32);
        @SuppressWarnings("unchecked")
        TableView<HealthReport.NodeHealth> table = fx(() -> (TableView<HealthReport.NodeHealth>) lookup("#health-table").query());
        NodeId chosen = fx(() -> {
            table.getSelectionModel().select(7);
            return table.getSelectionModel().getSelectedItem().id();
        });
        assertThat(fx(() -> vm.selection().selectedNode())).isEqualTo(chosen);
        assertThat(fx(view::shownNode)).isEqualTo(chosen);
        NodeId other = fx(() -> vm.simulation().nodes().get(20).id());
        fx(() -> vm.selection().select(other));
        assertThat(fx(() -> table.getSelectionModel().getSelectedItem().id())).as("the window's selection picks the row")
                .isEqualTo(other);
    }

    @Test
    void thePopOverRefusesATakenIdAtItsFieldAndAddsAFreeOneThatTheHealthTabThenCounts() throws Exception {
        HealthView view = openHealth();
        awaitJudged(view, 32);
        AddNodeDialog dialog = fx(() -> app.mainView().controls().addWithId());
        clickOn("#add-with-id-button");
        assertThat(fx(dialog::isShowing)).isTrue();
        String taken = fx(() -> vm.keySpace().hex(vm.simulation().nodes().get(3).id()));
        clickOn("#add-id-field").write(taken);
        clickOn("#add-id-confirm");
        assertThat(fx(() -> dialog.fieldError("add-id-field"))).hasValueSatisfying(m -> assertThat(m).contains("exists already"));
        assertThat(fx(() -> vm.nodeCountProperty().get())).isEqualTo(32);
        assertThat(fx(() -> dialog.addTyped("123456"))).isFalse();
        assertThat(fx(() -> dialog.fieldError("add-id-field"))).hasValueSatisfying(m -> assertThat(m).contains("has 6 hex digits"));
        assertThat(fx(() -> dialog.addInBucket("99"))).isFalse();
        assertThat(fx(() -> dialog.fieldError("add-bucket-field"))).hasValueSatisfying(m -> assertThat(m).contains("outside 0 to 15"));
        assertThat(fx(() -> dialog.addInBucket("14"))).isTrue();
        assertThat(fx(() -> dialog.fieldError("add-bucket-field"))).isEmpty();
        assertThat(fx(() -> vm.nodeCountProperty().get())).isEqualTo(33);
        fx(dialog::hide);
        awaitJudged(view, 33);
    }
}
