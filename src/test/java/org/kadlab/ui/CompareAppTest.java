package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kadlab.sim.Comparison;
import org.kadlab.sim.ComparisonResult;
import org.kadlab.sim.SimConfig;
import org.kadlab.ui.compare.CompareView;
import org.kadlab.ui.model.NetworkViewModel;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Compare tab in the running app: a comparison of 5 lookups (A: the window's settings, B: alpha
 * 1) run from the Run button shows the engine's result, row by row and in total, the selected
 * lookup in full, the charts in the Compare and the Stats tabs, and its CSV; a bad field runs nothing.
 */
class CompareAppTest extends AppFixture {
    private NetworkViewModel vm;
    private CompareView view;

    @BeforeEach
    void openTab() throws Exception {
        vm = app.viewModel();
        fx(() -> vm.playback().playingProperty().set(false));
        view = fx(() -> {
            for (Tab t : app.mainView().tabs().getTabs()) {
                if ("compare-tab".equals(t.getId())) {
                    app.mainView().tabs().getSelectionModel().select(t);
                    return (CompareView) t.getContent();
                }
            }
            throw new AssertionError("no Compare tab");
        });
    }

    private void runFromTheButton(String lookups) throws Exception {
        fx(() -> view.lookupsField().setText(lookups));
        clickOn("#compare-run");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.comparison().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void fiveLookupsShowTheEnginesResultSideBySide(@TempDir Path dir) throws Exception {
        runFromTheButton("5");
        SimConfig base = fx(() -> vm.simulation().config());
        int nodes = fx(() -> vm.comparison().baseNodes());
        Comparison.Setup a = Comparison.Setup.of("A", base);
        ComparisonResult engine = Comparison.run(Comparison.Request.random(base, nodes, List.of(a, a.withName("B").withAlpha(1)), 5),
                () -> false, p -> { });
        assertThat(fx(() -> vm.comparison().result())).isEqualTo(engine);

        TableView<ComparisonResult.Row> table = view.table();
        assertThat(fx(() -> table.getItems().size())).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            int row = i;
            for (int at = 0; at < 2; at++) {
                int c = at;
                ComparisonResult.Outcome o = engine.rows().get(i).outcomes().get(c);
                assertThat(fx(() -> cell(table, "compare-col-hops-" + c0(c), row))).isEqualTo(String.valueOf(o.hops()));
                assertThat(fx(() -> cell(table, "compare-col-RPCs-" + c0(c), row))).isEqualTo(String.valueOf(o.rpcs()));
                assertThat(fx(() -> cell(table, "compare-col-timems-" + c0(c), row))).isEqualTo(String.valueOf(o.timeMs()));
                assertThat(fx(() -> cell(table, "compare-col-exact-" + c0(c), row))).isEqualTo(o.exact() ? "yes" : "no");
            }
            long rpcDiff = engine.rows().get(i).outcomes().get(1).rpcs() - engine.rows().get(i).outcomes().get(0).rpcs();
            String diff = fx(() -> cell(table, "compare-col-RPCs-diff", row));
            assertThat(diff).isEqualTo(rpcDiff == 0 ? "\u00b7" : rpcDiff > 0 ? "+" + rpcDiff : "\u2212" + (-rpcDiff));
        }

        TableView<ComparisonResult.Totals> totals = view.totalsTable();
        assertThat(fx(() -> totals.getItems())).containsExactlyElementsOf(engine.totals());
        for (int c = 0; c < 2; c++) {
            int at = c;
            ComparisonResult.Totals t = engine.totals(c);
            assertThat(fx(() -> totalsCell(totals, "RPCs (all)", at))).isEqualTo(String.valueOf(t.rpcs()));
            assertThat(fx(() -> totalsCell(totals, "hops (mean)", at))).isEqualTo(String.format(Locale.ROOT, "%.2f", t.meanHops()));
        }

        // the selected lookup: both configurations' returned nodes
        fx(() -> table.getSelectionModel().select(2));
        List<String> lines = fx(() -> view.detailLines());
        for (ComparisonResult.Outcome o : engine.rows().get(2).outcomes()) {
            for (var id : o.returned()) {
                assertThat(lines).anyMatch(l -> l.contains(engine.keySpace().hex(id)));
            }
        }
        assertThat(lines).contains("A", "B");

        // the charts: one series per configuration, one point per lookup
        for (LineChart<Number, Number> chart : fx(() -> view.charts().subList(0, 2))) {
            assertThat(fx(() -> chart.getData().size())).isEqualTo(2);
            assertThat(fx(() -> chart.getData().get(1).getData().size())).isEqualTo(5);
        }
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> stats = fx(() -> (LineChart<Number, Number>) app.mainView().lookup("#stats-compare-rpcs"));
        assertThat(stats).isNotNull();
        assertThat(fx(() -> stats.getData().stream().map(s -> s.getName()).toList())).containsExactly("A", "B");
        assertThat(fx(() -> stats.getData().get(0).getData().get(3).getYValue().intValue()))
                .isEqualTo(engine.rows().get(3).outcomes().get(0).rpcs());

        Path csv = dir.resolve("comparison.csv");
        fx(() -> {
            try {
                view.writeCsv(csv);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        StringBuilder expected = new StringBuilder();
        engine.writeCsv(expected);
        assertThat(Files.readString(csv)).isEqualTo(expected.toString());
    }

    @Test
    void aBadFieldIsMarkedAndNothingRuns() throws Exception {
        fx(() -> view.lookupsField().setText("0"));
        clickOn("#compare-run");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm.comparison().runningProperty().get())).isFalse();
        assertThat(fx(() -> vm.comparison().result())).isNull();
        assertThat(fx(() -> vm.comparison().messageProperty().get())).isEqualTo("lookups must be between 1 and 1000, was 0");
        assertThat(fx(() -> view.lookupsField().getStyleClass())).contains("field-error");
        assertThat(fx(() -> app.mainView().lookup("#stats-compare").isVisible())).isFalse();
    }

    @Test
    void cancelKeepsTheLookupsThatRan() throws Exception {
        fx(() -> {
            view.lookupsField().setText("1000");
            assertThat(view.start()).isTrue();
            vm.comparison().cancel();
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.comparison().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        ComparisonResult r = fx(() -> vm.comparison().result());
        assertThat(r.cancelled()).isTrue();
        assertThat(r.rows().size()).isLessThan(1000);
        assertThat(fx(() -> view.table().getItems().size())).isEqualTo(r.rows().size());
        assertThat(fx(() -> vm.comparison().messageProperty().get())).startsWith("Stopped after " + r.rows().size() + " of 1000");
    }

    private static String c0(int c) {
        return String.valueOf(c);
    }

    private static String cell(TableView<ComparisonResult.Row> table, String columnId, int row) {
        TableColumn<ComparisonResult.Row, ?> col = find(table.getColumns(), columnId);
        assertThat(col).as(columnId).isNotNull();
        return String.valueOf(col.getCellData(row));
    }

    private static String totalsCell(TableView<ComparisonResult.Totals> table, String title, int row) {
        for (TableColumn<ComparisonResult.Totals, ?> c : table.getColumns()) {
            if (c.getText().equals(title)) {
                return String.valueOf(c.getCellData(row));
            }
        }
        throw new AssertionError("no totals column " + title);
    }

    private static TableColumn<ComparisonResult.Row, ?> find(List<TableColumn<ComparisonResult.Row, ?>> cols, String id) {
        List<TableColumn<ComparisonResult.Row, ?>> all = new ArrayList<>(cols);
        for (int i = 0; i < all.size(); i++) {
            if (id.equals(all.get(i).getId())) {
                return all.get(i);
            }
            all.addAll(all.get(i).getColumns());
        }
        return null;
    }
}
