package org.kadlab.ui;

import java.util.List;
import javafx.scene.chart.XYChart;

/**
 * A chart series that keeps at most {@code capacity} points: (1) points are appended in x order;
 * (2) when one more would exceed the capacity, the oldest is removed first; (3) {@link #clear()}
 * empties it (on reset).
 */
public final class BoundedSeries {
    private final XYChart.Series<Number, Number> series;
    private final int capacity;

    public BoundedSeries(String name, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.series = new XYChart.Series<>();
        this.series.setName(name);
        this.capacity = capacity;
    }

    /** Appends (x, y), dropping the oldest points beyond the capacity. */
    public void add(double x, double y) {
        javafx.collections.ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        int excess = data.size() + 1 - capacity;
        if (excess > 0) {
            data.remove(0, excess);
        }
        data.add(new XYChart.Data<>(x, y));
    }

    /** Appends many points at once (one change for the chart), keeping the newest {@code capacity}. */
    public void addAll(List<double[]> points) {
        if (points.isEmpty()) {
            return;
        }
        javafx.collections.ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        int from = Math.max(0, points.size() - capacity);
        int excess = data.size() + (points.size() - from) - capacity;
        if (excess > 0) {
            data.remove(0, Math.min(excess, data.size()));
        }
        List<XYChart.Data<Number, Number>> fresh = new java.util.ArrayList<>(points.size() - from);
        for (int i = from; i < points.size(); i++) {
            fresh.add(new XYChart.Data<>(points.get(i)[0], points.get(i)[1]));
        }
        data.addAll(fresh);
    }

    public void clear() {
        series.getData().clear();
    }

    public int size() {
        return series.getData().size();
    }

    public int capacity() {
        return capacity;
    }

    /** The last point's y, or NaN when empty. */
    public double lastY() {
        javafx.collections.ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        return data.isEmpty() ? Double.NaN : data.get(data.size() - 1).getYValue().doubleValue();
    }

    /** The last point's x, or NaN when empty. */
    public double lastX() {
        javafx.collections.ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        return data.isEmpty() ? Double.NaN : data.get(data.size() - 1).getXValue().doubleValue();
    }

    public XYChart.Series<Number, Number> series() {
        return series;
    }
}
