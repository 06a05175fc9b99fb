package org.kadlab.sim;

/** Receives every simulation event as it happens, on the simulation's thread. */
@FunctionalInterface
public interface SimListener {
    void onEvent(SimEvent event);
}
