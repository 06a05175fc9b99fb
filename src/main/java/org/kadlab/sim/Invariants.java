package org.kadlab.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kadlab.kad.KBucket;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;

/**
 * Checks the routing invariants of every table an event touched (bucket size at most k, each contact
 * in its right bucket, no self entry, no duplicates) and turns each violation into an event and a line.
 */
final class Invariants {
    private static final int MAX_VIOLATIONS_KEPT = 1000;

    private final boolean enabled;
    private final int k;
    private final KeySpace keySpace;
    private final SimClock clock;
    private final EventSink sink;
    private final SimStats stats;
    private final List<SimNode> touched = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final List<String> violationsView = Collections.unmodifiableList(violations);

    Invariants(SimConfig config, KeySpace keySpace, SimClock clock, EventSink sink, SimStats stats) {
        this.enabled = config.checkInvariants();
        this.k = config.kad().k();
        this.keySpace = keySpace;
        this.clock = clock;
        this.sink = sink;
        this.stats = stats;
    }

    boolean enabled() {
        return enabled;
    }

    /** The violations seen (at most the first 1000), read-only. */
    List<String> violations() {
        return violationsView;
    }

    /** Notes that the node's table may have changed in this event. */
    void touch(SimNode n) {
        if (enabled && !n.touched) {
            n.touched = true;
            touched.add(n);
        }
    }

    /** Checks every table touched since the last call. */
    void checkTouched() {
        for (SimNode n : touched) {
            n.touched = false;
            checkTable(n);
        }
        touched.clear();
    }

    /** Checks one node's routing table: bucket size <= k, right bucket, no self, no duplicates. */
    private void checkTable(SimNode n) {
        NodeId self = n.id();
        Set<NodeId> seen = new HashSet<>();
        for (KBucket b : n.kad().routingTable().nonEmptyBuckets()) {
            if (b.size() > k) {
                violation(n, "bucket " + b.index() + " holds " + b.size() + " contacts, more than k = " + k);
            }
            for (int i = 0; i < b.size(); i++) {
                NodeId c = b.contact(i).id();
                if (c.equals(self)) {
                    violation(n, "bucket " + b.index() + " holds the node itself");
                } else if (self.bucketIndex(c) != b.index()) {
                    violation(n, "contact " + keySpace.hex(c) + " is in bucket " + b.index()
                            + " but belongs in bucket " + self.bucketIndex(c));
                }
                if (!seen.add(c)) {
                    violation(n, "contact " + keySpace.hex(c) + " is held twice");
                }
            }
        }
    }

    /** Records that {@code n} breaks {@code rule}. */
    void violation(SimNode n, String rule) {
        stats.invariantViolations++;
        String line = "t=" + clock.now() + " node " + keySpace.hex(n.id()) + ": " + rule;
        if (violations.size() < MAX_VIOLATIONS_KEPT) {
            violations.add(line);
        }
        if (sink.recording()) {
            sink.emit(new SimEvent.InvariantViolated(clock.now(), n.id(), rule));
        }
    }
}
