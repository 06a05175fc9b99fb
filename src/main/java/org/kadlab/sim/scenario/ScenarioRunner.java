package org.kadlab.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.Background;
import org.kadlab.sim.DurabilitySample;
import org.kadlab.sim.Operation;
import org.kadlab.sim.SimNode;
import org.kadlab.sim.Simulation;
import org.kadlab.sim.Workload;

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
 *
 * <p>A churn step runs churn and its workload together in the background; the workload's queries
 * are judged and tallied in the step's {@link ChurnOutcome}, never added to the simulation's
 * operation list (whose truth labels describe the membership at the end of the run).
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

    /** Most durability samples of one churn step besides those at its start and end (the reader refuses more). */
    public static final int MAX_DURABILITY_SAMPLES = 1000;
    /** Most records a churn step samples: the oldest stored before it. */
    public static final int MAX_SAMPLED_KEYS = 1000;

    private final Scenario scenario;
    private final Simulation sim;
    private final List<ChurnOutcome> churns = new ArrayList<>();
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
        if (step instanceof Scenario.Prefill p) {
            sim.prefill(p.count());
        } else if (step instanceof Scenario.Add a) {
            for (int i = 0; i < a.count(); i++) {
                checkCancelled(step);
                SimNode added = i < a.ids().size() ? sim.addNode(freeId(a.ids().get(i), step), sim.randomLive()) : sim.addNode();
                if (!sim.awaitJoin(added, stop)) {
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
            churn(c);
        }
    }

    /**
     * Runs churn and its workload together in the background, one sampling period at a time (asking
     * the stop flag before every action), samples the durability of the records stored before it at
     * the start, every period and at the end, lets the last queries finish, and keeps the outcome.
     */
    private void churn(Scenario.Churn c) throws ScenarioException {
        List<String> keys = sim.storedKeys();
        keys = keys.subList(0, Math.min(keys.size(), MAX_SAMPLED_KEYS));
        long start = sim.now();
        Background churn = sim.startChurn(c.model(), c.meanSessionMs(), c.shape(), c.durationMs());
        Workload workload = c.hasWorkload()
                ? sim.startWorkload(c.lookupsPerHour(), c.findValuesPerHour(), c.durationMs(), false) : null;
        List<DurabilitySample> samples = new ArrayList<>();
        int dropped = 0;
        try {
            samples.add(DurabilitySample.of(sim, keys));
            long end = churn.endsAt();
            long every = c.sampleEveryMs() > 0 ? c.sampleEveryMs() : Math.max(1, end - start);
            for (long at = start; at < end; ) {
                at = Math.min(end, at + every);
                if (!sim.runUntil(at, stop)) {
                    checkCancelled(c);
                }
                if (samples.size() < MAX_DURABILITY_SAMPLES + 2) {
                    samples.add(DurabilitySample.of(sim, keys));
                } else {
                    dropped++;
                }
            }
            idle(c);
        } finally {
            churn.stop();
            if (workload != null) {
                workload.stop();
            }
        }
        churns.add(new ChurnOutcome(c, start, churn.endsAt(), workload == null ? null : workload.tally(),
                workload == null ? 0 : workload.skipped(), samples, dropped));
    }

    /** What each churn step measured so far, in the order run. */
    public List<ChurnOutcome> churnOutcomes() {
        return List.copyOf(churns);
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

    /** The id of an add step's node: it must parse and be free. */
    private NodeId freeId(String text, Scenario.Step step) throws ScenarioException {
        NodeId id = parseId(text, step, "add.ids");
        if (sim.node(id) != null) {
            throw ScenarioException.at(scenario.file(), step.line(), "add.ids", "a node with id " + sim.keySpace().hex(id)
                    + " exists already");
        }
        return id;
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
