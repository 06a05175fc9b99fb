package org.kadlab.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
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
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.OperationRecord;
import org.kadlab.sim.SimConfig;
import org.kadlab.sim.SimEvent;
import org.kadlab.sim.SimNode;
import org.kadlab.sim.Simulation;
import org.kadlab.sim.scenario.Scenario;
import org.kadlab.sim.scenario.ScenarioException;
import org.kadlab.sim.scenario.ScenarioReader;
import org.kadlab.sim.scenario.ScenarioRunner;

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
 *   <li>New settings, presets and loaded scenarios build the next network on a background thread;
 *       {@link #tick(long)} polls it (progress included) and swaps it in when done. The old network
 *       runs on meanwhile; nothing is posted to the FX thread.</li>
 *   <li>Cheap versions ({@link #tableVersion()}, {@link #membershipVersion()},
 *       {@link LookupSession#version()}) tell the panels whether their content changed.</li>
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
    /** Most simulation steps one "step round" runs. */
    public static final int MAX_ROUND_STEPS = 20_000;
    /** Longest key and value text accepted. */
    public static final int MAX_KEY_CHARS = 200;
    public static final int MAX_VALUE_CHARS = 1_000;
    /** Most user steps remembered for the saved scenario. */
    public static final int MAX_RECORDED_STEPS = 5_000;
    /** Most user lookups (find_node, find_value, store) remembered for the inspector's list. */
    public static final int MAX_RECENT_LOOKUPS = 50;
    /** Most operation records the simulation keeps (for the report). */
    public static final int MAX_OPERATIONS = 2_000;
    private static final int INBOX_CAPACITY = 20_000;
    private static final long FADE_NANOS = 900_000_000L;

    private SimConfig config;
    private int initialNodes;
    private final ArrayDeque<String> recorded = new ArrayDeque<>();
    private long tableVersion;
    private long membershipVersion;
    private Build build;
    private ExecutorService builder;
    private Simulation sim;
    private EventInbox inbox;
    private boolean muted;
    private LookupSession starting;
    private final javafx.collections.ObservableList<LookupSession> recentLookups = javafx.collections.FXCollections.observableArrayList();
    private final javafx.collections.ObservableList<LookupSession> recentLookupsView =
            javafx.collections.FXCollections.unmodifiableObservableList(recentLookups);
    private final java.util.Map<Long, LookupSession> sessionsBySimId = new java.util.HashMap<>();

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
    private final StringProperty keyText = new SimpleStringProperty(this, "keyText", "");
    private final StringProperty valueText = new SimpleStringProperty(this, "valueText", "");
    private final ReadOnlyStringWrapper operationResult = new ReadOnlyStringWrapper(this, "operationResult", "");
    private final ReadOnlyObjectWrapper<NetworkSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ReadOnlyStringWrapper settingsError = new ReadOnlyStringWrapper(this, "settingsError", "");
    private final ReadOnlyBooleanWrapper building = new ReadOnlyBooleanWrapper(this, "building");
    private final ReadOnlyDoubleWrapper buildProgress = new ReadOnlyDoubleWrapper(this, "buildProgress");

    private double clock;
    private long realNanos;
    /** While {@link #stepOnce()} runs: the captions of that one step, told together. */
    private List<String> stepCaptions;
    private String stepResult;
    private static final int MAX_STEP_CAPTIONS = 3;
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
        settings.set(NetworkSettings.of(config, nodes));
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
        KadConfig kad = KadConfig.builder().bits(16).k(4).alpha(3).rpcTimeoutMs(NetworkSettings.RPC_TIMEOUT_MS).build();
        return SimConfig.defaults().withSeed(seed).withKad(kad).withHistoryCapacity(NetworkSettings.HISTORY);
    }

    /** The key of the next find_value or store, as typed (any text up to {@link #MAX_KEY_CHARS}). */
    public StringProperty keyTextProperty() {
        return keyText;
    }

    /** The value of the next store, as typed. */
    public StringProperty valueTextProperty() {
        return valueText;
    }

    /** The result of the latest find_value or store in one sentence, or "" while none ended. */
    public ReadOnlyStringProperty operationResultProperty() {
        return operationResult.getReadOnlyProperty();
    }

    /** The settings the current network was built from. */
    public ReadOnlyObjectProperty<NetworkSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** Why the last settings could not be applied (naming the field), or "". */
    public ReadOnlyStringProperty settingsErrorProperty() {
        return settingsError.getReadOnlyProperty();
    }

    /** Whether a network is being built in the background. */
    public ReadOnlyBooleanProperty buildingProperty() {
        return building.getReadOnlyProperty();
    }

    /** How far the background build is, 0..1, or -1 when unknown (a scenario runs). */
    public ReadOnlyDoubleProperty buildProgressProperty() {
        return buildProgress.getReadOnlyProperty();
    }

    /** Goes up whenever the selected node's routing table changed (BucketChanged of that node). */
    public long tableVersion() {
        return tableVersion;
    }

    /** Goes up whenever a node was added, killed or revived anywhere. */
    public long membershipVersion() {
        return membershipVersion;
    }

    /** The steps that rebuild this network (for the saved scenario), oldest first. */
    public List<String> recordedSteps() {
        return List.copyOf(recorded);
    }

    /** The scenario (YAML) that rebuilds this network from its seed. */
    public String scenarioText() {
        return ScenarioText.write(settings.get(), recordedSteps());
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

    /** The user's recent lookups (find_node, find_value, store) on this network, newest first, at most {@link #MAX_RECENT_LOOKUPS}. */
    public javafx.collections.ObservableList<LookupSession> recentLookups() {
        return recentLookupsView;
    }

    /**
     * Makes {@code session} (one of {@link #recentLookups()}, or null) the inspected lookup: the ring,
     * the inspector, the graph and Step round all follow it. Returns false for a session not in the list.
     */
    public boolean selectLookup(LookupSession session) {
        if (session != null && !recentLookups.contains(session)) {
            return false;
        }
        if (session == selectedLookup.get()) {
            return true;
        }
        selectedLookup.set(session);
        String text = session == null ? null : session.result(sim.keySpace());
        operationResult.set(text == null ? "" : text);
        if (session != null) {
            caption.set("Inspecting " + session.label(sim.keySpace()) + ".");
        }
        bump();
        return true;
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
        boolean changed = pollBuild();
        int steps = 0;
        if (playing.get()) {
            boolean flatOut = isFlatOut();
            clock += flatOut ? Double.POSITIVE_INFINITY : speed.get() * Math.max(0, elapsedNanos) / 1e9;
            while (steps < EVENT_BUDGET_PER_FRAME && sim.isBusy() && sim.now() <= clock) {
                sim.step();
                steps++;
            }
            if (steps == EVENT_BUDGET_PER_FRAME || flatOut) {
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
        stepCaptions = new ArrayList<>(); // one step can answer one query and send the next: say both
        try {
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
        } finally {
            List<String> said = stepCaptions;
            stepCaptions = null;
            String result = stepResult;
            stepResult = null;
            if (result != null) {
                // the end of the lookup leads; what else this step did follows
                caption.set(said.isEmpty() ? result : result + " This step: " + String.join(" Then ", said));
            } else if (!said.isEmpty()) {
                caption.set(String.join(" Then ", said));
            }
        }
        displayTime.set((long) clock);
        bump();
    }

    /** Whether the speed is at its top, "max": every frame runs its whole budget of steps, whatever the virtual time. */
    public boolean isFlatOut() {
        return speed.get() >= MAX_SPEED;
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
        record(ScenarioText.add(n));
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
        record(ScenarioText.killNode(hex(n.id())));
        pulses.values().removeIf(p -> p.from().equals(n.id()));
        release(false);
        bump();
        return true;
    }

    /**
     * Crashes {@code round(percent / 100 x live)} live nodes chosen with the simulation's own random
     * source (so a saved scenario replays the same choice), but never the last live node. Records
     * {@code - kill: "30%"} (or the count, when the last node was spared). Returns how many were
     * killed, or -1 (with a message) for a percentage outside 0..100.
     */
    public int killPercent(int percent) {
        targetError.set("");
        if (percent < 0 || percent > 100) {
            targetError.set("Kill between 0% and 100% of the live nodes, not " + percent + "%.");
            return -1;
        }
        int live = sim.liveCount();
        int wanted = (int) Math.round(percent / 100.0 * live);
        int count = Math.max(0, Math.min(wanted, live - 1));
        for (int i = 0; i < count; i++) {
            SimNode n = sim.randomLive();
            sim.kill(n);
            pulses.values().removeIf(p -> p.from().equals(n.id()));
        }
        if (count > 0) {
            record(count == wanted ? ScenarioText.killPercent(percent) : ScenarioText.kill(count));
        }
        release(false);
        caption.set(count == 0
                ? (live <= 1 ? "Only one node is live: it is spared." : percent + "% of " + live + " live nodes rounds to none.")
                : "Crashed " + count + " of " + live + " live nodes at random" + (count < wanted ? " (the last one is spared)" : "")
                        + "; they stop answering and keep their state.");
        bump();
        return count;
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
        if (revived > 0) {
            record(ScenarioText.reviveAll());
        }
        caption.set(revived == 0 ? "Every node is already running."
                : "Revived " + revived + (revived == 1 ? " node" : " nodes") + ", each with the routing table it had.");
        bump();
        return revived;
    }

    /** Throws the network away and builds the starting one again (on this thread). */
    public void reset() {
        cancelBuild();
        install(build(config, initialNodes, new AtomicInteger(), new AtomicBoolean()), config, initialNodes,
                List.of(ScenarioText.add(initialNodes)));
        caption.set(initialNodes + " nodes joined one at a time. Click a node, type a target id and press Find node.");
    }

    /** Builds the starting network again in the background (what the Reset button does). */
    public void resetInBackground() {
        applySettings(settings.get(), true);
    }

    /**
     * Builds a network from {@code s} (from the same seed, so the same settings give the same
     * network) and swaps it in: at once, or in the background when {@code background}. Bad
     * settings leave the network as it is and set {@link #settingsErrorProperty()}. Returns whether
     * the build started.
     */
    public boolean applySettings(NetworkSettings s, boolean background) {
        settingsError.set("");
        SimConfig next;
        try {
            next = s.toSimConfig();
        } catch (IllegalArgumentException e) {
            settingsError.set(e.getMessage());
            return false;
        }
        int nodes = s.nodes();
        startBuild(background, "Built " + nodes + " nodes (" + s.bits() + "-bit ids, k = " + s.k() + ", alpha = " + s.alpha()
                + ", " + s.mode().name().toLowerCase(java.util.Locale.ROOT) + "); each joined one at a time.",
                (progress, cancelled) -> new Built(build(next, nodes, progress, cancelled), next, nodes,
                        List.of(ScenarioText.add(nodes))), nodes);
        return true;
    }

    /** Reads the settings fields' texts (see {@link NetworkSettings#FIELDS}) and applies them. */
    public boolean applySettings(java.util.Map<String, String> fields, boolean background) {
        settingsError.set("");
        NetworkSettings s;
        try {
            s = NetworkSettings.parse(fields);
        } catch (IllegalArgumentException e) {
            settingsError.set(e.getMessage());
            return false;
        }
        return applySettings(s, background);
    }

    /** Builds the network of a preset. */
    public boolean applyPreset(Preset p, boolean background) {
        return applySettings(p.settings(), background);
    }

    /**
     * Reads the scenario at {@code path} and runs it on a fresh network (in the background when
     * {@code background}), then swaps that network in. A bad file sets {@link #settingsErrorProperty()}
     * with its file:line: field message.
     */
    public boolean loadScenario(Path path, boolean background) {
        settingsError.set("");
        Scenario sc;
        try {
            sc = ScenarioReader.read(path);
        } catch (ScenarioException e) {
            settingsError.set(e.getMessage());
            return false;
        }
        SimConfig next = sc.config().withHistoryCapacity(NetworkSettings.HISTORY);
        int added = 0;
        for (Scenario.Step st : sc.steps()) {
            if (st instanceof Scenario.Add a) {
                added += a.count();
            }
        }
        if (added > MAX_NODES) {
            settingsError.set(path.getFileName() + ": add: this window holds at most " + MAX_NODES + " nodes, the scenario adds " + added);
            return false;
        }
        List<String> steps;
        try {
            steps = scenarioSteps(java.nio.file.Files.readString(path));
        } catch (IOException e) {
            settingsError.set(path.getFileName() + ": cannot read: " + e.getMessage());
            return false;
        }
        startBuild(background, "Ran " + path.getFileName() + ": " + sc.steps().size() + " steps.", (progress, cancelled) -> {
            Simulation s = new Simulation(next);
            s.setOperationLimit(MAX_OPERATIONS);
            new ScenarioRunner(sc, s).run();
            return new Built(s, next, s.nodes().size(), steps);
        }, -1);
        return true;
    }

    /** Waits (at most {@code ms}) for a background build and swaps it in; for tests and shutdown. */
    public boolean awaitBuild(long ms) {
        Build b = build;
        if (b == null) {
            return true;
        }
        try {
            b.future.get(ms, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            // reported by pollBuild
        }
        pollBuild();
        return true;
    }

    /** Stops a background build, if one runs, and its thread. */
    public void shutdown() {
        cancelBuild();
        if (builder != null) {
            builder.shutdownNow();
            builder = null;
        }
    }

    /**
     * Stores the typed value under the typed key from the selected node; the acks are shown when
     * it ends. Returns false, with a message in {@link #targetErrorProperty()}, on bad input.
     */
    public boolean store() {
        targetError.set("");
        String key = checkedKey();
        if (key == null) {
            return false;
        }
        String value = valueText.get() == null ? "" : valueText.get();
        if (value.isEmpty()) {
            targetError.set("Type a value to store under " + ScenarioText.quote(key) + ".");
            return false;
        }
        if (value.length() > MAX_VALUE_CHARS || hasControl(value)) {
            targetError.set("value: at most " + MAX_VALUE_CHARS + " characters on one line.");
            return false;
        }
        SimNode origin = liveOrigin();
        if (origin == null) {
            return false;
        }
        LookupSession session = new LookupSession(LookupPurpose.STORE, origin.id(), sim.keySpace().keyId(key), sim.now(), key, value);
        boolean ok = startOperation(session, () -> sim.store(origin, key, value).future());
        if (ok) {
            record(ScenarioText.store(key, value, hex(origin.id())));
        }
        return ok;
    }

    /**
     * Runs find_value for the typed key from the selected node; whether it was found, the value and
     * where are shown when it ends. Returns false, with a message, on bad input.
     */
    public boolean findValue() {
        targetError.set("");
        String key = checkedKey();
        if (key == null) {
            return false;
        }
        SimNode origin = liveOrigin();
        if (origin == null) {
            return false;
        }
        LookupSession session = new LookupSession(LookupPurpose.FIND_VALUE, origin.id(), sim.keySpace().keyId(key), sim.now(), key, null);
        boolean ok = startOperation(session, () -> sim.findValue(origin, key).future());
        if (ok) {
            record(ScenarioText.findValue(key, hex(origin.id())));
        }
        return ok;
    }

    /**
     * Pauses and advances the simulation until the inspected lookup's next round completes: in
     * rounds mode until its round number moves on, in sliding mode until alpha more answers or
     * timeouts arrived; either way at most {@link #MAX_ROUND_STEPS} steps, or until it ends.
     * Returns the number of steps run, or -1 (with a message) when no lookup runs.
     */
    public int stepRound() {
        playing.set(false);
        targetError.set("");
        LookupSession s = selectedLookup.get();
        Lookup l = s == null ? null : s.lookup();
        if (l == null || s.isOver() || l.isFinished()) {
            targetError.set("No lookup is running: start one (Find node, Find value or Store) first.");
            return -1;
        }
        boolean rounds = l.mode() == LookupMode.ROUNDS;
        int startRound = l.round();
        int startResolved = resolved(l);
        int steps = 0;
        while (steps < MAX_ROUND_STEPS && !l.isFinished() && sim.isBusy()) {
            if (rounds ? l.round() > startRound : resolved(l) >= startResolved + l.alpha()) {
                break;
            }
            sim.step();
            steps++;
        }
        clock = Math.max(clock, sim.now());
        release(false);
        displayTime.set((long) clock);
        if (s.isOver() || l.isFinished()) {
            // the caption of the lookup's end, set by release, says it
        } else if (rounds) {
            caption.set("Round " + startRound + " done after " + steps + " steps: round " + l.round() + " begins with "
                    + l.inFlight() + " queries in flight.");
        } else {
            caption.set((resolved(l) - startResolved) + " more answers or timeouts after " + steps + " steps; "
                    + l.inFlight() + " queries in flight.");
        }
        bump();
        return steps;
    }

    /** Shows {@code message} as the inline error (for actions outside the view model, such as exports). */
    public void showError(String message) {
        targetError.set(message == null ? "" : message);
    }

    /** Shows {@code text} as the caption and clears the inline error. */
    public void showCaption(String text) {
        targetError.set("");
        caption.set(text);
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
        boolean ok = startOperation(session, () -> sim.findNode(origin, target).future());
        if (ok) {
            record(ScenarioText.lookup(hex(origin.id()), hex(target)));
        }
        return ok;
    }

    /** Starts an operation and makes it the inspected one; its result is shown when it completes. */
    private boolean startOperation(LookupSession session, java.util.function.Supplier<CompletableFuture<OperationRecord>> run) {
        NodeId origin = session.origin();
        NodeId target = session.target();
        Set<Lookup> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(sim.activeLookups());
        LookupSession previous = selectedLookup.get();
        selectedLookup.set(session);
        starting = session;
        CompletableFuture<OperationRecord> f;
        try {
            f = run.get();
        } catch (RuntimeException ex) {
            selectedLookup.set(previous);
            targetError.set(ex.getMessage());
            return false;
        } finally {
            starting = null;
        }
        remember(session);
        List<Lookup> now = sim.activeLookups();
        for (int i = now.size() - 1; i >= 0; i--) {
            Lookup l = now.get(i);
            if (!before.contains(l) && l.origin().equals(origin) && l.target().equals(target)) {
                session.attach(l);
                break;
            }
        }
        Simulation owner = sim;
        // completes inside sim.step(), on the thread that runs the simulation: once per operation
        f.whenComplete((rec, ex) -> {
            session.completed(rec, ex);
            String text = session.result(owner.keySpace());
            if (text != null && owner == sim) {
                if (session == selectedLookup.get()) {
                    operationResult.set(text);
                }
                caption.set(text);
            }
        });
        if (session.purpose() != LookupPurpose.FIND_NODE) {
            operationResult.set("");
        }
        clock = Math.max(clock, sim.now());
        release(false);
        bump();
        return true;
    }

    private void remember(LookupSession session) {
        recentLookups.add(0, session);
        while (recentLookups.size() > MAX_RECENT_LOOKUPS) {
            LookupSession old = recentLookups.remove(recentLookups.size() - 1);
            sessionsBySimId.remove(old.simId(), old);
        }
        if (session.simId() >= 0) {
            sessionsBySimId.put(session.simId(), session);
        }
    }

    private String checkedKey() {
        String key = keyText.get() == null ? "" : keyText.get().strip();
        if (key.isEmpty()) {
            targetError.set("Type a key first: any text, such as greeting.");
            return null;
        }
        if (key.length() > MAX_KEY_CHARS || hasControl(key)) {
            targetError.set("key: at most " + MAX_KEY_CHARS + " characters on one line.");
            return null;
        }
        return key;
    }

    private SimNode liveOrigin() {
        SimNode origin = selectedNode.get();
        if (origin == null) {
            targetError.set("Select a node first: click one on the ring.");
            return null;
        }
        if (!origin.isAlive()) {
            targetError.set(hex(origin.id()) + " is down: select a live node or revive it.");
            return null;
        }
        return origin;
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int resolved(Lookup l) {
        int n = 0;
        for (Lookup.Candidate c : l.candidates()) {
            Lookup.CandidateState st = c.state();
            if (st == Lookup.CandidateState.SUCCEEDED || st == Lookup.CandidateState.FAILED
                    || st == Lookup.CandidateState.UNRESPONSIVE) {
                n++;
            }
        }
        return n;
    }

    private void record(String step) {
        if (step.startsWith("- add: ") && !recorded.isEmpty() && recorded.peekLast().startsWith("- add: ")) {
            int before = Integer.parseInt(recorded.pollLast().substring("- add: ".length()));
            int more = Integer.parseInt(step.substring("- add: ".length()));
            step = ScenarioText.add(before + more);
        }
        if (recorded.size() >= MAX_RECORDED_STEPS) {
            recorded.pollFirst();
        }
        recorded.addLast(step);
    }

    /** The step lines of a scenario file, as written (comments and blank lines dropped). */
    static List<String> scenarioSteps(String text) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (line.startsWith("steps:")) {
                in = true;
                continue;
            }
            if (in && t.startsWith("- ") && out.size() < MAX_RECORDED_STEPS) {
                int hash = t.indexOf(" #");
                out.add(hash > 0 && t.lastIndexOf('"') < hash ? t.substring(0, hash).strip() : t);
            } else if (in && !t.isEmpty() && !t.startsWith("#") && !line.startsWith(" ")) {
                in = false;
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ building networks

    /** Builds a network of {@code nodes} nodes that join one at a time, reporting progress; stops when cancelled. */
    static Simulation build(SimConfig config, int nodes, AtomicInteger progress, AtomicBoolean cancelled) {
        Simulation s = new Simulation(config);
        s.setOperationLimit(MAX_OPERATIONS);
        for (int i = 0; i < nodes && !cancelled.get(); i++) {
            s.addNode();
            s.runUntilIdle();
            progress.set(i + 1);
        }
        return s;
    }

    private record Built(Simulation sim, SimConfig config, int nodes, List<String> steps) {
    }

    private interface BuildJob {
        Built run(AtomicInteger progress, AtomicBoolean cancelled) throws Exception;
    }

    private record Build(Future<Built> future, AtomicInteger progress, AtomicBoolean cancelled, int total, String done) {
    }

    private void startBuild(boolean background, String done, BuildJob job, int total) {
        cancelBuild();
        AtomicInteger progress = new AtomicInteger();
        AtomicBoolean cancelled = new AtomicBoolean();
        if (!background) {
            try {
                Built b = job.run(progress, cancelled);
                install(b.sim(), b.config(), b.nodes(), b.steps());
                caption.set(done);
            } catch (Exception e) {
                settingsError.set(e.getMessage());
            }
            return;
        }
        if (builder == null) {
            builder = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "kadlab-network-builder");
                t.setDaemon(true);
                return t;
            });
        }
        build = new Build(builder.submit(() -> job.run(progress, cancelled)), progress, cancelled, total, done);
        building.set(true);
        buildProgress.set(total > 0 ? 0 : -1);
        caption.set("Building the network in the background\u2026 the old one runs on until it is ready.");
    }

    private void cancelBuild() {
        if (build != null) {
            build.cancelled().set(true);
            build.future().cancel(false);
            build = null;
            building.set(false);
        }
    }

    /** Swaps in a finished background build, or publishes its progress; returns whether the views must redraw. */
    private boolean pollBuild() {
        Build b = build;
        if (b == null) {
            return false;
        }
        if (!b.future().isDone()) {
            if (b.total() > 0) {
                buildProgress.set(b.progress().get() / (double) b.total());
            }
            return false;
        }
        build = null;
        building.set(false);
        buildProgress.set(1);
        try {
            Built built = b.future().get();
            install(built.sim(), built.config(), built.nodes(), built.steps());
            caption.set(b.done());
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            settingsError.set(c.getMessage() == null ? c.toString() : c.getMessage());
        } catch (InterruptedException | java.util.concurrent.CancellationException e) {
            return false;
        }
        return true;
    }

    /** Makes {@code next} the window's network (it is settled: no events of its building are replayed). */
    private void install(Simulation next, SimConfig cfg, int nodes, List<String> steps) {
        // clear the old network's selection first: views refreshed from these listeners must never
        // see a node or lookup of the old network together with the new one
        selectedLookup.set(null);
        selectedNode.set(null);
        sim = next;
        config = cfg;
        initialNodes = nodes;
        settings.set(NetworkSettings.of(cfg, nodes));
        settingsError.set("");
        inbox = new EventInbox(INBOX_CAPACITY, () -> next.stats().events());
        next.addListener(e -> onSimEvent(next, e));
        pulses.clear();
        fading.clear();
        selectedLookup.set(null);
        recentLookups.clear();
        sessionsBySimId.clear();
        operationResult.set("");
        recorded.clear();
        for (String st : steps) {
            record(st);
        }
        settle(next::runUntilIdle);
        simulation.set(next);
        selectedNode.set(next.nodes().isEmpty() ? null : next.nodes().get(0));
        targetError.set("");
        if (!fits(next, targetText.get())) {
            targetText.set(""); // a target typed for ids of another width means nothing here
        }
        membershipVersion++;
        tableVersion++;
        bump();
    }

    // ------------------------------------------------------------------ internals

    private static boolean fits(Simulation sim, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        try {
            sim.keySpace().parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void onSimEvent(Simulation source, SimEvent e) {
        if (source != sim) {
            return;
        }
        if (starting != null && e instanceof SimEvent.LookupStarted s && s.purpose() == starting.purpose()
                && s.origin().equals(starting.origin()) && s.target().equals(starting.target())) {
            starting.started(s.lookup());
        }
        if (e instanceof SimEvent.BucketChanged b) {
            SimNode sel = selectedNode.get();
            if (sel != null && b.node().equals(sel.id())) {
                tableVersion++;
            }
        } else if (e instanceof SimEvent.NodeKilled || e instanceof SimEvent.NodeRevived || e instanceof SimEvent.NodeAdded) {
            membershipVersion++;
        } else if (e instanceof SimEvent.LookupProgressed p) {
            LookupSession session = sessionsBySimId.get(p.lookup());
            if (session != null) {
                session.progressed();
            }
        } else if (e instanceof SimEvent.RpcAnswered a && a.type() == SimEvent.RpcType.FIND_VALUE && "value".equals(a.answer())) {
            for (LookupSession session : recentLookups) {
                if (session.purpose() == LookupPurpose.FIND_VALUE && a.from().equals(session.origin()) && !session.isOver()) {
                    session.valueFrom(a.to());
                }
            }
        }
        if (muted && !concernsSession(e)) {
            return;
        }
        inbox.onEvent(e);
    }

    private boolean concernsSession(SimEvent e) {
        return (e instanceof SimEvent.LookupFinished f && sessionsBySimId.containsKey(f.lookup()))
                || (e instanceof SimEvent.LookupAbandoned a && sessionsBySimId.containsKey(a.lookup()));
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
            boolean ours = s != null && !s.isOver() && s.carries(r.type()) && r.from().equals(s.origin());
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
        } else if (e instanceof SimEvent.LookupFinished f && sessionsBySimId.containsKey(f.lookup())) {
            sessionsBySimId.get(f.lookup()).finish(f);
        } else if (e instanceof SimEvent.LookupAbandoned a && sessionsBySimId.containsKey(a.lookup())) {
            sessionsBySimId.get(a.lookup()).abandon();
        }
        SimNode sel = selectedNode.get();
        if (e instanceof SimEvent.BucketChanged && playing.get() && s != null) {
            return; // while playing with a lookup inspected, the caption tells its steps and result; the bucket panel shows the table
        }
        String c = Captions.describe(e, s, sel == null ? null : sel.id(), sim.keySpace());
        if (c != null) {
            if (stepCaptions == null) {
                caption.set(c);
            } else if (e instanceof SimEvent.LookupFinished) {
                stepResult = c;
            } else if (!stepCaptions.contains(c) && stepCaptions.size() < MAX_STEP_CAPTIONS) {
                stepCaptions.add(c);
            }
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
