package org.kadlab.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.ui.FxFixture;
import org.kadlab.ui.TestViews;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.Preset;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The charts belong to one network: a new network (Apply, a preset, a scenario) starts them empty;
 * the laid-out view keeps the ids, series and axes the app relies on.
 */
@ExtendWith(FxFixture.class)
class StatsViewTest {
    @Test
    void aNewNetworkClearsTheChartsOfTheOldOne() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            vm.playback().playingProperty().set(false);
            StatsView stats = new StatsView(vm);
            TestViews.show(stats, 900, 600);
            vm.selection().select(vm.simulation().nodes().get(3).id());
            vm.operations().targetTextProperty().set("7f00");
            assertThat(vm.operations().findNode()).isTrue();
            while (!vm.selection().selectedLookup().isOver()) {
                vm.playback().stepOnce();
            }
            stats.update();
            assertThat(stats.hopsSeries().size()).as("the finished lookup is charted").isEqualTo(1);

            stats.applyCss();
            stats.layout();
            assertThat(drawnLine(stats, "#hops-chart")).as("the lookup's line is drawn").isNotEmpty();

            assertThat(vm.builder().applyPreset(Preset.CLASSROOM, false)).isTrue();
            stats.update();
            stats.applyCss();
            stats.layout();
            for (String chart : java.util.List.of("#hops-chart", "#rpcs-chart", "#exact-chart")) {
                assertThat(drawnLine(stats, chart)).as("no line of the old network is left drawn in " + chart).isEmpty();
            }
            assertThat(stats.lookupsCharted()).isZero();
            assertThat(stats.hopsSeries().series().getData()).as("no point of the old network is drawn").isEmpty();
            assertThat(stats.rpcSeries().series().getData()).isEmpty();
            assertThat(stats.exactSeries().series().getData()).isEmpty();
            vm.shutdown();
            return null;
        }).get();
    }

    @Test
    void theLaidOutViewHasTheSummaryAndFourChartsOfTwoSeriesWithAPercentAxisForExactness() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            vm.playback().playingProperty().set(false);
            StatsView stats = new StatsView(vm);
            assertThat(stats.getId()).isEqualTo("stats-view");
            assertThat(stats.lookup("#stats-summary")).isInstanceOf(javafx.scene.control.Label.class);
            assertThat(((javafx.scene.control.Label) stats.lookup("#stats-summary")).getText())
                    .as("the summary is filled at once").startsWith("32/32 live");
            for (String id : java.util.List.of("#hops-chart", "#rpcs-chart", "#exact-chart", "#live-chart")) {
                var chart = (javafx.scene.chart.LineChart<?, ?>) stats.lookup(id);
                assertThat(chart).as(id).isNotNull();
                assertThat(chart.getData()).as("measured and reference series in " + id).hasSize(2);
            }
            var exact = (javafx.scene.chart.LineChart<?, ?>) stats.lookup("#exact-chart");
            var pct = (javafx.scene.chart.NumberAxis) exact.getYAxis();
            assertThat(pct.isAutoRanging()).isFalse();
            assertThat(java.util.List.of(pct.getLowerBound(), pct.getUpperBound(), pct.getTickUnit()))
                    .as("0 to 100 %% in steps of 25").containsExactly(0.0, 100.0, 25.0);
            assertThat(pct.getLabel()).isEqualTo("% exact");
            assertThat(stats.hopsSeries().series()).isSameAs(
                    ((javafx.scene.chart.LineChart<?, ?>) stats.lookup("#hops-chart")).getData().get(0));
            vm.shutdown();
            return null;
        }).get();
    }

    /** The path elements the chart draws for its series' lines. */
    private static java.util.List<javafx.scene.shape.PathElement> drawnLine(StatsView stats, String chart) {
        java.util.List<javafx.scene.shape.PathElement> all = new java.util.ArrayList<>();
        for (var n : stats.lookup(chart).lookupAll(".chart-series-line")) {
            all.addAll(((javafx.scene.shape.Path) n).getElements());
        }
        return all;
    }
}
