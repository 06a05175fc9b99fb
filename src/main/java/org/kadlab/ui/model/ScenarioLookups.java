package org.kadlab.ui.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.Operation;
import org.kadlab.sim.SimEvent;
import org.kadlab.sim.Simulation;
import org.kadlab.sim.scenario.Scenario;

/**
 * The lookups a scenario ran, kept while it runs (the newest {@code capacity}, with the events that
 * ended them) so that the inspector lists them like the user's own once the network is swapped in.
 */
final class ScenarioLookups {
    private record Started(Scenario.Step step, Operation operation, long at) {
    }

    private final Simulation sim;
    private final int capacity;
    private final ArrayDeque<Started> started = new ArrayDeque<>();
    private final Map<Long, SimEvent.LookupFinished> finished = new HashMap<>();

    ScenarioLookups(Simulation sim, int capacity) {
        this.sim = sim;
        this.capacity = capacity;
        sim.addListener(e -> {
            if (e instanceof SimEvent.LookupFinished f && isKept(f.lookup())) {
                finished.put(f.lookup(), f);
            }
        });
    }

    /** Called by the runner, on its thread, when a step starts an operation. */
    void started(Scenario.Step step, Operation operation) {
        if (started.size() == capacity) {
            Started old = started.pollFirst();
            finished.remove(old.operation().lookupId());
        }
        started.addLast(new Started(step, operation, sim.now()));
    }

    private boolean isKept(long lookupId) {
        for (Started s : started) {
            if (s.operation().lookupId() == lookupId) {
                return true;
            }
        }
        return false;
    }

    /** The kept lookups as sessions, oldest first, each with its end and its record. */
    List<LookupSession> sessions() {
        List<LookupSession> out = new ArrayList<>(started.size());
        for (Started s : started) {
            Operation op = s.operation();
            var record = op.future().getNow(null);
            String key = null;
            String value = null;
            LookupPurpose purpose = LookupPurpose.FIND_NODE;
            if (s.step() instanceof Scenario.Store st) {
                purpose = LookupPurpose.STORE;
                key = st.key();
                value = st.value();
            } else if (s.step() instanceof Scenario.FindValue fv) {
                purpose = LookupPurpose.FIND_VALUE;
                key = fv.key();
            }
            NodeId origin = op.lookup() != null ? op.lookup().origin() : record == null ? null : record.origin();
            NodeId target = op.lookup() != null ? op.lookup().target() : record == null ? null : record.target();
            if (origin == null || target == null) {
                continue;
            }
            LookupSession session = new LookupSession(purpose, origin, target, s.at(), key, value);
            if (op.ranLookup()) {
                session.attach(op.lookup());
                session.started(op.lookupId());
            }
            SimEvent.LookupFinished f = finished.get(op.lookupId());
            if (f != null) {
                session.finish(f);
            }
            if (record != null) {
                session.completed(record, null);
            }
            out.add(session);
        }
        return out;
    }
}
