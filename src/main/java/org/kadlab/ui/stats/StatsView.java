package org.kadlab.ui.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.ui.model.NetworkModel;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.OperationOutcome;
import org.kadlab.ui.model.OutcomeTimeline;
import org.kadlab.ui.model.StatsSnapshot;
import org.kadlab.ui.widgets.FxmlView;
import org.kadlab.ui.widgets.OnScreen;

/**
 * Live charts of the simulation: the {@link ResilienceChart} over virtual time on top, then one
 * point per finished user find_node (judged against the ground truth) and one per refresh for the
 * network size.
 *
 * <ol>
 *   <li>It reads the view model's {@link OutcomeTimeline} of judged operations, at most
 *       {@link #REFRESHES_PER_SECOND} times a second, from where it stopped last time, so a batch
 *       of lookups run between two refreshes is charted whole.</li>
 *   <li>Hops per lookup are drawn against log2(N), N the live nodes when the point is drawn
 *       (at most a quarter second after the lookup ended);
 *       RPCs per lookup next to them; the exact share over the last {@link #ROLLING_WINDOW} lookups
 *       and over all of them; live and all nodes over virtual time.</li>
 *   <li>Every series keeps at most {@link #MAX_POINTS} points; a reset clears them.</li>
 * </ol>
 *
 * <p>The summary line and the grid of charts with their axes are laid out in {@code StatsView.fxml};
 * the series and their points are fed here.
 */
public final class StatsView extends BorderPane {
    /** Most points per series. */
    public static final int MAX_POINTS = 200;
    /** Lookups in the rolling exact share. */
    public static final int ROLLING_WINDOW = 20;
    /** Most chart updates per second. */
    public static final int REFRESHES_PER_SECOND = 4;

