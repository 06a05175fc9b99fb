package org.kadlab.ui.model;

import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KeySpace;
import org.kadlab.sim.SimConfig;
import org.kadlab.sim.Simulation;
import org.kadlab.sim.scenario.Scenario;

/**
 * The state behind the KadLab window, testable without a Stage: the {@link NetworkModel} the views
 * read, and the parts that act on it, each with one job.
 *
 * <ul>
 *   <li>{@link #playback()}: the display clock, play / pause / step.</li>
 *   <li>{@link #selection()}: the selected node, the inspected lookup, the recent lookups.</li>
 *   <li>{@link #operations()}: find_node, store, find_value from the selected node.</li>
 *   <li>{@link #commands()}: add, kill, revive.</li>
 *   <li>{@link #builder()}: new networks from settings, presets and scenarios, in the background.</li>
 *   <li>{@link #recorder()}: the steps that rebuild the network, for the saved scenario.</li>
 *   <li>{@link #status()}: the caption and the inline errors.</li>
 *   <li>{@link #rpcs()}: the RPC pulses on screen.</li>
 *   <li>{@link #events()}: the one inbox every view reads events from, released by the display clock.</li>
 *   <li>{@link #timeline()}: the judged operations and the markers of kills, revivals and churn over virtual time.</li>
 *   <li>{@link #churn()}: churn and a background workload, started and stopped, playing out as time runs.</li>
 * </ul>
 *
 * Cheap versions ({@link #revisionProperty()}, {@link #tableVersion()}, {@link #membershipVersion()},
 * {@link LookupSession#version()}) tell the views whether their content changed.
 */
public final class NetworkViewModel {
    /** Nodes in the default network. */
    public static final int DEFAULT_NODES = 32;
    private static final int INBOX_CAPACITY = 20_000;

    private final StatusLine status = new StatusLine();
    private final RpcPulses rpcs = new RpcPulses();
    private final EventInbox inbox = new EventInbox(INBOX_CAPACITY);
    private final EventRouter router = new EventRouter(this);
    private final Selection selection = new Selection(this);
    private final Operations operations = new Operations(this);
    private final NetworkCommands commands = new NetworkCommands(this);
    private final ScenarioRecorder recorder = new ScenarioRecorder(this);
    private final Playback playback = new Playback(this);
    private final NodeAdder adder = new NodeAdder(this);
    private final TimeRunner timeRunner = new TimeRunner(this);
    private final LookupBatch lookupBatch = new LookupBatch(this);
    private final OutcomeTimeline timeline = new OutcomeTimeline();
    private final ChurnControl churn = new ChurnControl(this);
    private final NetworkExports exports = new NetworkExports(this);
    private final Rewind rewind = new Rewind(this);
    private final WhatIf whatIf = new WhatIf(this);
    private final ComparisonRun comparison = new ComparisonRun(this);
    private final NetworkBuilder builder;
    private final ReadOnlyObjectWrapper<NetworkModel> network = new ReadOnlyObjectWrapper<>(this, "network");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyIntegerWrapper nodeCount = new ReadOnlyIntegerWrapper(this, "nodeCount");
    private final ReadOnlyIntegerWrapper liveCount = new ReadOnlyIntegerWrapper(this, "liveCount");
    private final BucketFocus bucketFocus = new BucketFocus(this);
    private final LiveMode live = new LiveMode(this);
    private Simulation sim;
    private SimulationNetwork simNetwork;
    private NetworkModel liveNetwork;
    private long tableVersion;
    private long membershipVersion;

    /** The default network: 32 nodes, 16-bit ids, k = 4, alpha = 3, seed 1, already joined. */
    public NetworkViewModel() {
        this(defaultConfig(1), DEFAULT_NODES);
    }

    /** A network of {@code nodes} nodes built with {@code config}, joined one at a time until idle. */
    public NetworkViewModel(SimConfig config, int nodes) {
        builder = new NetworkBuilder(this, config, nodes);
        builder.reset();
    }

    /** 16-bit ids, k = 4, alpha = 3, RPC timeout 1 s (peer timeout 200 ms), latency 10..80 ms, 2,000 events of history. */
    public static SimConfig defaultConfig(long seed) {
        KadConfig kad = KadConfig.builder().bits(16).k(4).alpha(3).rpcTimeoutMs(NetworkSettings.RPC_TIMEOUT_MS)
                .peerTimeoutMs(NetworkSettings.PEER_TIMEOUT_MS).failureBackoffMs(NetworkSettings.FAILURE_BACKOFF_MS).build();
        return SimConfig.defaults().withSeed(seed).withKad(kad).withHistoryCapacity(NetworkSettings.HISTORY);
    }

    public Playback playback() {
        return playback;
    }

    public Selection selection() {
        return selection;
    }

    public Operations operations() {
        return operations;
    }

    public NetworkCommands commands() {
        return commands;
    }

    public NetworkBuilder builder() {
        return builder;
    }

    public ScenarioRecorder recorder() {
        return recorder;
    }

    public StatusLine status() {
        return status;
    }

    public NetworkExports exports() {
        return exports;
    }

    public RpcPulses rpcs() {
        return rpcs;
    }

    /** The one inbox: views take a {@link EventInbox#reader()} and drain it when they redraw. */
    public EventInbox events() {
        return inbox;
    }

    /** How well the network answered over virtual time, and where it was changed on purpose. */
    public OutcomeTimeline timeline() {
        return timeline;
    }

    /** The session's timeline: rewind to any earlier step, step back, play the recorded future on. */
    public Rewind rewind() {
        return rewind;
    }

