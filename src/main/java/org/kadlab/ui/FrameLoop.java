package org.kadlab.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * The per-frame driver: ticks the view model (a bounded slice of simulation steps and the release
 * of their events), then redraws the views only if something changed, and moves the pulses while
 * any are on screen. It measures the work of each frame (drain + draw) as a moving average.
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

    public FrameLoop(NetworkViewModel vm, MainView view) {
        this.vm = vm;
        this.view = view;
    }

    @Override
    public void handle(long now) {
        long elapsed = last < 0 ? 0 : Math.min(now - last, 100_000_000L); // a stall is not a jump
        last = now;
        frame(elapsed);
    }

    /** One frame's work, given the real time since the last one; returns its cost in nanoseconds. */
    public long frame(long elapsedNanos) {
        long start = System.nanoTime();
        vm.tick(elapsedNanos);
        long rev = vm.revisionProperty().get();
        if (rev != shownRevision) {
            shownRevision = rev;
            view.refresh();
        } else if (vm.hasMotion()) {
            view.animate();
        }
        long cost = System.nanoTime() - start;
        frames++;
        worstNanos = Math.max(worstNanos, cost);
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
