package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kadlab.sim.SimEvent;
import org.kadlab.ui.events.EventLogView;
import org.kadlab.ui.graph.NetworkGraphView;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.stats.StatsView;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real app headless, opens the Events, Stats and Graph tabs, runs find_node lookups and
 * checks that rows, chart points and graph nodes appear; writes a PNG of each view to
 * target/snapshots.
 */
class NewViewsAppTest extends AppFixture {
    private NetworkViewModel vm;

    @BeforeEach
    void prepare() throws Exception {
        vm = app.viewModel();
        fx(() -> vm.playback().playingProperty().set(false));
    }

    @AfterEach
    void tidyUp() throws Exception {
        NetworkGraphView g = graph();
        fx(g::close);
    }

    private <T extends Node> T tabContent(String tabId, Class<T> type) throws Exception {
        return fx(() -> {
            for (Tab t : app.mainView().tabs().getTabs()) {
                if (tabId.equals(t.getId())) {
                    app.mainView().tabs().getSelectionModel().select(t);
                    return type.cast(t.getContent());
                }
            }
            throw new AssertionError("no tab " + tabId);
        });
    }

    private NetworkGraphView graph() throws Exception {
        return fx(() -> (NetworkGraphView) app.mainView().tabs().getTabs().stream()
                .filter(t -> "graph-tab".equals(t.getId())).findFirst().orElseThrow().getContent());
    }

    /** Runs {@code n} find_node lookups from different origins to completion, releasing their events. */
    private void runLookups(int n) throws Exception {
        fx(() -> {
            for (int i = 0; i < n; i++) {
                vm.selection().select(vm.simulation().nodes().get(3 + i).id());
                vm.operations().targetTextProperty().set(String.format("%04x", (0x1357 * (i + 1)) & 0xffff));
                assertThat(vm.operations().findNode()).isTrue();
                for (int s = 0; s < 2_000 && vm.simulation().isBusy(); s++) {
                    vm.playback().stepOnce();
                }
            }
        });
    }

    @Test
    void aHiddenEventLogWaitsAndCatchesUpWhenShown() throws Exception {
        EventLogView log = tabContent("events-tab", EventLogView.class);
        tabContent("ring-tab", Node.class);
        int before = fx(() -> log.rows().size());
        runLookups(1);
        assertThat(fx(() -> log.rows().size())).as("no table work while another tab is shown").isEqualTo(before);
        tabContent("events-tab", EventLogView.class);
        assertThat(fx(() -> log.rows().size())).as("shown again: the queued events arrive").isGreaterThan(before + 5);
        assertThat(fx(() -> log.rows().stream().anyMatch(r -> r.type().equals("LookupFinished")))).isTrue();
    }

    @Test
    void eventLogShowsTheLookupsEventsAndFiltersThem() throws Exception {
        EventLogView log = tabContent("events-tab", EventLogView.class);
        runLookups(1);
        assertThat(fx(() -> log.rows().size())).isGreaterThan(5).isLessThanOrEqualTo(EventLogView.MAX_ROWS);
        assertThat(fx(() -> log.rows().stream().anyMatch(r -> r.type().equals("LookupFinished")))).isTrue();
        long lastTime = fx(() -> log.rows().get(log.rows().size() - 1).time());
        assertThat(fx(() -> log.rows().get(0).time())).as("newest at the bottom").isLessThanOrEqualTo(lastTime);
        assertThat(fx(log::isFollowing)).as("nobody scrolled up: the log follows").isTrue();

        fx(() -> {
            log.typeChoice().getCheckModel().clearChecks();
            log.typeChoice().getCheckModel().check("LookupStarted");
        });
        assertThat(fx(() -> log.shownRows())).isNotEmpty().allMatch(r -> r.type().equals("LookupStarted"));
        String origin = fx(() -> vm.keySpace().hex(vm.simulation().nodes().get(3).id()));
        fx(() -> log.typeChoice().getCheckModel().clearChecks());
        clickOn("#event-search").write(origin);
        assertThat(fx(() -> log.shownRows())).isNotEmpty()
                .allMatch(r -> r.node().contains(origin) || r.details().contains(origin));
        snapshot(log, "events.png");

        fx(() -> vm.builder().reset());
        assertThat(fx(() -> log.rows().size())).as("a reset starts a new log").isLessThan(5);
    }

