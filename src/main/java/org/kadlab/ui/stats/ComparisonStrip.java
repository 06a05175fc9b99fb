package org.kadlab.ui.stats;

import javafx.scene.chart.LineChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kadlab.sim.ComparisonResult;
import org.kadlab.sim.ComparisonResult.Measure;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.widgets.ComparisonCharts;

/**
 * The last comparison of configurations (the Compare tab's) under the live charts: hops and RPCs
 * per lookup and the share of lookups within x RPCs, one series per configuration. Hidden until a
 * comparison has run.
 */
final class ComparisonStrip extends HBox {
    /** The strip's height, in pixels. */
    static final double HEIGHT = 190;
    private final LineChart<Number, Number> hops = ComparisonCharts.perLookup("stats-compare-hops", Measure.HOPS);
    private final LineChart<Number, Number> rpcs = ComparisonCharts.perLookup("stats-compare-rpcs", Measure.RPCS);
    private final LineChart<Number, Number> cdf = ComparisonCharts.distribution("stats-compare-cdf", Measure.RPCS);

    ComparisonStrip(NetworkViewModel vm) {
        setId("stats-compare");
        getStyleClass().add("stats-compare");
        hops.setTitle("Compared: hops per lookup");
        rpcs.setTitle("Compared: RPCs per lookup");
        cdf.setTitle("Compared: RPC distribution");
        for (LineChart<Number, Number> c : java.util.List.of(hops, rpcs, cdf)) {
            HBox.setHgrow(c, Priority.ALWAYS);
            c.setPrefWidth(100);
        }
        getChildren().addAll(hops, rpcs, cdf);
        setPrefHeight(HEIGHT);
        setMinHeight(HEIGHT);
        visibleProperty().bind(vm.comparison().resultProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        vm.comparison().resultProperty().addListener((o, a, r) -> show(r));
        show(vm.comparison().result());
    }

    private void show(ComparisonResult r) {
        ComparisonCharts.showPerLookup(hops, r, Measure.HOPS);
        ComparisonCharts.showPerLookup(rpcs, r, Measure.RPCS);
        ComparisonCharts.showDistribution(cdf, r, Measure.RPCS);
    }

    /** The three charts (for tests). */
    java.util.List<LineChart<Number, Number>> charts() {
        return java.util.List.of(hops, rpcs, cdf);
    }
}