    /** The inspected find_node run again with one change, side by side with the run as it was. */
    public WhatIf whatIf() {
        return whatIf;
    }

    /** Churn and a background workload on this network. */
    public ChurnControl churn() {
        return churn;
    }

    /** Configurations compared on networks of their own, in the background; the last result. */
    public ComparisonRun comparison() {
        return comparison;
    }

    /** The selected bucket of the selected node (the trie, the bucket panel and the rings show it). */
    public BucketFocus bucketFocus() {
        return bucketFocus;
    }

    /** The window attached to a live network of real nodes: connect, disconnect, its queries. */
    public LiveMode live() {
        return live;
    }

    LookupBatch lookupBatch() {
        return lookupBatch;
    }

    NodeAdder adder() {
        return adder;
    }

    TimeRunner timeRunner() {
        return timeRunner;
    }

    EventRouter router() {
        return router;
    }

    /** The network as the views see it; replaced (a new value) when a new network is swapped in. */
    public ReadOnlyObjectProperty<NetworkModel> networkProperty() {
        return network.getReadOnlyProperty();
    }

    /** The network as the views see it now. */
    public NetworkModel network() {
        return liveNetwork != null ? liveNetwork : simNetwork;
    }

    /** The simulation behind the network (for view models, exports and tests; never for views). */
    public Simulation simulation() {
        return sim;
    }

    public KeySpace keySpace() {
        return network().keySpace();
    }

    /** Goes up whenever what the views show changed. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty nodeCountProperty() {
        return nodeCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty liveCountProperty() {
        return liveCount.getReadOnlyProperty();
    }

    /** Goes up whenever the selected node's routing table changed (BucketChanged of that node). */
    public long tableVersion() {
        return tableVersion;
    }

    /** Goes up whenever a node was added, killed or revived anywhere. */
    public long membershipVersion() {
        return membershipVersion;
    }

    /** Stops a background build, if one runs, and its thread. */
    public void shutdown() {
        live.shutdown();
        builder.shutdown();
        whatIf.shutdown();
        rewind.shutdown();
        comparison.shutdown();
    }

    void tableChanged() {
        tableVersion++;
    }

    void membershipChanged() {
        membershipVersion++;
    }

    /** Makes {@code next} the window's network (it is settled: no events of its building are replayed). */
    void install(Simulation next, List<Scenario.Step> steps, boolean rewound) {
        // clear the old network's selection first: views refreshed from these listeners must never
        // see a node or lookup of the old network together with the new one
        if (rewound) {
            selection.rewound(); // the same network at another moment: its own lookups come again from the rebuild
        } else {
            selection.newNetwork(sim == null ? null : sim.keySpace(), next.keySpace());
        }
        adder.cancel();
        timeRunner.cancel();
        lookupBatch.cancel();
        if (liveNetwork != null) {
            live.disconnect(); // a new simulated network ends the live one
        }
        sim = next;
        churn.reset(); // the old network's churn and workload end with it
        simNetwork = new SimulationNetwork(next);
        inbox.clear();
        timeline.clear();
        router.follow(next);
        rpcs.clear();
        rpcs.useLegMs(simNetwork.meanLatencyMs());
        operations.reset(next.config().seed());
        recorder.replace(steps);
        rewind.follow(next, rewound);
        settle(rewound ? () -> { } : () -> next.awaitIdle(() -> false)); // a rewound network stays at its step
        network.set(simNetwork);
        selection.selectQuietly(next.nodes().isEmpty() ? null : next.nodes().get(0).id());
        status.clearError();
        if (!fits(next.keySpace(), operations.targetTextProperty().get())) {
            operations.targetTextProperty().set(""); // a target typed for ids of another width means nothing here
        }
        membershipVersion++;
        tableVersion++;
        bump();
    }

    /** Runs {@code work} muted (the views do not replay it), then shows the settled state. */
    void settle(Runnable work) {
        router.muted(work);
        playback.releaseAll();
        rpcs.clear();
        playback.syncTo(sim.now());
    }

    /** Shows the live network {@code net} instead of the simulation (kept, paused, for when it ends), {@code first} selected. */
    void showLive(NetworkModel net, org.kadlab.kad.NodeId first) {
        selection.newNetwork(keySpace(), net.keySpace());
        adder.cancel();
        timeRunner.cancel();
        lookupBatch.cancel();
        churn.reset();
        liveNetwork = net;
        swapped(net, first);
    }

    /** Shows the simulation again after a live network. */
    void showSimulation() {
        selection.newNetwork(liveNetwork == null ? sim.keySpace() : liveNetwork.keySpace(), sim.keySpace());
        liveNetwork = null;
        swapped(simNetwork, sim.nodes().isEmpty() ? null : sim.nodes().get(0).id());
        playback.syncTo(sim.now());
    }

    private void swapped(NetworkModel net, org.kadlab.kad.NodeId first) {
        inbox.clear();
        timeline.clear();
        rpcs.clear();
        rpcs.useLegMs(net.meanLatencyMs());
        network.set(net);
        selection.selectQuietly(first);
        status.clearError();
        if (!fits(net.keySpace(), operations.targetTextProperty().get())) {
            operations.targetTextProperty().set("");
        }
        membershipVersion++;
        tableVersion++;
        bump();
    }

    void bump() {
        nodeCount.set(network().nodeCount());
        liveCount.set(network().liveCount());
        rewind.observe();
        revision.set(revision.get() + 1);
    }

    private static boolean fits(KeySpace ks, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        try {
            ks.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
