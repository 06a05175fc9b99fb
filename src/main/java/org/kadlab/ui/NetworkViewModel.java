package org.kadlab.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimConfig;
import org.kadlab.sim.SimEvent;
import org.kadlab.sim.SimNode;
import org.kadlab.sim.Simulation;

/**
 * The state behind the KadLab window, testable without a Stage: the simulation, the selected node
 * and lookup, the user's actions, and the display clock that paces the simulation.
 *
 * <ol>
 *   <li>A listener puts every simulation event into a bounded {@link EventInbox}; nothing is posted
 *       to the FX thread per event.</li>
 *   <li>Each frame, {@link #tick(long)} moves the display clock on by speed x elapsed real time,
 *       runs at most {@link #EVENT_BUDGET_PER_FRAME} simulation steps that are due, and releases the
 *       queued events whose time has come to the views (pulses, caption, lookup state).</li>
 *   <li>While nothing is under way the clock waits: virtual time passes only while RPCs are in flight.</li>
 *   <li>{@link #stepOnce()} pauses and runs exactly one simulation step, releasing its events.</li>
 *   <li>User actions (add, kill, revive, find_node) release their events at once; adding nodes lets
 *       the joins settle before the next frame.</li>
 *   <li>Bad input sets {@link #targetErrorProperty()} and never throws.</li>
 * </ol>
 */
public final class NetworkViewModel {
    /** Nodes in the default network. */
    public static final int DEFAULT_NODES = 32;
    /** Most simulation steps run in one frame. */
    public static final int EVENT_BUDGET_PER_FRAME = 400;
    /** Most nodes the window lets a network grow to. */
    public static final int MAX_NODES = 4096;
    /** Most RPC pulses drawn at once. */
    public static final int MAX_PULSES = 300;
    /** Slowest and fastest speeds, in virtual ms per real second. */
    public static final double MIN_SPEED = 10;
    public static final double MAX_SPEED = 10_000;
    public static final double DEFAULT_SPEED = 150;
    private static final int INBOX_CAPACITY = 20_000;
    private static final long FADE_NANOS = 900_000_000L;

    private final SimConfig config;
    private final int initialNodes;
    private Simulation sim;
    private EventInbox inbox;
    private boolean muted;
    private LookupSession starting;

