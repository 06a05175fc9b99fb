package org.kadlab.sim;

/**
 * Runs each node's upkeep ({@link org.kadlab.kad.KadNode#maintain()}) exactly when it is next due:
 * one timer per node, replaced (by a generation count) when something makes upkeep due earlier.
 */
final class Upkeep {
    private final SimClock clock;

    Upkeep(SimClock clock) {
        this.clock = clock;
    }

    /** Schedules the node's upkeep for when its node says it is next due. */
    void schedule(SimNode node) {
        schedule(node, node.kad().nextMaintenance());
    }

    /** Schedules the node's upkeep at {@code at} unless it is dead, never due, or already due earlier. */
    void schedule(SimNode node, long at) {
        if (!node.alive || at == Long.MAX_VALUE || at >= node.maintenanceAt) {
            return;
        }
        node.maintenanceAt = at;
        int generation = ++node.maintenanceGeneration;
        clock.schedule(Math.max(at, clock.now()), new SimClock.Background() {
            @Override
            void fire() {
                if (generation != node.maintenanceGeneration || !node.alive) {
                    return;
                }
                node.maintenanceAt = Long.MAX_VALUE;
                schedule(node, node.kad().maintain());
            }
        });
    }

    /** Restarts a revived node's upkeep at once (its old timer died with it). */
    void restart(SimNode node) {
        node.maintenanceAt = Long.MAX_VALUE;
        schedule(node, clock.now());
    }
}
