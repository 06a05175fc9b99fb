package org.kadlab.ui.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.control.Label;
import org.kadlab.ui.model.OutcomeTimeline;

/**
 * How well the network answers over virtual time, on one chart: the exact share and the mean recall
 * of the last {@link OutcomeTimeline#WINDOW} find_nodes and the share of the last find_values that
 * found their value, in percent, with a vertical line and a short label where nodes were killed,
 * revived or added and where churn started or stopped.
 *
 * <ol>
 *   <li>The x axis is virtual time with long quiet stretches folded ({@link TimeFolds}), so a dip
 *       after a kill and the recovery an hour later sit side by side; the axis reaches the display
 *       clock's time.</li>
 *   <li>{@link #show} redraws only when the timeline or the time changed. Marker labels that would
 *       overlap move down a row (at most {@link #LABEL_ROWS} rows).</li>
 *   <li>Markers carry their kind as a pseudo-class ({@code :kill}, {@code :revive}, {@code :add},
 *       {@code :churn-start}, {@code :churn-stop}); folded stretches are bands of style class
 *       {@code time-fold}.</li>
 * </ol>
 */
public final class ResilienceChart extends LineChart<Number, Number> {
    /** Rows of marker labels before they are allowed to overlap. */
    static final int LABEL_ROWS = 3;
    private final FoldedTimeAxis time;
    private final XYChart.Series<Number, Number> exact = series("exact");
    private final XYChart.Series<Number, Number> recall = series("mean recall");
    private final XYChart.Series<Number, Number> found = series("find_value found");
    private final Group folds = new Group();
    private final Group marks = new Group();
    private List<OutcomeTimeline.Marker> markers = List.of();
    private long shownVersion = -1;
    private long shownNow = Long.MIN_VALUE;

    public ResilienceChart() {
        super(new FoldedTimeAxis(), percentAxis());
        this.time = (FoldedTimeAxis) getXAxis();
        getStyleClass().addAll("stats-chart", "resilience-chart");
        setId("resilience-chart");
        setTitle("Lookups over virtual time: share of the last " + OutcomeTimeline.WINDOW + " (%)");
        setAnimated(false);
        setCreateSymbols(false);
        setMinSize(200, 150);
        getData().addAll(List.of(exact, recall, found));
        folds.setMouseTransparent(true);
        marks.setMouseTransparent(true);
        getPlotChildren().add(0, folds);
        getPlotChildren().add(marks);
    }

    private static NumberAxis percentAxis() {
        NumberAxis y = new NumberAxis("%", 0, 100, 25);
        y.setAnimated(false);
        return y;
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    /** Draws {@code timeline} up to virtual time {@code now}; does nothing when neither changed. */
    public void show(OutcomeTimeline timeline, long now) {
        if (timeline.version() == shownVersion && now == shownNow) {
            return;
        }
        shownVersion = timeline.version();
        shownNow = now;
        List<OutcomeTimeline.Point> e = timeline.exactShare();
        List<OutcomeTimeline.Point> r = timeline.meanRecall();
        List<OutcomeTimeline.Point> f = timeline.findValueSuccess();
        markers = timeline.markers();
        List<Long> times = new ArrayList<>(e.size() + f.size() + markers.size() + 1);
        e.forEach(p -> times.add(p.timeMs()));
        f.forEach(p -> times.add(p.timeMs()));
        markers.forEach(m -> times.add(m.timeMs()));
        if (!times.isEmpty()) {
            times.add(now);
        }
        TimeFolds axis = TimeFolds.of(times);
        time.show(axis);
        fill(exact, e, axis);
        fill(recall, r, axis);
        fill(found, f, axis);
        drawMarkers();
        requestChartLayout();
    }

    private static void fill(XYChart.Series<Number, Number> s, List<OutcomeTimeline.Point> points, TimeFolds axis) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
        for (OutcomeTimeline.Point p : points) {
            data.add(new XYChart.Data<>(axis.x(p.timeMs()), 100 * p.value()));
        }
        s.getData().setAll(data);
        if (data.isEmpty() && s.getNode() instanceof javafx.scene.shape.Path line) {
            line.getElements().clear(); // LineChart keeps drawing the old line when its last point goes
        }
    }

    private void drawMarkers() {
        marks.getChildren().clear();
        for (OutcomeTimeline.Marker m : markers) {
            PseudoClass kind = PseudoClass.getPseudoClass(m.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            Line l = new Line();
            l.getStyleClass().add("time-marker");
            l.pseudoClassStateChanged(kind, true);
            Label t = new Label(m.label());
            t.getStyleClass().add("time-marker-label");
            t.pseudoClassStateChanged(kind, true);
            t.setManaged(false);
            marks.getChildren().addAll(l, t);
        }
        folds.getChildren().clear();
        for (TimeFolds.Piece p : time.folds().folds()) {
            Rectangle band = new Rectangle();
            band.getStyleClass().add("time-fold");
            folds.getChildren().add(band);
        }
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis y = (NumberAxis) getYAxis();
        double top = y.getDisplayPosition(100);
        double bottom = y.getDisplayPosition(0);
        double right = time.getDisplayPosition(time.getUpperBound());
        TimeFolds axis = time.folds();
        List<TimeFolds.Piece> bands = axis.folds();
        for (int i = 0; i < bands.size() && i < folds.getChildren().size(); i++) {
            Rectangle band = (Rectangle) folds.getChildren().get(i);
            double x0 = time.getDisplayPosition(bands.get(i).x());
            double x1 = time.getDisplayPosition(bands.get(i).x() + bands.get(i).width());
            band.setX(x0);
            band.setY(top);
            band.setWidth(Math.max(1, x1 - x0));
            band.setHeight(bottom - top);
        }
        double[] rowEnds = new double[LABEL_ROWS];
        java.util.Arrays.fill(rowEnds, Double.NEGATIVE_INFINITY);
        var nodes = marks.getChildren();
        for (int i = 0; i + 1 < nodes.size() && i / 2 < markers.size(); i += 2) {
            double x = Math.rint(time.getDisplayPosition(axis.x(markers.get(i / 2).timeMs()))) + 0.5;
            Line l = (Line) nodes.get(i);
            l.setStartX(x);
            l.setEndX(x);
            l.setStartY(top);
            l.setEndY(bottom);
            Label t = (Label) nodes.get(i + 1);
            t.applyCss();
            double w = t.prefWidth(-1);
            double h = t.prefHeight(w);
            double left = x + 2 + w > right ? x - 2 - w : x + 2; // near the right edge the label goes left of its line
            int row = 0;
            while (row < LABEL_ROWS - 1 && rowEnds[row] > left) {
                row++;
            }
            rowEnds[row] = left + w + 4;
            t.resizeRelocate(left, top + 2 + (h + 1) * row, w, h);
        }
    }

    /** The folds the x axis shows (for tests). */
    public TimeFolds folds() {
        return time.folds();
    }

    /** The marker labels drawn, left to right (for tests). */
    public List<String> markerLabels() {
        List<String> out = new ArrayList<>();
        for (var n : marks.getChildren()) {
            if (n instanceof Label t) {
                out.add(t.getText());
            }
        }
        return out;
    }

    /** The exact-share series (for tests). */
    public XYChart.Series<Number, Number> exactSeries() {
        return exact;
    }

    /** The mean-recall series (for tests). */
    public XYChart.Series<Number, Number> recallSeries() {
        return recall;
    }

    /** The find_value series (for tests). */
    public XYChart.Series<Number, Number> foundSeries() {
        return found;
    }
}
