package org.kadlab.ui;

import java.util.ArrayDeque;
import org.kadlab.sim.SimEvent;
import org.kadlab.sim.SimListener;

/**
 * A bounded queue between the simulation and the views: the listener appends every event (tagged
 * with the simulation step that produced it) and the frame drains them. When full, the oldest
 * event is dropped and counted, so memory stays bounded whatever the simulation does.
 */
public final class EventInbox implements SimListener {
    /** One queued event and the number of the simulation step that produced it. */
    public record Entry(long step, SimEvent event) {
    }

    /** Tells the inbox which simulation step is running. */
    @FunctionalInterface
    public interface StepCounter {
        long currentStep();
    }

    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final int capacity;
    private final StepCounter steps;
    private long dropped;

    public EventInbox(int capacity, StepCounter steps) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.steps = steps;
    }

    @Override
    public void onEvent(SimEvent event) {
        if (queue.size() == capacity) {
            queue.pollFirst();
            dropped++;
        }
        queue.addLast(new Entry(steps.currentStep(), event));
    }

    /** The oldest queued entry, or null. */
    public Entry peek() {
        return queue.peekFirst();
    }

    /** Removes and returns the oldest queued entry, or null. */
    public Entry poll() {
        return queue.pollFirst();
    }

    public int size() {
        return queue.size();
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }

    public int capacity() {
        return capacity;
    }

    /** How many events fell out because the queue was full. */
    public long dropped() {
        return dropped;
    }

    public void clear() {
        queue.clear();
    }
}
