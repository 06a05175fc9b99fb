package org.kadlab.ui.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.kadlab.sim.SimEvent;

/**
 * The one way events reach the views, released by the display clock.
 *
 * <ol>
 *   <li>The network's listener {@link #offer offers} every event, tagged with the simulation step
 *       that produced it, to a bounded queue of pending events; when full, the oldest pending event
 *       is dropped and counted.</li>
 *   <li>The view model {@link #poll polls} the pending events whose time the display clock reached
 *       and {@link #release releases} them; work the views do not replay (a network being built or
 *       settled) is released at once.</li>
 *   <li>Released events go into a ring of the last {@code releasedCapacity} events. Each view reads
 *       it through its own {@link Reader}, at its own pace, and learns how many it missed when it
 *       fell more than a ring behind. So every view sees an event at the same moment, and nothing
 *       is posted to the FX thread per event.</li>
 *   <li>{@link #clear()} (a new network) empties both and tells every reader to start over.</li>
 * </ol>
 */
public final class EventInbox {
    /** One queued event and the number of the simulation step that produced it. */
    public record Entry(long step, SimEvent event) {
    }

    private final ArrayDeque<Entry> pending = new ArrayDeque<>();
    private final int capacity;
    private long dropped;
    private final SimEvent[] ring;
    private long released; // events released since the last clear; the next one gets this number
    private long generation;

    /** An inbox of at most {@code capacity} pending events that keeps the last {@code releasedCapacity} released ones. */
    public EventInbox(int capacity, int releasedCapacity) {
        if (capacity < 1 || releasedCapacity < 1) {
            throw new IllegalArgumentException("capacities must be at least 1, were " + capacity + " and " + releasedCapacity);
        }
        this.capacity = capacity;
        this.ring = new SimEvent[releasedCapacity];
    }

    /** An inbox that keeps as many released events as it queues. */
    public EventInbox(int capacity) {
        this(capacity, capacity);
    }

    /** Queues {@code event}, produced by simulation step {@code step}, until the display clock releases it. */
    public void offer(long step, SimEvent event) {
        if (pending.size() == capacity) {
            pending.pollFirst();
            dropped++;
        }
        pending.addLast(new Entry(step, event));
    }

    /** The oldest pending entry, or null. */
    public Entry peek() {
        return pending.peekFirst();
    }

    /** Removes and returns the oldest pending entry, or null. */
    public Entry poll() {
        return pending.pollFirst();
    }

    public int size() {
        return pending.size();
    }

    /** Whether no event is pending. */
    public boolean isEmpty() {
        return pending.isEmpty();
    }

    public int capacity() {
        return capacity;
    }

    /** How many pending events fell out because the queue was full. */
    public long dropped() {
        return dropped;
    }

    /** Hands {@code event} to the views: every reader sees it on its next drain. */
    public void release(SimEvent event) {
        ring[(int) (released % ring.length)] = event;
        released++;
    }

    /** Events released since the last {@link #clear()}. */
    public long releasedCount() {
        return released;
    }

    /** Forgets every pending and released event (a new network); readers start over. */
    public void clear() {
        pending.clear();
        java.util.Arrays.fill(ring, null);
        released = 0;
        dropped = 0;
        generation++;
    }

    /** A new reader that sees the events released from now on. */
    public Reader reader() {
        return new Reader();
    }

    /** One view's place in the released events. */
    public final class Reader {
        private long next = released;
        private long seenGeneration = generation;
        private long missed;

        /** Whether events were released since the last drain. */
        public boolean hasPending() {
            sync();
            return next < released;
        }

        /** The events released since the last drain, oldest first. */
        public List<SimEvent> drain() {
            sync();
            long oldest = Math.max(next, released - ring.length);
            missed += oldest - next;
            List<SimEvent> out = new ArrayList<>((int) Math.min(ring.length, released - oldest));
            for (long i = oldest; i < released; i++) {
                out.add(ring[(int) (i % ring.length)]);
            }
            next = released;
            return out;
        }

        /** Events this reader missed because it fell more than a ring behind, since the last clear. */
        public long missed() {
            return missed;
        }

        private void sync() {
            if (seenGeneration != generation) {
                seenGeneration = generation;
                next = 0;
                missed = 0;
            }
        }
    }
}
