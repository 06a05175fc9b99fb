package org.kadlab.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kadlab.ui.FxFixture.fx;

import java.util.List;
import javafx.stage.Stage;
import org.graphstream.graph.Node;
import org.graphstream.ui.graphicGraph.GraphPosLengthUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.LookupMode;
import org.kadlab.sim.SimNode;
import org.kadlab.ui.FxFixture;
import org.kadlab.ui.TestViews;
import org.kadlab.ui.model.IdText;
import org.kadlab.ui.model.NetworkSettings;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.RingGeometry;
import org.testfx.util.WaitForAsyncUtils;

/**
 * On a network too big to draw whole, with 160-bit ids, the graph labels abbreviated ids on the
 * highlighted nodes only, says first how many of how many nodes it draws, thins the edges to each
 * node's nearest contacts and starts every node at its id's angle.
 */
@ExtendWith(FxFixture.class)
class GraphDisplayTest {
    private static final int CAP = 50;
    private static final int EDGE_CAP = 300;
    private Stage stage;
    private NetworkViewModel vm;
    private NetworkGraphView view;

    @BeforeEach
    void build() throws Exception {
        stage = FxFixture.primaryStage();
        vm = new NetworkViewModel(new NetworkSettings(120, 160, 20, 3, LookupMode.SLIDING, 10, 80, 0.0, 1).toSimConfig(), 120);
        vm.playback().playingProperty().set(false);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (view != null) {
            WaitForAsyncUtils.asyncFx(view::close).get();
        }
        vm.shutdown();
    }

    @Test
    void wideIdsAreLabelledAbbreviatedOnHighlightedNodesAndTheStatusSaysFirstHowManyNodesAreDrawn() throws Exception {
        SimNode sel = vm.simulation().nodes().get(5);
        fx(() -> {
            vm.selection().select(sel.id());
            view = new NetworkGraphView(vm, CAP, EDGE_CAP);
            TestViews.show(view, 1024, 700);
            view.layoutToggle().setSelected(false);
            view.refresh();
        });
        KeySpace ks = vm.keySpace();
        int drawn = fx(() -> view.graph().getNodeCount());
        assertThat(drawn).as("the first nodes plus the selection's contacts").isGreaterThan(CAP).isLessThan(120);
        List<Node> labelled = fx(() -> view.graph().nodes().filter(n -> n.hasAttribute("ui.label")).toList());
        assertThat(labelled).as("labelled nodes").isNotEmpty();
        for (Node n : labelled) {
            String label = String.valueOf(n.getAttribute("ui.label"));
            assertThat(label).as("label of %s", n.getId()).isEqualTo(IdText.brief(ks, n.getId()))
                    .hasSize(IdText.SHORT_DIGITS + 1).endsWith(IdText.ELLIPSIS);
            assertThat(n.getAttribute("ui.class")).as("a labelled node is highlighted: %s", n.getId())
                    .isNotNull().isNotEqualTo("dead");
        }
        assertThat(fx(() -> view.status().getText())).startsWith(drawn + " of 120 nodes drawn \u00b7 " + drawn + " live");
    }

    @Test
    void overTheEdgeCapEachNodeIsJoinedToItsNearestContactsAndTheSelectedNodeToAllOfItsContacts() throws Exception {
        SimNode sel = vm.simulation().nodes().get(5);
        fx(() -> {
            vm.selection().select(sel.id());
            view = new NetworkGraphView(vm, CAP, EDGE_CAP);
            TestViews.show(view, 1024, 700);
            view.layoutToggle().setSelected(false);
            view.refresh();
        });
        KeySpace ks = vm.keySpace();
        assertThat(fx(view::edgesThinned)).as("edges thinned").isTrue();
        int drawn = fx(() -> view.graph().getNodeCount());
        int contacts = sel.kad().routingTable().size();
        assertThat(fx(() -> view.graph().getEdgeCount())).as("edges drawn")
                .isLessThanOrEqualTo(drawn * NetworkGraphView.NEAREST_CONTACTS + contacts);
        String selId = ks.hex(sel.id());
        for (Contact c : sel.kad().routingTable().contacts()) {
            String key = GraphEdges.key(selId, ks.hex(c.id()));
            assertThat(fx(() -> view.graph().getEdge(key))).as("edge to contact %s", key).isNotNull();
        }
        assertThat(fx(() -> view.status().getText())).contains("(" + NetworkGraphView.NEAREST_CONTACTS + " nearest each)");
    }

    @Test
    void everyNodeStartsAtTheAngleOfItsIdAsOnTheRing() throws Exception {
        fx(() -> {
            view = new NetworkGraphView(vm, CAP, EDGE_CAP);
            TestViews.show(view, 1024, 700);
            view.layoutToggle().setSelected(false);
            view.refresh();
        });
        for (SimNode n : vm.simulation().nodes().subList(0, CAP)) {
            double[] xyz = fx(() -> GraphPosLengthUtils.nodePosition(view.graph().getNode(vm.keySpace().hex(n.id()))));
            double angle = RingGeometry.angle(n.id(), 160);
            double r = Math.hypot(xyz[0], xyz[1]);
            assertThat(r).as("radius").isPositive();
            assertThat(xyz[0] / r).as("sin of the angle").isCloseTo(Math.sin(angle), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(xyz[1] / r).as("cos of the angle").isCloseTo(Math.cos(angle), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void theStatusLineNamesTheDrawnShareFirstWithThousandsSeparated() {
        assertThat(GraphNodeChoice.statusText(1_026, 2_000, 1_026, 2_950, true, 12, false))
                .isEqualTo("1,026 of 2,000 nodes drawn \u00b7 1,026 live \u00b7 2,950 edges (3 nearest each) \u00b7 lookup: 12 queried");
        assertThat(GraphNodeChoice.statusText(32, 32, 31, 240, false, -1, false)).isEqualTo("32 nodes \u00b7 31 live \u00b7 240 edges");
    }

    @Test
    void theGraphTakesItsColoursFromTheThemeTokensAndFollowsATheme() throws Exception {
        fx(() -> {
            view = new NetworkGraphView(vm, CAP, EDGE_CAP);
            TestViews.show(view, 800, 600);
            view.layoutToggle().setSelected(false);
        });
        String dark = fx(() -> String.valueOf(view.graph().getAttribute("ui.stylesheet")));
        assertThat(dark).as("-kad-bg and -kad-selected of the dark theme").contains("#1c1f24").contains("#e69f00");
        fx(() -> {
            view.getScene().getRoot().getStyleClass().add("theme-light");
            view.getScene().getRoot().applyCss();
        });
        String light = fx(() -> String.valueOf(view.graph().getAttribute("ui.stylesheet")));
        assertThat(light).as("-kad-bg of the light theme").contains("#f6f5f1").doesNotContain("#1c1f24");
    }
}
