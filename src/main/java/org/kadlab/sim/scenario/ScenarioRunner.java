package org.kadlab.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimNode;
import org.kadlab.sim.Simulation;

/**
 * Runs a scenario's steps on a simulation, one after the other. Every step that starts work runs
 * the network until it is idle again, so each operation is judged on a settled network.
 */
public final class ScenarioRunner {
    private final Scenario scenario;
    private final Simulation sim;

    public ScenarioRunner(Scenario scenario, Simulation sim) {
        this.scenario = scenario;
        this.sim = sim;
    }

    /** Runs every step; a step that cannot run (an unknown node id, say) fails with its line. */
    public void run() throws ScenarioException {
        for (Scenario.Step step : scenario.steps()) {
            try {
                runStep(step);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw ScenarioException.at(scenario.file(), step.line(), null, e.getMessage());
            }
        }
        sim.runUntilIdle();
    }

    private void runStep(Scenario.Step step) throws ScenarioException {
        if (step instanceof Scenario.Add a) {
            for (int i = 0; i < a.count(); i++) {
                sim.addNode();
                sim.runUntilIdle();
            }
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
            sim.runUntilIdle();
        } else if (step instanceof Scenario.Lookups l) {
            for (int i = 0; i < l.count(); i++) {
                SimNode from = requireSomeLive(step);
                sim.findNode(from, sim.randomId());
                sim.runUntilIdle();
            }
        } else if (step instanceof Scenario.LookupOne l) {
            SimNode from = l.from() == null ? requireSomeLive(step) : liveNode(l.from(), step, "lookup.from");
            NodeId target = parseId(l.target(), step, "lookup.target");
            sim.findNode(from, target);
            sim.runUntilIdle();
        } else if (step instanceof Scenario.Store s) {
            SimNode from = s.from() == null ? requireSomeLive(step) : liveNode(s.from(), step, "store.from");
            sim.store(from, s.key(), s.value());
            sim.runUntilIdle();
        } else if (step instanceof Scenario.FindValue f) {
            SimNode from = f.from() == null ? requireSomeLive(step) : liveNode(f.from(), step, "find_value.from");
            sim.findValue(from, f.key());
            sim.runUntilIdle();
        } else if (step instanceof Scenario.Advance a) {
            sim.advance(a.ms());
        } else if (step instanceof Scenario.Churn c) {
            sim.churn(c.model(), c.meanSessionMs(), c.shape(), c.durationMs());
            sim.runUntilIdle();
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
