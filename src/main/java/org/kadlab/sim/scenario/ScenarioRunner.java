package org.kadlab.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.Operation;
import org.kadlab.sim.SimNode;
import org.kadlab.sim.Simulation;

/**
 * Runs a scenario's steps on a simulation, one after the other. A step that adds nodes waits for
 * each join to finish, and a step that starts operations waits for each to end (the network's
 * other traffic goes on meanwhile); every step but {@code kill} and {@code advance} then runs the
 * network until it is idle again, so the next step starts on a settled network. No wait lasts more than {@link Simulation#MAX_WAIT_MS} of virtual time.
 *
 * <p>Another thread may {@link #cancel()} a run: the runner asks before every simulation action, so
 * even a long {@code advance}, {@code churn}, {@code add} or {@code lookups} stops promptly, and
 * {@link #run()} throws {@link ScenarioCancelledException}. An optional {@link OperationListener}
 * hears of every operation the runner starts, with the step that started it.
 */
public final class ScenarioRunner {
    /** Hears every operation a run starts, on the thread that runs the scenario, as it starts. */
    @FunctionalInterface
    public interface OperationListener {
        /** {@code operation} (find_node, find_value or store) was started by {@code step}. */
        void started(Scenario.Step step, Operation operation);
    }

    private static final OperationListener NOBODY = (step, operation) -> {
    };

    private final Scenario scenario;
    private final Simulation sim;
    private final BooleanSupplier stop = this::isCancelled;
    private volatile boolean cancelled;
    private OperationListener listener = NOBODY;

    public ScenarioRunner(Scenario scenario, Simulation sim) {
        this.scenario = scenario;
        this.sim = sim;
    }

    /** Asks a run to stop at the next simulation action; safe to call from any thread, before or during {@link #run()}. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Sets who hears of the operations a run starts (null: nobody). */
    public void setOperationListener(OperationListener l) {
        this.listener = l == null ? NOBODY : l;
    }

    /**
     * Runs every step; a step that cannot run (an unknown node id, say) fails with its line, and a
     * cancelled run fails with {@link ScenarioCancelledException} naming the step it stopped in.
     */
    public void run() throws ScenarioException {
        Scenario.Step last = null;
        for (Scenario.Step step : scenario.steps()) {
            last = step;
            checkCancelled(step);
            try {
                runStep(step);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw ScenarioException.at(scenario.file(), step.line(), null, e.getMessage());
            }
        }
        idle(last);
    }

    private void checkCancelled(Scenario.Step step) throws ScenarioCancelledException {
        if (cancelled) {
            throw new ScenarioCancelledException(scenario.file(), step == null ? 0 : step.line(), sim.now());
        }
    }

    private void awaitOperation(Operation op, SimNode origin, Scenario.Step step) throws ScenarioCancelledException {
        if (!sim.awaitOperation(op, origin, stop)) {
            checkCancelled(step);
        }
    }

    /** Runs until the network is idle, at most {@link Simulation#MAX_WAIT_MS}, unless cancelled meanwhile. */
    private void idle(Scenario.Step step) throws ScenarioCancelledException {
        if (!sim.awaitIdle(stop)) {
            checkCancelled(step);
        }
    }

    private void runStep(Scenario.Step step) throws ScenarioException {
        if (step instanceof Scenario.Add a) {
            for (int i = 0; i < a.count(); i++) {
                checkCancelled(step);
                if (!sim.awaitJoin(sim.addNode(), stop)) {
                    checkCancelled(step);
                }
            }
            idle(step); // the joins' last pings and replications settle before the next step
        } else if (step instanceof Scenario.Kill k) {
            int count = k.count() >= 0 ? k.count() : (int) Math.round(k.fraction() * sim.liveCount());
            for (int i = 0; i < count && sim.liveCount() > 0; i++) {
                sim.kill(sim.randomLive());
            }
        } else if (step instanceof Scenario.KillNode k) {
            sim.kill(liveNode(k.node(), step, "kill.node"));
        } else if (step instanceof Scenario.Revive r) {
            List<SimNode> dead = new ArrayList<>();
            for (SimNode n : sim.nodes()) {
                if (!n.isAlive()) {
                    dead.add(n);
                }
            }
            int count = r.count() < 0 ? dead.size() : Math.min(r.count(), dead.size());
            for (int i = 0; i < count; i++) {
                SimNode n = r.count() < 0 ? dead.get(i) : dead.remove(sim.random().nextInt(dead.size()));
                sim.revive(n);
            }
            idle(step);
        } else if (step instanceof Scenario.Lookups l) {
            for (int i = 0; i < l.count(); i++) {
                checkCancelled(step);
                SimNode from = requireSomeLive(step);
                Operation op = sim.findNode(from, sim.randomId());
                listener.started(step, op);
                awaitOperation(op, from, step);
            }
            idle(step);
        } else if (step instanceof Scenario.LookupOne l) {
            SimNode from = l.from() == null ? requireSomeLive(step) : liveNode(l.from(), step, "lookup.from");
            NodeId target = parseId(l.target(), step, "lookup.target");
            Operation op = sim.findNode(from, target);
            listener.started(step, op);
            awaitOperation(op, from, step);
            idle(step);
        } else if (step instanceof Scenario.Store s) {
            SimNode from = s.from() == null ? requireSomeLive(step) : liveNode(s.from(), step, "store.from");
            Operation op = sim.store(from, s.key(), s.value());
            listener.started(step, op);
            awaitOperation(op, from, step);
            idle(step);
        } else if (step instanceof Scenario.FindValue f) {
            SimNode from = f.from() == null ? requireSomeLive(step) : liveNode(f.from(), step, "find_value.from");
            Operation op = sim.findValue(from, f.key());
            listener.started(step, op);
            awaitOperation(op, from, step);
            idle(step);
        } else if (step instanceof Scenario.Advance a) {
            if (!sim.runUntil(sim.now() + a.ms(), stop)) {
                checkCancelled(step);
            }
        } else if (step instanceof Scenario.Churn c) {
            if (!sim.churn(c.model(), c.meanSessionMs(), c.shape(), c.durationMs(), stop)) {
                checkCancelled(step);
            }
            idle(step);
        }
    }

    private SimNode requireSomeLive(Scenario.Step step) throws ScenarioException {
        SimNode n = sim.randomLive();
        if (n == null) {
            throw ScenarioException.at(scenario.file(), step.line(), null, "no live node to start from: add nodes first");
        }
        return n;
    }

    private NodeId parseId(String text, Scenario.Step step, String field) throws ScenarioException {
        try {
            return sim.keySpace().parse(text);
        } catch (IllegalArgumentException e) {
            throw ScenarioException.at(scenario.file(), step.line(), field, e.getMessage());
        }
    }

    private SimNode liveNode(String text, Scenario.Step step, String field) throws ScenarioException {
        NodeId id = parseId(text, step, field);
        SimNode n = sim.node(id);
        if (n == null) {
            throw ScenarioException.at(scenario.file(), step.line(), field, "no node has id " + sim.keySpace().hex(id));
        }
        if (!n.isAlive()) {
            throw ScenarioException.at(scenario.file(), step.line(), field, "node " + sim.keySpace().hex(id) + " is not alive");
        }
        return n;
    }
}
