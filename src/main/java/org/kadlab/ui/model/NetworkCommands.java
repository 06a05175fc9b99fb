package org.kadlab.ui.model;

import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimNode;
import org.kadlab.sim.Simulation;
import org.kadlab.sim.scenario.Scenario;

/**
 * What the user does to the network's membership: add nodes that join, crash the selected node or a
 * share of the live ones, revive the crashed. Each is recorded for the saved scenario and marked on
 * the {@link OutcomeTimeline}; bad input sets the inline error and changes nothing.
 */
public final class NetworkCommands {
    /** Most nodes the window lets a network grow to. */
    public static final int MAX_NODES = 10_000;
    /** Most nodes added at once; more join a slice per frame (see {@link NodeAdder}). */
    public static final int ADD_AT_ONCE = 16;
    private final NetworkViewModel vm;

    NetworkCommands(NetworkViewModel vm) {
        this.vm = vm;
    }

    /** Adds {@code n} nodes that join one at a time, each through a random live node; returns false on bad input. */
    public boolean addNodes(int n) {
        vm.status().clearError();
        if (vm.live().isActive()) {
            vm.status().error(LiveMode.SIMULATION_ONLY);
            return false;
        }
        Simulation sim = vm.simulation();
        long cap = Math.min(MAX_NODES, sim.keySpace().bits() >= 31 ? Long.MAX_VALUE : 1L << sim.keySpace().bits());
        if (n < 1) {
            vm.status().error("Add at least one node.");
            return false;
        }
        long existing = sim.nodes().size() + (long) vm.adder().remaining();
        if (existing + n > cap) {
            vm.status().error("This window holds at most " + cap + " nodes; " + existing + " exist already or are joining.");
            return false;
        }
        vm.timeline().mark(sim.now(), OutcomeTimeline.MarkerKind.ADD, "add " + n);
        if (n > ADD_AT_ONCE) {
            vm.adder().start(n); // joins run a slice per frame, with progress, and can be cancelled
            vm.bump();
            return true;
        }
        vm.settle(() -> {
            for (int i = 0; i < n; i++) {
                sim.awaitJoin(sim.addNode(), () -> false); // as a scenario's add step does
            }
            sim.awaitIdle(() -> false);
        });
        if (vm.selection().selectedNode() == null) {
            vm.selection().selectQuietly(sim.nodes().get(0).id());
        }
        vm.recorder().record(new Scenario.Add(0, n));
        vm.status().caption("Added " + n + (n == 1 ? " node; it" : " nodes; each") + " joined through a random live node, "
                + "looked up its own id and refreshed its buckets.");
        vm.bump();
        return true;
    }

