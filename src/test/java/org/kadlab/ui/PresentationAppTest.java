package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.widgets.ViewLegend;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presentation mode in the running window (at 1920 x 1080, and at the usual 1280 x 800), with a finished lookup in the inspector:
 * every size grows (toolbar, controls, caption, ring labels and dots, the inspector's rows, the
 * legends), no view shrinks (the XOR view's rings), and leaving it restores every size exactly; the
 * inspector's id cells stay on one line whole after leaving it.
 */
class PresentationAppTest extends AppFixture {
    private NetworkViewModel vm;

    @BeforeEach
    void finishedLookup() throws Exception {
        vm = app.viewModel();
        fx(() -> {
            vm.playback().playingProperty().set(false);
            vm.operations().targetTextProperty().set("7f00");
            assertThat(vm.operations().findNode()).isTrue();
            for (int i = 0; i < 5_000 && !vm.selection().selectedLookup().isOver(); i++) {
                vm.playback().stepOnce();
            }
            app.mainView().refresh();
        });
    }

    @Test
    void everythingGrowsNoViewShrinksAndLeavingRestoresEverySizeExactly() throws Exception {
        // a window of its own at a projector's size (the headless screen is as large), as the app composes it
        NetworkViewModel own = new NetworkViewModel();
        MainView v = fx(() -> new MainView(own));
        Presentation presentation = fx(() -> {
            javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(v);
            root.getStyleClass().add("app-root");
            TestViews.show(root, 1920, 1080);
            own.playback().playingProperty().set(false);
            own.operations().targetTextProperty().set("7f00");
            assertThat(own.operations().findNode()).isTrue();
            for (int i = 0; i < 5_000 && !own.selection().selectedLookup().isOver(); i++) {
                own.playback().stepOnce();
            }
            return new Presentation(root, v);
        });
        Map<String, Double> before = sizes(v, own);
        fx(() -> presentation.set(true));
        Map<String, Double> presenting = sizes(v, own);
        fx(() -> presentation.set(false));
        Map<String, Double> after = sizes(v, own);
        fx(own::shutdown);

        for (String what : before.keySet()) {
            if (what.equals("XOR outer ring")) {
                assertThat(presenting.get(what)).as("the XOR view's rings never get smaller")
                        .isGreaterThanOrEqualTo(before.get(what));
            } else {
                assertThat(presenting.get(what)).as(what + " grows in presentation mode").isGreaterThan(before.get(what));
            }
        }
        assertThat(after).as("leaving presentation mode restores every size exactly").isEqualTo(before);
        assertThat(fx(() -> v.distanceView().keyToggle().isSelected())).as("the key is back").isTrue();
    }

    /** At the window's usual 1280 x 800, where the larger type leaves the inspector least room. */
    @Test
    void theInspectorsIdCellsStayOnOneLineWholeInAndAfterPresentationMode() throws Exception {
        fx(() -> app.presentation().set(true));
        idCellsWhole("in presentation mode");
        fx(() -> app.presentation().set(false));
        idCellsWhole("after presentation mode");
    }

    private void idCellsWhole(String when) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            TableView<CandidateRow> table = app.mainView().inspector().table();
            table.applyCss();
            table.layout();
            int checked = 0;
            for (Node n : table.lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> cell && cell.getGraphic() != null && cell.isVisible()) {
                    TextFlow flow = findFlow(cell.getGraphic());
                    if (flow == null) {
                        continue;
                    }
                    double font = ((Text) flow.getChildren().get(0)).getFont().getSize();
                    double oneLine = flow.getChildren().stream().mapToDouble(t -> t.prefWidth(-1)).sum();
                    var inCell = cell.sceneToLocal(flow.localToScene(flow.getLayoutBounds()));
                    assertThat(flow.getHeight()).as("one line, not wrapped, " + when).isLessThan(font * 1.8);
                    assertThat(flow.getHeight()).as("not clipped by its row, " + when).isLessThanOrEqualTo(cell.getHeight());
                    assertThat(flow.getWidth()).as("the whole id, " + when).isGreaterThanOrEqualTo(oneLine - 0.5);
                    assertThat(inCell.getMinX() + oneLine).as("not cut at the cell's edge, " + when)
                            .isLessThanOrEqualTo(cell.getWidth() + 0.5);
                    checked++;
                }
            }
            assertThat(checked).as("id cells were checked").isGreaterThanOrEqualTo(4);
        });
    }

    private static TextFlow findFlow(Node n) {
        if (n instanceof TextFlow f) {
            return f;
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                TextFlow f = findFlow(c);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    /** The sizes presentation mode changes, measured after a layout pass (the XOR tab shown for its rings). */
    private static Map<String, Double> sizes(MainView v, NetworkViewModel vm) throws Exception {
        return fx(() -> {
            var root = v.getScene().getRoot();
            v.showTab("distance-tab");
            root.applyCss();
            root.layout();
            v.refresh();
            root.layout();
            double outer = v.distanceView().outerRadius();
            double xorDot = v.distanceView().dots().stream().filter(Node::isVisible)
                    .mapToDouble(javafx.scene.shape.Circle::getRadius).max().orElse(0);
            v.showTab("ring-tab");
            root.applyCss();
            root.layout();
            v.refresh();
            root.layout();
            Map<String, Double> m = new LinkedHashMap<>();
            NodeId origin = vm.selection().selectedLookup().origin();
            NodeId first = vm.selection().selectedLookup().rows(vm.network()).get(0).id();
            m.put("toolbar height", v.controls().getHeight());
            m.put("toolbar button font", ((Labeled) v.lookup("#add-button")).getFont().getSize());
            m.put("tab font", ((Labeled) v.lookup(".tab-label")).getFont().getSize());
            m.put("caption font", v.caption().getFont().getSize());
            m.put("ring label font", v.ringView().label(origin).getFont().getSize());
            m.put("ring origin dot", v.ringView().dot(origin).getRadius());
            m.put("ring candidate dot", v.ringView().dot(first).getRadius());
            m.put("inspector row height", v.inspector().table().getFixedCellSize() > 0
                    ? v.inspector().table().getFixedCellSize() : rowHeight(v.inspector().table()));
            m.put("inspector cell font", ((Labeled) v.inspector().table().lookup(".table-cell")).getFont().getSize());
            ViewLegend legend = (ViewLegend) v.lookup("#ring-legend");
            m.put("legend font", ((Labeled) legend.lookup(".legend-label")).getFont().getSize());
            m.put("legend dot", ((javafx.scene.shape.Circle) legend.sample("answered")).getRadius());
            m.put("XOR outer ring", outer);
            m.put("XOR dot", xorDot);
            return m;
        });
    }

    private static double rowHeight(TableView<?> table) {
        Node row = table.lookup(".table-row-cell");
        return row == null ? 0 : row.getLayoutBounds().getHeight();
    }
}
