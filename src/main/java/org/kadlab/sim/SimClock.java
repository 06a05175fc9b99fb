package org.kadlab.sim;

/**
 * The virtual clock and the agenda: the current time in ms, the queue of scheduled actions ordered by
 * (time, sequence), and how many of them are foreground work (RPCs, joins) rather than upkeep timers.
 */
final class SimClock {
    private final EventQueue queue = new EventQueue();
    private long now;
    private int foregroundQueued;

    /** An action that does not keep the network busy (an upkeep timer, a churn departure or arrival). */
    abstract static class Background extends EventQueue.Scheduled {
        @Override
        boolean foreground() {
            return false;
        }
    }

    long now() {
        return now;
    }

    /** Queues {@code s} to run at virtual time {@code at}. */
    void schedule(long at, EventQueue.Scheduled s) {
        if (s.foreground()) {
            foregroundQueued++;
        }
        queue.add(at, s);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** The time of the next queued action; only when not empty. */
    long nextTime() {
        return queue.peekTime();
    }

    /** Removes the next queued action and moves the clock to its time; only when not empty. */
    EventQueue.Scheduled next() {
        EventQueue.Scheduled s = queue.poll();
        long t = queue.polledTime();
        if (s.foreground()) {
            foregroundQueued--;
        }
        now = Math.max(now, t);
        return s;
    }

    /** Moves the clock forward to {@code time} (never back). */
    void advanceTo(long time) {
        now = Math.max(now, time);
    }

    /** Whether RPCs or joins are still queued. */
    boolean isBusy() {
        return foregroundQueued > 0;
    }

    int queued() {
        return queue.size();
    }
}
