package org.kadlab.sim;

/**
 * A process of the simulation that plays out as virtual time runs (churn, a workload of queries):
 * it only schedules events, runs until its end time or until {@link #stop()}ped, and never blocks.
 */
public class Background {
    /** Far enough ahead to mean "until stopped". */
    public static final long UNTIL_STOPPED = Long.MAX_VALUE / 4;

    private final String kind;
    private final SimClock clock;
    private final long startedAt;
    private final long endsAt;
    private boolean stopped;
    /** Told when it is stopped from outside (the journal records it), or null. */
    Runnable onStop;

    Background(String kind, SimClock clock, long durationMs) {
        if (durationMs < 0) {
            throw new IllegalArgumentException(kind + " duration must not be negative, was " + durationMs);
        }
        this.kind = kind;
        this.clock = clock;
        this.startedAt = clock.now();
        this.endsAt = durationMs >= UNTIL_STOPPED - startedAt ? UNTIL_STOPPED : startedAt + durationMs;
    }

    /** What runs: "churn" or "workload". */
    public String kind() {
        return kind;
    }

    /** Virtual time it started at, in ms. */
    public long startedAt() {
        return startedAt;
    }

    /** Virtual time it ends at, in ms ({@link #UNTIL_STOPPED} when it runs until stopped). */
    public long endsAt() {
        return endsAt;
    }

    /** Stops it: none of its future events happen (queries already sent still finish). */
    public void stop() {
        if (!stopped && onStop != null) {
            onStop.run();
        }
        stopped = true;
    }

    /** Whether it was stopped before its end. */
    public boolean stopped() {
        return stopped;
    }

    /** Whether its events still happen: not stopped and its end not reached. */
    public boolean running() {
        return !stopped && clock.now() < endsAt;
    }

    /** Whether an event due at {@code at} belongs to the live part of it. */
    boolean covers(long at) {
        return !stopped && at <= endsAt;
    }
}
