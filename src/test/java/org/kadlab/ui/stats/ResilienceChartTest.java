package org.kadlab.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.ui.ExportActions;
import org.kadlab.ui.FxFixture;
import org.kadlab.ui.TestViews;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.OutcomeTimeline;
import org.kadlab.ui.theme.Theme;

/**
 * The presenter's story on one chart: lookups, a kill, lookups that dip, an hour, lookups that
 * recovered; the kill marked where it happened and the quiet hour folded.
 */
@ExtendWith(FxFixture.class)
class ResilienceChartTest {
    private static final long FRAME = 16_666_667L;

    @Test
    void theDipAfterAKillAndTheRecoveryAnHourLaterShowOnOneChartWithTheKillMarked() throws Exception {
        FxFixture.fx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            vm.playback().playingProperty().set(false);
            StatsView stats = new StatsView(vm);
            stats.getStylesheets().add(Theme.viewsStylesheet());
            TestViews.show(stats, 900, 700);
            batch(vm);
            long killedAt = vm.simulation().now();
            assertThat(vm.commands().killPercent(30)).isPositive();
            batch(vm);
            assertThat(vm.playback().runFor(3_600_000L)).isTrue();
            for (int i = 0; i < 100_000 && vm.builder().buildingProperty().get(); i++) {
                vm.playback().tick(FRAME);
            }
            batch(vm);
            stats.update();
            stats.applyCss();
            stats.layout();
            ResilienceChart chart = stats.resilienceChart();
            assertThat(chart.exactSeries().getData()).as("a point per lookup").hasSize(300);
            assertThat(chart.recallSeries().getData()).hasSize(300);
            assertThat(chart.markerLabels()).containsExactly("kill 30%");
            assertThat(chart.folds().folds()).as("the quiet hour is one folded band").hasSize(1);
            assertThat(chart.folds().ticks()).extracting(TimeFolds.Tick::label).contains("~1 h~");

            double killX = chart.folds().x(killedAt);
            List<XYChart.Data<Number, Number>> exact = chart.exactSeries().getData();
            assertThat(exact.get(99).getXValue().doubleValue()).as("the first lookups are left of the kill").isLessThanOrEqualTo(killX);
            assertThat(exact.get(100).getXValue().doubleValue()).as("the next ones right of it").isGreaterThanOrEqualTo(killX);
            double before = exact.get(99).getYValue().doubleValue();
            double dip = min(exact.subList(100, 200));
            double after = exact.get(299).getYValue().doubleValue();
            assertThat(dip).as("the lookups after the kill dip").isLessThan(before);
            assertThat(after).as("an hour later they recovered").isGreaterThan(dip);

            Line marker = (Line) chart.lookup(".time-marker");
            assertThat(marker.getPseudoClassStates()).extracting(Object::toString).contains("kill");
            double markerX = marker.getStartX();
            assertThat(markerX).as("drawn where the kill happened").isCloseTo(chart.getXAxis().getDisplayPosition(killX),
                    org.assertj.core.data.Offset.offset(1.0));
            assertThat(marker.getEndY() - marker.getStartY()).as("a line across the plot").isGreaterThan(100);
            assertThat(((Label) chart.lookup(".time-marker-label")).getText()).isEqualTo("kill 30%");
            Rectangle band = (Rectangle) chart.lookup(".time-fold");
            assertThat(band.getWidth()).as("the folded hour is narrow").isGreaterThan(0).isLessThan(chart.getWidth() / 5);

            List<javafx.geometry.Bounds> ticks = new java.util.ArrayList<>();
            List<String> tickTexts = new java.util.ArrayList<>();
            for (javafx.scene.Node n : chart.getXAxis().getChildrenUnmodifiable()) {
                if (n instanceof javafx.scene.text.Text t && t.isVisible() && !t.getText().isEmpty()) {
                    ticks.add(t.getBoundsInParent());
                    tickTexts.add(t.getText());
                }
            }
            assertThat(tickTexts).as("the folded hour and some clock times are labelled").contains("~1 h~").hasSizeGreaterThan(2);
            assertThat(org.kadlab.ui.TestViews.overlapping(ticks)).as("tick labels %s overlap", tickTexts).isNull();
            for (javafx.geometry.Bounds b : ticks) {
                assertThat(b.getMinX()).as("inside the axis").isGreaterThanOrEqualTo(-0.5);
                assertThat(b.getMaxX()).as("inside the axis").isLessThanOrEqualTo(chart.getXAxis().getWidth() + 0.5);
            }
            Path dir = Path.of("target", "ui-shots");
            Files.createDirectories(dir);
            ExportActions.writePng(stats.getScene(), dir.resolve("resilience-chart.png"));
            vm.shutdown();
            return null;
        });
    }

    @Test
    void markersOfEveryKindAreDrawnApartAndALabelThatWouldOverlapMovesDown() throws Exception {
        FxFixture.fx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            vm.playback().playingProperty().set(false);
            ResilienceChart chart = new ResilienceChart();
            chart.getStylesheets().add(Theme.viewsStylesheet());
            TestViews.show(chart, 700, 300);
            vm.commands().killPercent(30);
            vm.commands().reviveAll();
            vm.commands().addNodes(2);
            OutcomeTimeline t = vm.timeline();
            chart.show(t, vm.simulation().now());
            chart.applyCss();
            chart.layout();
            assertThat(chart.markerLabels()).containsExactly("kill 30%", "revive 10", "add 2");
            List<Label> labels = chart.lookupAll(".time-marker-label").stream().map(Label.class::cast).toList();
            for (int i = 1; i < labels.size(); i++) {
                assertThat(labels.get(i).getBoundsInParent().intersects(labels.get(i - 1).getBoundsInParent()))
                        .as("labels of markers at the same moment stack, not overlap").isFalse();
            }
            List<String> looks = chart.lookupAll(".time-marker").stream()
                    .map(n -> n.getPseudoClassStates().toString()).toList();
            assertThat(looks).containsExactly("[kill]", "[revive]", "[add]");
            vm.shutdown();
            return null;
        });
    }

    @Test
    void churnIsMarkedWhereItStartedAndStoppedAndALabelAtTheRightEdgeStaysInTheChart() throws Exception {
        FxFixture.fx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            vm.playback().playingProperty().set(false);
            ResilienceChart chart = new ResilienceChart();
            chart.getStylesheets().add(Theme.viewsStylesheet());
            TestViews.show(chart, 700, 300);
            assertThat(vm.churn().startChurn(org.kadlab.sim.SessionModel.WEIBULL, 600_000, 0.5,
                    org.kadlab.sim.Background.UNTIL_STOPPED)).isTrue();
            assertThat(vm.churn().startWorkload(600, 0, org.kadlab.sim.Background.UNTIL_STOPPED)).isTrue();
            assertThat(vm.playback().runFor(600_000)).isTrue();
            for (int i = 0; i < 100_000 && vm.builder().buildingProperty().get(); i++) {
                vm.playback().tick(FRAME);
            }
            vm.churn().stopChurn();
            chart.show(vm.timeline(), vm.simulation().now());
            chart.applyCss();
            chart.layout();
            assertThat(chart.markerLabels()).containsExactly("churn weibull 10 min", "churn off");
            assertThat(chart.exactSeries().getData()).as("the workload's lookups are charted").hasSizeGreaterThan(50);
            List<Label> labels = chart.lookupAll(".time-marker-label").stream().map(Label.class::cast).toList();
            List<Line> lines = chart.lookupAll(".time-marker").stream().map(Line.class::cast).toList();
            assertThat(lines.get(0).getPseudoClassStates()).extracting(Object::toString).containsExactly("churn-start");
            assertThat(lines.get(1).getPseudoClassStates()).extracting(Object::toString).containsExactly("churn-stop");
            double right = chart.getXAxis().getDisplayPosition(((FoldedTimeAxis) chart.getXAxis()).getUpperBound());
            for (Label l : labels) {
                assertThat(l.getBoundsInParent().getMaxX()).as("%s stays in the plot", l.getText()).isLessThanOrEqualTo(right + 0.5);
                assertThat(l.getBoundsInParent().getMinX()).isGreaterThanOrEqualTo(-0.5);
            }
            assertThat(labels.get(1).getBoundsInParent().getMaxX()).as("the last label is left of its line")
                    .isLessThanOrEqualTo(lines.get(1).getStartX());
            vm.shutdown();
            return null;
        });
    }

    private static double min(List<XYChart.Data<Number, Number>> data) {
        double m = Double.MAX_VALUE;
        for (XYChart.Data<Number, Number> d : data) {
            m = Math.min(m, d.getYValue().doubleValue());
        }
        return m;
    }

    private static void batch(NetworkViewModel vm) {
        assertThat(vm.operations().runLookups(100)).isTrue();
        for (int i = 0; i < 10_000 && vm.builder().buildingProperty().get(); i++) {
            vm.playback().tick(FRAME);
        }
    }
}