    /**
     * Why a node with the typed id {@code text} cannot be added, or null when it can: the id must
     * parse as the target field's ids do ({@link org.kadlab.kad.KeySpace#parse}: hex or 0b binary of
     * the network's width) and be free.
     */
    public String idProblem(String text) {
        NodeId id;
        try {
            id = vm.keySpace().parse(text);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return vm.simulation().node(id) != null ? "a node with id " + vm.keySpace().hex(id) + " exists already" : null;
    }

    /** Adds a node with the typed id {@code text} that joins through a random live node; false (with the message) on bad input. */
    public boolean addNodeWithId(String text) {
        vm.status().clearError();
        if (vm.live().isActive()) {
            vm.status().error(LiveMode.SIMULATION_ONLY);
            return false;
        }
        String problem = idProblem(text);
        if (problem != null) {
            vm.status().error("Add with id: " + problem + ".");
            return false;
        }
        return addWithId(vm.keySpace().parse(text), "with the id you typed");
    }

    /**
     * Adds a node whose XOR distance to the selected node falls in bucket {@code index} of it: a free
     * id drawn reproducibly ({@link Simulation#freshIdInBucket}), so a teacher can fill a bucket or
     * stage a newcomer on purpose. False (with the message) without a selection, for an index outside
     * the key space or when that bucket's range has no free id.
     */
    public boolean addNodeInBucket(int index) {
        vm.status().clearError();
        if (vm.live().isActive()) {
            vm.status().error(LiveMode.SIMULATION_ONLY);
            return false;
        }
        Simulation sim = vm.simulation();
        NodeId sel = vm.selection().selectedNode();
        if (sel == null || sim.node(sel) == null) {
            vm.status().error("Select a node first: the new node lands in one of its buckets.");
            return false;
        }
        int bits = sim.keySpace().bits();
        if (index < 0 || index >= bits) {
            vm.status().error("Bucket: " + index + " is outside 0 to " + (bits - 1) + ".");
            return false;
        }
        NodeId id = sim.freshIdInBucket(sel, index);
        if (id == null) {
            vm.status().error("Bucket " + index + " of " + vm.keySpace().hex(sel) + " has no free id: every one of its "
                    + (1L << index) + " ids is taken.");
            return false;
        }
        return addWithId(id, "in bucket " + index + " of " + vm.keySpace().hex(sel));
    }

    private boolean addWithId(NodeId id, String where) {
        Simulation sim = vm.simulation();
        long cap = Math.min(MAX_NODES, sim.keySpace().bits() >= 31 ? Long.MAX_VALUE : 1L << sim.keySpace().bits());
        long existing = sim.nodes().size() + (long) vm.adder().remaining();
        if (existing + 1 > cap) {
            vm.status().error("This window holds at most " + cap + " nodes; " + existing + " exist already or are joining.");
            return false;
        }
        String hex = vm.keySpace().hex(id);
        vm.timeline().mark(sim.now(), OutcomeTimeline.MarkerKind.ADD, "add " + hex.substring(0, Math.min(4, hex.length())));
        vm.settle(() -> {
            sim.awaitJoin(sim.addNode(id, sim.randomLive()), () -> false); // as a scenario's add step with ids does
            sim.awaitIdle(() -> false);
        });
        if (vm.selection().selectedNode() == null) {
            vm.selection().selectQuietly(id);
        }
        vm.recorder().record(new Scenario.Add(0, 1, java.util.List.of(hex)));
        vm.status().caption("Added " + hex + " " + where + "; it joined through a random live node, looked up its own id "
                + "and refreshed its buckets.");
        vm.bump();
        return true;
    }

    /** Crashes the selected node: it stops answering and keeps its state. */
    public boolean killSelected() {
        vm.status().clearError();
        if (vm.live().isActive()) {
            return vm.live().operations().killSelected();
        }
        NodeId id = vm.selection().selectedNode();
        SimNode n = id == null ? null : vm.simulation().node(id);
        if (n == null) {
            vm.status().error("Select a node first: click one on the ring.");
            return false;
        }
        if (!n.isAlive()) {
            vm.status().error(vm.keySpace().hex(id) + " is already down.");
            return false;
        }
        vm.simulation().kill(n);
        String hex = vm.keySpace().hex(id);
        vm.recorder().record(new Scenario.KillNode(0, hex));
        vm.timeline().mark(vm.simulation().now(), OutcomeTimeline.MarkerKind.KILL, "kill " + hex.substring(0, Math.min(4, hex.length())));
        vm.rpcs().dropFrom(id);
        vm.playback().releaseAll();
        vm.bump();
        return true;
    }

    /**
     * Crashes {@code round(percent / 100 x live)} live nodes chosen with the simulation's own random
     * source (so a saved scenario replays the same choice), but never the last live node. Records
     * {@code - kill: "30%"} (or the count, when the last node was spared). Returns how many were
     * killed, or -1 (with a message) for a percentage outside 0..100.
     */
    public int killPercent(int percent) {
        vm.status().clearError();
        if (vm.live().isActive()) {
            vm.status().error(LiveMode.SIMULATION_ONLY);
            return -1;
        }
        if (percent < 0 || percent > 100) {
            vm.status().error("Kill between 0% and 100% of the live nodes, not " + percent + "%.");
            return -1;
        }
        Simulation sim = vm.simulation();
        int live = sim.liveCount();
        int wanted = (int) Math.round(percent / 100.0 * live);
        int count = Math.max(0, Math.min(wanted, live - 1));
        for (int i = 0; i < count; i++) {
            SimNode n = sim.randomLive();
            sim.kill(n);
            vm.rpcs().dropFrom(n.id());
        }
        if (count > 0) {
            vm.recorder().record(count == wanted ? new Scenario.Kill(0, -1, percent / 100.0) : new Scenario.Kill(0, count, -1));
            vm.timeline().mark(sim.now(), OutcomeTimeline.MarkerKind.KILL, count == wanted ? "kill " + percent + "%" : "kill " + count);
        }
        vm.playback().releaseAll();
        vm.status().caption(count == 0
                ? (live <= 1 ? "Only one node is live: it is spared." : percent + "% of " + live + " live nodes rounds to none.")
                : "Crashed " + count + " of " + live + " live nodes at random" + (count < wanted ? " (the last one is spared)" : "")
                        + "; they stop answering and keep their state.");
        vm.bump();
        return count;
    }

    /** Brings every crashed node back with the state it had. */
    public int reviveAll() {
        vm.status().clearError();
        if (vm.live().isActive()) {
            return vm.live().operations().reviveSelected() ? 1 : 0; // on a live network: the selected node, through its cluster
        }
        Simulation sim = vm.simulation();
        int revived = 0;
        for (SimNode n : sim.nodes()) {
            if (!n.isAlive()) {
                sim.revive(n);
                revived++;
            }
        }
        vm.playback().releaseAll();
        if (revived > 0) {
            vm.recorder().record(new Scenario.Revive(0, -1));
            vm.timeline().mark(sim.now(), OutcomeTimeline.MarkerKind.REVIVE, "revive " + revived);
        }
        vm.status().caption(revived == 0 ? "Every node is already running."
                : "Revived " + revived + (revived == 1 ? " node" : " nodes") + ", each with the routing table it had.");
        vm.bump();
        return revived;
    }
}
