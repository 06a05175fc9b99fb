package org.kadlab.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.kadlab.ui.model.NetworkViewModel;

/**
 * The per-frame driver: ticks the view model (a bounded slice of simulation steps and the release
 * of their events), then redraws the views only if something changed, and moves the pulses while
 * any are on screen. It measures the work of each frame (drain + draw) as a moving average, and
 * the frames actually shown per second (which also counts JavaFX's own CSS, layout and rendering).
 */
public final class FrameLoop extends AnimationTimer {
    private final NetworkViewModel vm;
    private final MainView view;
    private final ReadOnlyDoubleWrapper frameMicros = new ReadOnlyDoubleWrapper(this, "frameMicros");
    private long last = -1;
    private long shownRevision = -1;
    private double averageNanos;
    private long frames;
    private long worstNanos;
    private final ReadOnlyDoubleWrapper framesPerSecond = new ReadOnlyDoubleWrapper(this, "framesPerSecond");
    private long windowStart = -1;
    private int windowFrames;
    /** The real time between the last {@link #KEPT_INTERVALS} frames, in ns, oldest overwritten first. */
    private final long[] intervals = new long[KEPT_INTERVALS];
    private long intervalCount;
    private long measuredFrames;
    private long measuredNanos;
    /** How many frame intervals are kept for {@link #recentIntervals()}. */
    public static final int KEPT_INTERVALS = 4_096;

    public FrameLoop(NetworkViewModel vm, MainView view) {
        this.vm = vm;
        this.view = view;
    }

    @Override
    public void handle(long now) {
        long elapsed = last < 0 ? 0 : Math.min(now - last, 100_000_000L); // a stall is not a jump
        if (last >= 0) {
            intervals[(int) (intervalCount++ % KEPT_INTERVALS)] = now - last;
        }
        last = now;
        frame(elapsed);
        countFrame(now);
    }

    /** Counts a shown frame at {@code now} (ns); once a second publishes the frames per second. */
    void countFrame(long now) {
        if (windowStart < 0) {
            windowStart = now;
            return;
        }
        windowFrames++;
        long span = now - windowStart;
        if (span >= 1_000_000_000L) {
            framesPerSecond.set(windowFrames * 1e9 / span);
            windowFrames = 0;
            windowStart = now;
        }
    }

    /** The real time between recent frames, in ns, oldest first (at most {@link #KEPT_INTERVALS}). */
    public long[] recentIntervals() {
        int n = (int) Math.min(intervalCount, KEPT_INTERVALS);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = intervals[(int) ((intervalCount - n + i) % KEPT_INTERVALS)];
        }
        return out;
    }

    /** Forgets the recorded intervals and the worst frame (to measure from a given moment). */
    public void resetMeasurements() {
        intervalCount = 0;
        worstNanos = 0;
        measuredFrames = 0;
        measuredNanos = 0;
    }

    /** The mean work of a frame since the last {@link #resetMeasurements()}, in ns. */
    public double meanNanos() {
        return measuredFrames == 0 ? 0 : (double) measuredNanos / measuredFrames;
    }

    /** Frames shown per second over the last second or so (0 until measured). */
    public ReadOnlyDoubleProperty framesPerSecondProperty() {
        return framesPerSecond.getReadOnlyProperty();
    }

    /** One frame's work, given the real time since the last one; returns its cost in nanoseconds. */
    public long frame(long elapsedNanos) {
        long start = System.nanoTime();
        vm.playback().tick(elapsedNanos);
        long rev = vm.revisionProperty().get();
        if (rev != shownRevision) {
            shownRevision = rev;
            view.refresh();
        } else if (vm.rpcs().hasMotion()) {
            view.animate();
        }
        long cost = System.nanoTime() - start;
        frames++;
        worstNanos = Math.max(worstNanos, cost);
        measuredFrames++;
        measuredNanos += cost;
        averageNanos = frames == 1 ? cost : averageNanos * 0.95 + cost * 0.05;
        if (frames % 30 == 0) {
            frameMicros.set(averageNanos / 1000.0);
        }
        return cost;
    }

    /** The moving average of a frame's work, in microseconds. */
    public ReadOnlyDoubleProperty frameMicrosProperty() {
        return frameMicros.getReadOnlyProperty();
    }

    /** The most expensive frame so far, in nanoseconds. */
    public long worstNanos() {
        return worstNanos;
    }
}
