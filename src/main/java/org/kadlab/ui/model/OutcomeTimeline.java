package org.kadlab.ui.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.sim.SimEvent;

/**
 * How well the network answered over virtual time, for the charts: every judged user operation as it
 * is released to the views, the rolling shares drawn from them, and markers where the membership or
 * the churn changed.
 *
 * <ol>
 *   <li>Each judged operation is kept (the last {@link #MAX_OUTCOMES}), numbered from 0 since the
 *       network was made, so a chart that reads them now and then misses none however many events
 *       came between.</li>
 *   <li>After each find_node, the exact share and the mean recall of the last {@link #WINDOW}
 *       find_nodes become one point each at the time it ended; after each find_value, the share of
 *       the last {@link #WINDOW} find_values that found their value. Each line keeps its last
 *       {@link #MAX_POINTS} points.</li>
 *   <li>The commands that change the network {@link #mark mark} it: kills, revivals, nodes added in
 *       a batch, churn started and stopped (the last {@link #MAX_MARKERS}).</li>
 *   <li>{@link #version()} goes up with every change; a new network starts it all over.</li>
 * </ol>
 */
public final class OutcomeTimeline {
    /** Operations in each rolling share. */
    public static final int WINDOW = 20;
    /** Most points kept per line. */
    public static final int MAX_POINTS = 1_000;
    /** Most operations kept for readers. */
    public static final int MAX_OUTCOMES = 2_000;
    /** Most markers kept. */
    public static final int MAX_MARKERS = 200;

    /** What a marker stands for. */
    public enum MarkerKind { KILL, REVIVE, ADD, CHURN_START, CHURN_STOP }

    /** A moment where the network was changed on purpose, with a short label ("kill 30%"). */
    public record Marker(long timeMs, MarkerKind kind, String label) {
    }

    /** One point of a rolling share: the share (0..1) right after the operation that ended at {@code timeMs}. */
    public record Point(long timeMs, double value) {
    }

    private final ArrayDeque<OperationOutcome> outcomes = new ArrayDeque<>();
    private long outcomeCount;
    private final ArrayDeque<Point> exact = new ArrayDeque<>();
    private final ArrayDeque<Point> recall = new ArrayDeque<>();
    private final ArrayDeque<Point> found = new ArrayDeque<>();
    private final ArrayDeque<Marker> markers = new ArrayDeque<>();
    private final RollingMean rollingExact = new RollingMean(WINDOW);
    private final RollingMean rollingRecall = new RollingMean(WINDOW);
    private final RollingMean rollingFound = new RollingMean(WINDOW);
    private long version;

    /** Takes in an event released to the views; only a judged user lookup's end counts. */
    void observe(SimEvent e) {
        OperationOutcome o = OperationOutcome.of(e);
        if (o != null) {
            add(o);
        }
    }

    /** Takes in one judged operation. */
    void add(OperationOutcome o) {
        bounded(outcomes, o, MAX_OUTCOMES);
        outcomeCount++;
        if (o.purpose() == LookupPurpose.FIND_NODE) {
            rollingExact.add(o.exact() ? 1 : 0);
            rollingRecall.add(o.recall());
            bounded(exact, new Point(o.timeMs(), rollingExact.mean()), MAX_POINTS);
            bounded(recall, new Point(o.timeMs(), rollingRecall.mean()), MAX_POINTS);
        } else if (o.purpose() == LookupPurpose.FIND_VALUE && o.found() != null) {
            rollingFound.add(o.found() ? 1 : 0);
            bounded(found, new Point(o.timeMs(), rollingFound.mean()), MAX_POINTS);
        }
        version++;
    }

    /** Marks the moment {@code timeMs}: a kill, a revival, a batch of nodes, churn starting or stopping. */
    void mark(long timeMs, MarkerKind kind, String label) {
        bounded(markers, new Marker(timeMs, kind, label), MAX_MARKERS);
        version++;
    }

    /** Forgets everything (a new network). */
    void clear() {
        outcomes.clear();
        outcomeCount = 0;
        exact.clear();
        recall.clear();
        found.clear();
        markers.clear();
        rollingExact.clear();
        rollingRecall.clear();
        rollingFound.clear();
        version++;
    }

    /** Goes up whenever anything here changed. */
    public long version() {
        return version;
    }

    /** Judged operations taken in since this network was made (the next one gets this number). */
    public long outcomeCount() {
        return outcomeCount;
    }

    /**
     * The operations numbered {@code from} and later, oldest first; those older than the last
     * {@link #MAX_OUTCOMES} are gone (see {@link #outcomeCount()} to tell how many).
     */
    public List<OperationOutcome> outcomesSince(long from) {
        long oldest = outcomeCount - outcomes.size();
        long skip = Math.max(0, from - oldest);
        List<OperationOutcome> out = new ArrayList<>((int) Math.max(0, outcomes.size() - skip));
        long i = oldest;
        for (OperationOutcome o : outcomes) {
            if (i++ >= oldest + skip) {
                out.add(o);
            }
        }
        return out;
    }

    /** The share of exact find_nodes among the last {@link #WINDOW}, after each find_node. */
    public List<Point> exactShare() {
        return List.copyOf(exact);
    }

    /** The mean recall of the last {@link #WINDOW} find_nodes, after each find_node. */
    public List<Point> meanRecall() {
        return List.copyOf(recall);
    }

    /** The share of the last {@link #WINDOW} find_values that found their value, after each find_value. */
    public List<Point> findValueSuccess() {
        return List.copyOf(found);
    }

    /** The markers, oldest first. */
    public List<Marker> markers() {
        return List.copyOf(markers);
    }

    private static <T> void bounded(ArrayDeque<T> into, T item, int max) {
        if (into.size() == max) {
            into.pollFirst();
        }
        into.addLast(item);
    }
}