    /** Labels only whole ticks: lookups are counted, not measured. */
    private static final javafx.util.StringConverter<Number> WHOLE_NUMBERS = new javafx.util.StringConverter<>() {
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

    private final NetworkViewModel vm;
    private final BoundedSeries hops = new BoundedSeries("hops", MAX_POINTS);
    private final BoundedSeries log2n = new BoundedSeries("log\u2082 N", MAX_POINTS);
    private final BoundedSeries rpcs = new BoundedSeries("RPCs", MAX_POINTS);
    private final BoundedSeries failures = new BoundedSeries("failed", MAX_POINTS);
    private final BoundedSeries rolling = new BoundedSeries("last " + ROLLING_WINDOW, MAX_POINTS);
    private final BoundedSeries overall = new BoundedSeries("all", MAX_POINTS);
    private final BoundedSeries live = new BoundedSeries("live", MAX_POINTS);
    private final BoundedSeries all = new BoundedSeries("all nodes", MAX_POINTS);
    private final RollingShare share = new RollingShare(ROLLING_WINDOW);
    @FXML
    private Label summary;
    @FXML
    private ResilienceChart resilienceChart;
    @FXML
    private LineChart<Number, Number> hopsChart;
    @FXML
    private LineChart<Number, Number> rpcChart;
    @FXML
    private LineChart<Number, Number> exactChart;
    @FXML
    private LineChart<Number, Number> liveChart;
    private final Timeline ticker;
    /** The number of the next judged operation to chart (see {@link OutcomeTimeline#outcomesSince}). */
    private long nextOutcome;
    private long lookups;
    private long exact;
    private long sampledAt = Long.MIN_VALUE;
    private int sampledLive = -1;
    private int sampledAll = -1;

    public StatsView(NetworkViewModel vm) {
        this.vm = vm;
        FxmlView.load(this);
        show(hopsChart, hops, log2n);
        show(rpcChart, rpcs, failures);
        show(exactChart, rolling, overall);
        show(liveChart, live, all);
        setBottom(new ComparisonStrip(vm)); // a comparison's configurations overlaid, once one has run

        vm.networkProperty().addListener((o, was, now) -> onReset(now));
        ticker = new Timeline(new KeyFrame(Duration.millis(1000.0 / REFRESHES_PER_SECOND), e -> update()));
        ticker.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                ticker.stop();
            } else {
                ticker.play();
            }
        });
        update();
    }

    /** Draws {@code series} in {@code chart}; a lookup-numbered x axis labels whole lookups only. */
    private static void show(LineChart<Number, Number> chart, BoundedSeries... series) {
        if (chart.getXAxis() instanceof NumberAxis x && x.getLabel().startsWith("lookup")) {
            x.setTickLabelFormatter(WHOLE_NUMBERS);
        }
        for (BoundedSeries s : series) {
            chart.getData().add(s.series());
        }
    }

    private void onReset(NetworkModel net) {
        for (BoundedSeries s : List.of(hops, log2n, rpcs, failures, rolling, overall, live, all)) {
            s.clear();
        }
        share.clear();
        nextOutcome = 0;
        lookups = 0;
        exact = 0;
        sampledAt = Long.MIN_VALUE;
        sampledLive = -1;
        sampledAll = -1;
    }

    /** Drains queued events into the charts and samples the network size; the ticker calls it. */
    public void update() {
        NetworkModel sim = vm.network();
        if (sim == null) {
            return;
        }
        boolean hidden = !isOnScreen();
        for (BoundedSeries s : List.of(hops, log2n, rpcs, failures, rolling, overall, live, all)) {
            s.setDeferred(hidden); // a hidden chart keeps its points but costs no layout
        }
        List<double[]> hopPts = new ArrayList<>();
        List<double[]> logPts = new ArrayList<>();
        List<double[]> rpcPts = new ArrayList<>();
        List<double[]> failPts = new ArrayList<>();
        List<double[]> rollPts = new ArrayList<>();
        List<double[]> allPts = new ArrayList<>();
        int liveNow = sim.liveCount();
        OutcomeTimeline timeline = vm.timeline();
        if (nextOutcome > timeline.outcomeCount()) {
            nextOutcome = 0; // the timeline started over (a new network) before the listener told us
        }
        List<OperationOutcome> fresh = timeline.outcomesSince(nextOutcome);
        nextOutcome = timeline.outcomeCount();
        for (OperationOutcome f : fresh) {
            if (f.purpose() == LookupPurpose.FIND_NODE) {
                lookups++;
                boolean ok = f.exact();
                if (ok) {
                    exact++;
                }
                share.add(ok);
                hopPts.add(new double[] {lookups, f.hops()});
                logPts.add(new double[] {lookups, log2(liveNow)});
                rpcPts.add(new double[] {lookups, f.rpcs()});
                failPts.add(new double[] {lookups, f.failures()});
                rollPts.add(new double[] {lookups, 100 * share.share()});
                allPts.add(new double[] {lookups, 100.0 * exact / lookups});
            }
        }
        hops.addAll(hopPts);
        log2n.addAll(logPts);
        rpcs.addAll(rpcPts);
        failures.addAll(failPts);
        rolling.addAll(rollPts);
        overall.addAll(allPts);
        long now = vm.playback().displayTimeProperty().get();
        if (!hidden) {
            resilienceChart.show(timeline, now); // a hidden chart catches up when its tab shows
        }
        int total = sim.nodeCount();
        boolean moved = now != sampledAt || liveNow != sampledLive || total != sampledAll;
        if (moved) {
            double t = now / 1000.0;
            if (now == sampledAt) {
                // same instant, new count: keep one point per instant
                live.replaceLast(t, liveNow);
                all.replaceLast(t, total);
            } else {
                live.add(t, liveNow);
                all.add(t, total);
            }
            sampledAt = now;
            sampledLive = liveNow;
            sampledAll = total;
        }
        if (!fresh.isEmpty() || moved || summary.getText().isEmpty()) {
            summary.setText(summaryText(sim, liveNow, total));
        }
    }

    private String summaryText(NetworkModel sim, int liveNow, int total) {
        StatsSnapshot st = sim.stats();
        String values = st.findValues() == 0 ? ""
                : String.format(Locale.ROOT, " \u00b7 find_value found %.0f%% of %d", 100 * st.findValueSuccess(), st.findValues());
        if (st.judged() == 0) {
            return String.format(Locale.ROOT, "%d/%d live \u00b7 no find_node lookups yet", liveNow, total) + values;
        }
        return String.format(Locale.ROOT,
                "%d/%d live \u00b7 %d %s \u00b7 hops %.1f (p95 %d), log\u2082 N %.1f"
                        + " \u00b7 RPCs %.1f (p95 %d) \u00b7 exact %.0f%% \u00b7 recall %.1f%%",
                liveNow, total, st.judged(), st.judged() == 1 ? "lookup" : "lookups", st.hopsMean(), st.hopsP95(), log2(liveNow), st.rpcsMean(), st.rpcsP95(),
                100 * st.exactShare(), 100 * st.meanRecall()) + values;
    }

    /** Whether this view can be seen now (see {@link OnScreen}). */
    public boolean isOnScreen() {
        return OnScreen.is(this);
    }

    static double log2(int n) {
        return n <= 1 ? 0 : Math.log(n) / Math.log(2);
    }

    public BoundedSeries hopsSeries() {
        return hops;
    }

    public BoundedSeries log2Series() {
        return log2n;
    }

    public BoundedSeries rpcSeries() {
        return rpcs;
    }

    public BoundedSeries exactSeries() {
        return rolling;
    }

    public BoundedSeries liveSeries() {
        return live;
    }

    /** The chart over virtual time (for tests). */
    public ResilienceChart resilienceChart() {
        return resilienceChart;
    }

    /** User find_node lookups charted since the last reset. */
    public long lookupsCharted() {
        return lookups;
    }
}
