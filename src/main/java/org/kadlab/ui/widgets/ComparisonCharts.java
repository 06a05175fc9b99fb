package org.kadlab.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.kadlab.sim.ComparisonResult;

/**
 * Charts of a comparison, one series per configuration overlaid (the Compare and the Stats tabs
 * both draw them): a measure per lookup, and the distribution of a measure (the share of lookups at
 * or below each value, drawn as steps). Colours follow the configurations' order (style class
 * {@code compare-chart}). A comparison holds at most 1,000 lookups, so a series at most 2,000 points.
 */
public final class ComparisonCharts {
    private ComparisonCharts() {
    }

    /** An empty chart of {@code m} per lookup. */
    public static LineChart<Number, Number> perLookup(String id, ComparisonResult.Measure m) {
        LineChart<Number, Number> c = chart(id, m.label() + " per lookup", "lookup #", m.label());
        ((NumberAxis) c.getXAxis()).setTickLabelFormatter(WHOLE); // lookups are counted
        return c;
    }

    /** Labels whole ticks only. */
    private static final javafx.util.StringConverter<Number> WHOLE = new javafx.util.StringConverter<>() {
        @Override
        public String toString(Number n) {
            double v = n.doubleValue();
            return v == Math.rint(v) ? String.valueOf((long) v) : "";
        }

        @Override
        public Number fromString(String s) {
            return Double.valueOf(s);
        }
    };

    /** An empty chart of the distribution of {@code m}. */
    public static LineChart<Number, Number> distribution(String id, ComparisonResult.Measure m) {
        LineChart<Number, Number> c = chart(id, m.label() + ": share of lookups within x", m.label(), "%");
        NumberAxis y = (NumberAxis) c.getYAxis();
        y.setAutoRanging(false);
        y.setLowerBound(0);
        y.setUpperBound(100);
        y.setTickUnit(25);
        return c;
    }

    private static LineChart<Number, Number> chart(String id, String title, String x, String y) {
        NumberAxis xa = new NumberAxis();
        xa.setLabel(x);
        xa.setAnimated(false);
        xa.setForceZeroInRange(false);
        xa.setMinorTickVisible(false);
        NumberAxis ya = new NumberAxis();
        ya.setLabel(y);
        ya.setAnimated(false);
        LineChart<Number, Number> c = new LineChart<>(xa, ya);
        c.setId(id);
        c.getStyleClass().addAll("stats-chart", "compare-chart");
        c.setTitle(title);
        c.setAnimated(false);
        c.setCreateSymbols(false);
        c.setMinSize(160, 120);
        return c;
    }

    /** Draws {@code m} per lookup of {@code r} in {@code chart}, one series per configuration; null clears it. */
    public static void showPerLookup(LineChart<Number, Number> chart, ComparisonResult r, ComparisonResult.Measure m) {
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        if (r != null) {
            for (int c = 0; c < r.setups().size(); c++) {
                List<XYChart.Data<Number, Number>> pts = new ArrayList<>(r.rows().size());
                for (ComparisonResult.Row row : r.rows()) {
                    pts.add(new XYChart.Data<>(row.number(), m.of(row.outcomes().get(c))));
                }
                all.add(series(r.names().get(c), pts));
            }
        }
        chart.getData().setAll(all);
    }

    /** Draws the distribution of {@code m} under each configuration of {@code r}, as steps; null clears it. */
    public static void showDistribution(LineChart<Number, Number> chart, ComparisonResult r, ComparisonResult.Measure m) {
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        if (r != null) {
            for (int c = 0; c < r.setups().size(); c++) {
                List<XYChart.Data<Number, Number>> pts = new ArrayList<>();
                double below = 0;
                for (double[] p : r.cdf(c, m)) {
                    pts.add(new XYChart.Data<>(p[0], 100 * below));
                    pts.add(new XYChart.Data<>(p[0], 100 * p[1]));
                    below = p[1];
                }
                all.add(series(r.names().get(c), pts));
            }
        }
        chart.getData().setAll(all);
    }

    private static XYChart.Series<Number, Number> series(String name, List<XYChart.Data<Number, Number>> pts) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        s.getData().setAll(pts);
        return s;
    }
}
