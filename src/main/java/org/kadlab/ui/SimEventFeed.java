package org.kadlab.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.kadlab.sim.SimEvent;
import org.kadlab.sim.SimListener;
import org.kadlab.sim.Simulation;

/**
 * A bounded queue of simulation events for one view, drained once per frame or revision.
 *
 * <ol>
 *   <li>It listens to the view model's current simulation; when the simulation is replaced (reset)
 *       it leaves the old one, clears its queue and tells its owner through the reset callback.</li>
 *   <li>Each event is appended to a queue of at most {@code capacity} events; when full, the oldest
 *       is dropped and counted in {@link #dropped()}.</li>
 *   <li>{@link #drain()} hands over everything queued, oldest first. Nothing is posted to the FX
 *       thread per event.</li>
 * </ol>
 */
public final class SimEventFeed {
    private final int capacity;
    private final ArrayDeque<SimEvent> queue;
    private final SimListener listener = this::offer;
    private final Consumer<Simulation> onReset;
    private Simulation source;
    private long dropped;

    /** A feed of at most {@code capacity} queued events that follows {@code vm}'s simulation. */
    public SimEventFeed(NetworkViewModel vm, int capacity, Consumer<Simulation> onReset) {
        this(capacity, onReset);
        attach(vm.simulation());
        vm.simulationProperty().addListener((o, was, now) -> attach(now));
    }

    /** A feed not yet attached to any simulation (see {@link #attach(Simulation)}). */
    public SimEventFeed(int capacity, Consumer<Simulation> onReset) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.queue = new ArrayDeque<>(Math.min(capacity, 1024));
        this.onReset = onReset;
    }

    /** Follows {@code sim} from now on, forgetting what was queued from the previous one. */
    public synchronized void attach(Simulation sim) {
        if (sim == source) {
            return;
        }
        if (source != null) {
            source.removeListener(listener);
        }
        source = sim;
        queue.clear();
        dropped = 0;
        if (sim != null) {
            sim.addListener(listener);
        }
        if (onReset != null) {
            onReset.accept(sim);
        }
    }

    /** Queues one event; the simulation calls this on its own thread. */
    public synchronized void offer(SimEvent e) {
        if (queue.size() == capacity) {
            queue.pollFirst();
            dropped++;
        }
        queue.addLast(e);
    }

    /** Everything queued since the last drain, oldest first. */
    public synchronized List<SimEvent> drain() {
        List<SimEvent> out = new ArrayList<>(queue);
        queue.clear();
        return out;
    }

    /** Whether events are waiting. */
    public synchronized boolean hasPending() {
        return !queue.isEmpty();
    }

    /** Events dropped because the queue was full, since the last attach. */
    public synchronized long dropped() {
        return dropped;
    }

    /** The simulation followed now. */
    public synchronized Simulation source() {
        return source;
    }
}