    private final ReadOnlyObjectWrapper<Simulation> simulation = new ReadOnlyObjectWrapper<>(this, "simulation");
    private final ReadOnlyObjectWrapper<SimNode> selectedNode = new ReadOnlyObjectWrapper<>(this, "selectedNode");
    private final ReadOnlyObjectWrapper<LookupSession> selectedLookup = new ReadOnlyObjectWrapper<>(this, "selectedLookup");
    private final StringProperty targetText = new SimpleStringProperty(this, "targetText", "");
    private final ReadOnlyStringWrapper targetError = new ReadOnlyStringWrapper(this, "targetError", "");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", true);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", DEFAULT_SPEED);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyLongWrapper displayTime = new ReadOnlyLongWrapper(this, "displayTime");
    private final ReadOnlyIntegerWrapper nodeCount = new ReadOnlyIntegerWrapper(this, "nodeCount");
    private final ReadOnlyIntegerWrapper liveCount = new ReadOnlyIntegerWrapper(this, "liveCount");

    private double clock;
    private long realNanos;
    private final LinkedHashMap<Long, RpcPulse> pulses = new LinkedHashMap<>();
    private final List<RpcPulse> fading = new ArrayList<>();

    /** The default network: 32 nodes, 16-bit ids, k = 4, alpha = 3, seed 1, already joined. */
    public NetworkViewModel() {
        this(defaultConfig(1), DEFAULT_NODES);
    }

    /** A network of {@code nodes} nodes built with {@code config}, joined one at a time until idle. */
    public NetworkViewModel(SimConfig config, int nodes) {
        this.config = config;
        this.initialNodes = nodes;
        speed.addListener((o, was, now) -> {
            double v = now.doubleValue();
            if (!(v >= MIN_SPEED && v <= MAX_SPEED)) {
                speed.set(Double.isNaN(v) ? DEFAULT_SPEED : Math.max(MIN_SPEED, Math.min(MAX_SPEED, v)));
            }
        });
        reset();
    }

    /** 16-bit ids, k = 4, alpha = 3, RPC timeout 1 s, latency 10..80 ms, 2,000 events of history. */
    public static SimConfig defaultConfig(long seed) {
        KadConfig kad = KadConfig.builder().bits(16).k(4).alpha(3).rpcTimeoutMs(1_000).build();
        return SimConfig.defaults().withSeed(seed).withKad(kad).withHistoryCapacity(2_000);
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<Simulation> simulationProperty() {
        return simulation.getReadOnlyProperty();
    }

    public Simulation simulation() {
        return sim;
    }

    public KeySpace keySpace() {
        return sim.keySpace();
    }

    public ReadOnlyObjectProperty<SimNode> selectedNodeProperty() {
        return selectedNode.getReadOnlyProperty();
    }

    public SimNode selectedNode() {
        return selectedNode.get();
    }

    public ReadOnlyObjectProperty<LookupSession> selectedLookupProperty() {
        return selectedLookup.getReadOnlyProperty();
    }

    public LookupSession selectedLookup() {
        return selectedLookup.get();
    }

    /** The target of the next find_node, as typed: hex ({@code 7f00}) or binary ({@code 0b0111...}). */
    public StringProperty targetTextProperty() {
        return targetText;
    }

    /** Why the last action could not run, or "" when it could. */
    public ReadOnlyStringProperty targetErrorProperty() {
        return targetError.getReadOnlyProperty();
    }

    /** The latest step in plain language. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Virtual milliseconds per real second, clamped to [MIN_SPEED, MAX_SPEED]. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** Goes up whenever what the views show changed. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The virtual time the views show, in ms (may trail the simulation by one step). */
    public ReadOnlyLongProperty displayTimeProperty() {
        return displayTime.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty nodeCountProperty() {
        return nodeCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty liveCountProperty() {
        return liveCount.getReadOnlyProperty();
    }

    /** The display clock with its fraction, for drawing pulses. */
    public double clock() {
        return clock;
    }

    /** Real nanoseconds accumulated by {@link #tick(long)}, for fades. */
    public long realNanos() {
        return realNanos;
    }

    /** The RPCs in flight or fading, oldest first (read-only). */
    public Collection<RpcPulse> pulses() {
        List<RpcPulse> all = new ArrayList<>(pulses.size() + fading.size());
        all.addAll(pulses.values());
        all.addAll(fading);
        return Collections.unmodifiableList(all);
    }

    /** Whether anything is moving on screen (pulses in flight or fading). */
    public boolean hasMotion() {
        return !pulses.isEmpty() || !fading.isEmpty();
    }

    /** How long one leg of an RPC is drawn to take, in virtual ms: the mean latency. */
    public double legMs() {
        return (config.latencyMinMs() + config.latencyMaxMs()) / 2.0;
    }

    /** Opacity of a pulse right now (fading after a timeout). */
    public double opacityOf(RpcPulse p) {
        return p.fade(realNanos, FADE_NANOS);
    }

    /** Events dropped because the inbox was full. */
    public long droppedEvents() {
        return inbox.dropped();
    }

    // ------------------------------------------------------------------ frame

    /**
     * Advances the display clock by {@code elapsedNanos} of real time (when playing), runs the
     * simulation steps now due within the per-frame budget, and releases their events.
     * Returns the number of simulation steps run.
     */
    public int tick(long elapsedNanos) {
        realNanos += Math.max(0, elapsedNanos);
        boolean changed = false;
        int steps = 0;
        if (playing.get()) {
            clock += speed.get() * Math.max(0, elapsedNanos) / 1e9;
            while (steps < EVENT_BUDGET_PER_FRAME && sim.isBusy() && sim.now() <= clock) {
                sim.step();
                steps++;
            }
            if (steps == EVENT_BUDGET_PER_FRAME) {
                clock = Math.min(clock, sim.now()); // over budget: the display waits for the simulation
            }
            changed = release(true);
            if (!sim.isBusy() && inbox.isEmpty()) {
                clock = sim.now(); // idle: the clock waits for work
            }
        }
        changed |= expireFades();
        displayTime.set((long) clock);
        if (changed) {
            bump();
        }
        return steps;
    }

    /** Pauses and runs exactly one simulation step (or shows the one already run but not yet shown). */
    public void stepOnce() {
        playing.set(false);
        targetError.set("");
        if (!inbox.isEmpty()) {
            long step = inbox.peek().step();
            while (!inbox.isEmpty() && inbox.peek().step() == step) {
                SimEvent e = inbox.poll().event();
                clock = Math.max(clock, e.time());
                apply(e);
            }
        } else if (sim.step()) {
            clock = sim.now();
            release(false);
        } else {
            caption.set("Nothing is queued: start a lookup first.");
        }
        displayTime.set((long) clock);
        bump();
    }

    public void togglePlay() {
        playing.set(!playing.get());
    }

    // ------------------------------------------------------------------ actions

    /** Selects {@code node} (null clears the selection). */
    public void select(SimNode node) {
        selectedNode.set(node);
        bump();
    }

    /** Selects the node with this id, if there is one. */
    public void select(NodeId id) {
        SimNode n = sim.node(id);
        if (n != null) {
            select(n);
        }
    }

    /** Adds {@code n} nodes that join one at a time, each through a random live node; returns false on bad input. */
    public boolean addNodes(int n) {
        targetError.set("");
        long cap = Math.min(MAX_NODES, sim.keySpace().bits() >= 31 ? Long.MAX_VALUE : 1L << sim.keySpace().bits());
        if (n < 1) {
            targetError.set("Add at least one node.");
            return false;
        }
        if (sim.nodes().size() + (long) n > cap) {
            targetError.set("This window holds at most " + cap + " nodes; " + sim.nodes().size() + " exist already.");
            return false;
        }
        settle(() -> {
            for (int i = 0; i < n; i++) {
                sim.addNode();
                sim.runUntilIdle();
            }
        });
        if (selectedNode.get() == null) {
            selectedNode.set(sim.nodes().get(0));
        }
        caption.set("Added " + n + (n == 1 ? " node; it" : " nodes; each") + " joined through a random live node, "
                + "looked up its own id and refreshed its buckets.");
        bump();
        return true;
    }

    /** Crashes the selected node: it stops answering and keeps its state. */
    public boolean killSelected() {
        targetError.set("");
        SimNode n = selectedNode.get();
        if (n == null) {
            targetError.set("Select a node first: click one on the ring.");
            return false;
        }
        if (!n.isAlive()) {
            targetError.set(hex(n.id()) + " is already down.");
            return false;
        }
        sim.kill(n);
        pulses.values().removeIf(p -> p.from().equals(n.id()));
        release(false);
        bump();
        return true;
    }

    /** Brings every crashed node back with the state it had. */
    public int reviveAll() {
        targetError.set("");
        int revived = 0;
        for (SimNode n : sim.nodes()) {
            if (!n.isAlive()) {
                sim.revive(n);
                revived++;
            }
        }
        release(false);
        caption.set(revived == 0 ? "Every node is already running."
                : "Revived " + revived + (revived == 1 ? " node" : " nodes") + ", each with the routing table it had.");
        bump();
        return revived;
    }

    /** Throws the network away and builds the starting one again. */
    public void reset() {
        sim = new Simulation(config);
        inbox = new EventInbox(INBOX_CAPACITY, () -> sim.stats().events());
        Simulation current = sim;
        sim.addListener(e -> onSimEvent(current, e));
        pulses.clear();
        fading.clear();
        selectedLookup.set(null);
        settle(() -> {
            for (int i = 0; i < initialNodes; i++) {
                sim.addNode();
                sim.runUntilIdle();
            }
        });
        simulation.set(sim);
        selectedNode.set(sim.nodes().isEmpty() ? null : sim.nodes().get(0));
        targetError.set("");
        caption.set(initialNodes + " nodes joined one at a time. Click a node, type a target id and press Find node.");
        bump();
    }

    /** Puts a random id of the key space in the target field. */
    public void randomTarget() {
        targetText.set(hex(sim.randomId()));
        targetError.set("");
    }

    /**
     * Starts find_node from the selected node to the typed target. Returns false, with a message in
     * {@link #targetErrorProperty()}, when no live node is selected or the text is not an id.
     */
    public boolean findNode() {
        targetError.set("");
        SimNode origin = selectedNode.get();
        if (origin == null) {
            targetError.set("Select a node first: click one on the ring.");
            return false;
        }
        if (!origin.isAlive()) {
            targetError.set(hex(origin.id()) + " is down: select a live node or revive it.");
            return false;
        }
        NodeId target;
        try {
            target = sim.keySpace().parse(targetText.get());
        } catch (IllegalArgumentException ex) {
            targetError.set(ex.getMessage());
            return false;
        }
        LookupSession session = new LookupSession(origin.id(), target, sim.now());
        Set<Lookup> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(sim.activeLookups());
        selectedLookup.set(session);
        starting = session;
        try {
            sim.findNode(origin, target);
        } catch (RuntimeException ex) {
            targetError.set(ex.getMessage());
            return false;
        } finally {
            starting = null;
        }
        List<Lookup> now = sim.activeLookups();
        for (int i = now.size() - 1; i >= 0; i--) {
            Lookup l = now.get(i);
            if (!before.contains(l) && l.origin().equals(origin.id()) && l.target().equals(target)) {
                session.attach(l);
                break;
            }
        }
        clock = Math.max(clock, sim.now());
        release(false);
        bump();
        return true;
    }

    // ------------------------------------------------------------------ internals

    private void onSimEvent(Simulation source, SimEvent e) {
        if (source != sim) {
            return;
        }
        if (starting != null && e instanceof SimEvent.LookupStarted s && s.purpose() == LookupPurpose.FIND_NODE
                && s.origin().equals(starting.origin()) && s.target().equals(starting.target())) {
            starting.started(s.lookup());
        }
        if (muted && !concernsSession(e)) {
            return;
        }
        inbox.onEvent(e);
    }

    private boolean concernsSession(SimEvent e) {
        LookupSession s = selectedLookup.get();
        if (s == null || s.simId() < 0) {
            return false;
        }
        return (e instanceof SimEvent.LookupFinished f && f.lookup() == s.simId())
                || (e instanceof SimEvent.LookupAbandoned a && a.lookup() == s.simId());
    }

    /** Runs {@code work} with the inbox muted (the views do not replay it), then shows the settled state. */
    private void settle(Runnable work) {
        muted = true;
        try {
            work.run();
        } finally {
            muted = false;
        }
        release(false);
        pulses.clear();
        fading.clear();
        clock = sim.now();
        displayTime.set(sim.now());
    }

    /** Applies queued events: those due by the display clock, or all of them. */
    private boolean release(boolean onlyDue) {
        boolean any = false;
        while (!inbox.isEmpty() && (!onlyDue || inbox.peek().event().time() <= clock)) {
            apply(inbox.poll().event());
            any = true;
        }
        return any;
    }

    private void apply(SimEvent e) {
        LookupSession s = selectedLookup.get();
        if (e instanceof SimEvent.RpcSent r) {
            if (pulses.size() >= MAX_PULSES) {
                Iterator<Long> it = pulses.keySet().iterator();
                it.next();
                it.remove();
            }
            boolean ours = s != null && !s.isOver() && r.type() == SimEvent.RpcType.FIND_NODE && r.from().equals(s.origin());
            pulses.put(r.rpc(), new RpcPulse(r.rpc(), r.from(), r.to(), r.type(), r.time(), ours));
        } else if (e instanceof SimEvent.RpcDelivered d) {
            RpcPulse p = pulses.get(d.rpc());
            if (p != null) {
                p.delivered(d.time());
            }
        } else if (e instanceof SimEvent.RpcAnswered a) {
            pulses.remove(a.rpc());
        } else if (e instanceof SimEvent.RpcTimedOut t) {
            RpcPulse p = pulses.remove(t.rpc());
            if (p != null && fading.size() < MAX_PULSES) {
                p.timedOut(realNanos);
                fading.add(p);
            }
        } else if (e instanceof SimEvent.NodeKilled k) {
            pulses.values().removeIf(p -> p.from().equals(k.node()));
        } else if (e instanceof SimEvent.LookupFinished f && s != null && f.lookup() == s.simId()) {
            s.finish(f);
        } else if (e instanceof SimEvent.LookupAbandoned a && s != null && a.lookup() == s.simId()) {
            s.abandon();
        }
        SimNode sel = selectedNode.get();
        if (e instanceof SimEvent.BucketChanged b && (sel == null || !b.node().equals(sel.id()))) {
            return; // table changes of other nodes would drown the lookup's story
        }
        String c = Captions.describe(e, s, sim.keySpace());
        if (c != null) {
            caption.set(c);
        }
    }

    private boolean expireFades() {
        boolean removed = fading.removeIf(p -> p.fade(realNanos, FADE_NANOS) <= 0);
        return removed || !fading.isEmpty();
    }

    private void bump() {
        nodeCount.set(sim.nodes().size());
        liveCount.set(sim.liveCount());
        revision.set(revision.get() + 1);
    }

    private String hex(NodeId id) {
        return sim.keySpace().hex(id);
    }
}
