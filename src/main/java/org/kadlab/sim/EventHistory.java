package org.kadlab.sim;

import java.util.ArrayList;
import java.util.List;

/** The most recent simulation events, in a ring buffer of fixed capacity: older events fall out. */
public final class EventHistory {
    private final SimEvent[] ring;
    private int start;
    private int size;
    private long total;

    public EventHistory(int capacity) {
        this.ring = new SimEvent[Math.max(0, capacity)];
    }

    void add(SimEvent e) {
        total++;
        if (ring.length == 0) {
            return;
        }
        if (size < ring.length) {
            ring[(start + size++) % ring.length] = e;
        } else {
            ring[start] = e;
            start = (start + 1) % ring.length;
        }
    }

    /** The kept events, oldest first (a copy). */
    public List<SimEvent> events() {
        List<SimEvent> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(ring[(start + i) % ring.length]);
        }
        return out;
    }

    /** How many events are kept now. */
    public int size() {
        return size;
    }

    /** The most events kept at once. */
    public int capacity() {
        return ring.length;
    }

    /** How many events were ever added, including those that fell out. */
    public long total() {
        return total;
    }
}
