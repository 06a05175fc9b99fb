package org.kadlab.net;

import org.kadlab.kad.KadClock;

/**
 * The clock of a node on a real network: milliseconds since the clock was made, from the JVM's
 * monotonic timer, so it never goes back when the wall clock is set.
 */
public final class RealClock implements KadClock {
    private final long origin = System.nanoTime();

    @Override
    public long nowMillis() {
        return (System.nanoTime() - origin) / 1_000_000L;
    }
}
