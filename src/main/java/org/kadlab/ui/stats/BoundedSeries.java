package org.kadlab.ui.stats;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Path;

/**
 * A chart series that keeps at most {@code capacity} points: (1) points are appended in x order;
 * (2) when one more would exceed the capacity, the oldest is removed first; (3) {@link #clear()}
 * empties it (on reset); (4) while {@link #setDeferred(boolean) deferred} (its chart is not on
 * screen) the points are kept but the chart is not touched, so a hidden chart costs no layout;
 * the chart catches up when deferral ends.
 */
public final class BoundedSeries {
    private final XYChart.Series<Number, Number> series;
    private final int capacity;
    private final ArrayDeque<double[]> points;
    private boolean deferred;
    private boolean behind;

    public BoundedSeries(String name, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.series = new XYChart.Series<>();
        this.series.setName(name);
        this.capacity = capacity;
        this.points = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** Appends (x, y), dropping the oldest points beyond the capacity. */
    public void add(double x, double y) {
        if (points.size() == capacity) {
            points.pollFirst();
        }
        points.addLast(new double[] {x, y});
        changed();
    }

    /** Appends many points at once (one change for the chart), keeping the newest {@code capacity}. */
    public void addAll(List<double[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (int i = Math.max(0, batch.size() - capacity); i < batch.size(); i++) {
            if (points.size() == capacity) {
                points.pollFirst();
            }
            points.addLast(batch.get(i).clone());
        }
        changed();
    }

    /** Replaces the last point (a second sample at the same instant), or appends when empty. */
    public void replaceLast(double x, double y) {
        points.pollLast();
        add(x, y);
    }

    public void clear() {
        points.clear();
        changed();
    }

    /** While deferred, changes are kept from the chart; ending it brings the chart up to date. */
    public void setDeferred(boolean on) {
        deferred = on;
        if (!on && behind) {
            sync();
        }
    }

    public int size() {
        return points.size();
    }

    public int capacity() {
        return capacity;
    }

    /** The last point's y, or NaN when empty. */
    public double lastY() {
        return points.isEmpty() ? Double.NaN : points.peekLast()[1];
    }

    /** The last point's x, or NaN when empty. */
    public double lastX() {
        return points.isEmpty() ? Double.NaN : points.peekLast()[0];
    }

    /** The chart's series (up to date unless deferred). */
    public XYChart.Series<Number, Number> series() {
        return series;
    }

    private void changed() {
        if (deferred) {
            behind = true;
        } else {
            sync();
        }
    }

    private void sync() {
        List<XYChart.Data<Number, Number>> fresh = new ArrayList<>(points.size());
        for (double[] p : points) {
            fresh.add(new XYChart.Data<>(p[0], p[1]));
        }
        series.getData().setAll(fresh);
        if (fresh.isEmpty() && series.getNode() instanceof Path line) {
            line.getElements().clear(); // LineChart keeps drawing the old line when its last point goes
        }
        behind = false;
    }
}
