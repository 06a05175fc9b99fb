package org.kadlab.kad;

/**
 * The time source of a node, injected so that the core never reads a wall clock: the simulator
 * passes its virtual clock, tests pass a number they move by hand. Milliseconds, never decreasing.
 */
@FunctionalInterface
public interface KadClock {
    /** The current time in milliseconds. */
    long nowMillis();
}