    @Test
    void statsChartsGetOnePointPerFinishedFindNode() throws Exception {
        StatsView stats = tabContent("stats-tab", StatsView.class);
        runLookups(6);
        fx(stats::update);
        assertThat(fx(stats::lookupsCharted)).isEqualTo(6);
        assertThat(fx(() -> stats.hopsSeries().size())).isEqualTo(6);
        assertThat(fx(() -> stats.log2Series().lastY())).isEqualTo(5.0);
        assertThat(fx(() -> stats.rpcSeries().lastY())).isPositive();
        assertThat(fx(() -> stats.exactSeries().lastY())).isBetween(0.0, 100.0);
        assertThat(fx(() -> stats.liveSeries().lastY())).isEqualTo(32.0);
        fx(() -> vm.simulation().kill(vm.simulation().nodes().get(20)));
        fx(() -> vm.playback().stepOnce());
        fx(stats::update);
        assertThat(fx(() -> stats.liveSeries().lastY())).isEqualTo(31.0);
        assertThat(fx(() -> stats.hopsSeries().size())).isLessThanOrEqualTo(StatsView.MAX_POINTS);
        snapshot(stats, "stats.png");
    }

    @Test
    void graphShowsEveryNodeTheirContactsAndTheLookupPath() throws Exception {
        NetworkGraphView view = tabContent("graph-tab", NetworkGraphView.class);
        Assumptions.assumeTrue(fx(view::isGraphViewAvailable),
                () -> "GraphStream could not create its view here: " + view.failure());
        fx(view::refresh);
        assertThat(fx(() -> view.graph().getNodeCount())).isEqualTo(32);
        assertThat(fx(() -> view.graph().getEdgeCount())).isPositive();
        int rebuilds = fx(view::edgeRebuilds);
        fx(view::refresh);
        assertThat(fx(view::edgeRebuilds)).as("no table changed, no edge rebuild").isEqualTo(rebuilds);

        fx(() -> {
            vm.selection().select(vm.simulation().nodes().get(3).id());
            vm.operations().targetTextProperty().set("7f00");
            vm.operations().findNode();
            for (int i = 0; i < 12; i++) {
                vm.playback().stepOnce();
            }
        });
        fx(view::refresh);
        String selected = fx(() -> vm.keySpace().hex(vm.selection().selectedNode()));
        assertThat(fx(() -> view.graph().getNode(selected).getAttribute("ui.class"))).isEqualTo("selected");
        assertThat(fx(() -> view.graph().edges().filter(e -> "path".equals(e.getAttribute("ui.class"))).count()))
                .as("the referrals the lookup walked").isPositive();
        String victim = fx(() -> {
            var n = vm.simulation().nodes().get(9);
            vm.simulation().kill(n);
            return vm.keySpace().hex(n.id());
        });
        fx(view::refresh);
        assertThat(fx(() -> String.valueOf(view.graph().getNode(victim).getAttribute("ui.class")))).contains("dead");
        // let the layout move the nodes apart before the picture
        Thread.sleep(1_500);
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(view, "graph.png");

        // clicking a node in the graph selects it (the layout is stopped so that the node stays put)
        clickOn("#graph-layout-toggle");
        Thread.sleep(700);
        WaitForAsyncUtils.waitForFxEvents();
        String other = fx(() -> vm.keySpace().hex(vm.simulation().nodes().get(12).id()));
        javafx.geometry.Point2D at = fx(() -> view.screenPointOf(other));
        clickOn(at);
        assertThat(fx(() -> vm.keySpace().hex(vm.selection().selectedNode()))).isEqualTo(other);
    }

    private void snapshot(Node node, String name) throws Exception {
        Path dir = Path.of("target", "snapshots");
        Files.createDirectories(dir);
        WritableImage image = fx(() -> node.snapshot(null, null));
        File f = dir.resolve(name).toFile();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", f);
        assertThat(ImageIO.read(f).getWidth()).isGreaterThan(200);
    }

    @SuppressWarnings("unused")
    private static boolean isUserLookup(SimEvent e) {
        return e instanceof SimEvent.LookupFinished f && f.exact() != null;
    }
}
