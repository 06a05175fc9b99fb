package org.kadlab.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
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
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.kadlab.sim.SimConfig;
import org.kadlab.sim.Simulation;
import org.kadlab.sim.scenario.Scenario;
import org.kadlab.sim.scenario.ScenarioException;
import org.kadlab.sim.scenario.ScenarioReader;
import org.kadlab.sim.scenario.ScenarioRunner;

/**
 * Builds the next network: from settings, a preset or a scenario file, on this thread or in the
 * background while the old network runs on.
 *
 * <ol>
 *   <li>Bad settings or a bad file leave the network as it is and set the settings error (naming
 *       the field, or file:line).</li>
 *   <li>A background build runs on one daemon thread; {@link #poll()} (each frame) publishes its
 *       progress and swaps the network in when done. Nothing is posted to the FX thread.</li>
 *   <li>A new build cancels the one under way.</li>
 * </ol>
 */
public final class NetworkBuilder {
    /** Most operation records the simulation keeps (for the report). */
    public static final int MAX_OPERATIONS = 2_000;
    private final NetworkViewModel vm;
    private final ReadOnlyObjectWrapper<NetworkSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ReadOnlyBooleanWrapper building = new ReadOnlyBooleanWrapper(this, "building");
    private final ReadOnlyDoubleWrapper buildProgress = new ReadOnlyDoubleWrapper(this, "buildProgress");
    private final ReadOnlyStringWrapper work = new ReadOnlyStringWrapper(this, "work", "building");
    private SimConfig config;
    private int initialNodes;
    private Build build;
    /** Builds the current network's start again, its journal started (what a rewind replays from), or null. */
    private Job recipe;
    private volatile ScenarioRunner running;
    private ExecutorService thread;

    /** A network swapped in by a build, with the steps that rebuild it. */
    record Built(Simulation sim, SimConfig config, int nodes, List<Scenario.Step> steps, List<LookupSession> lookups,
                 Rewound rewound) {
        Built(Simulation sim, SimConfig config, int nodes, List<Scenario.Step> steps, List<LookupSession> lookups) {
            this(sim, config, nodes, steps, lookups, null);
        }

        Built(Simulation sim, SimConfig config, int nodes, List<Scenario.Step> steps) {
            this(sim, config, nodes, steps, List.of());
        }
    }

    /** What a rewound network restores once swapped in: the selected node and the inspected lookup's twin (or null). */
    record Rewound(org.kadlab.kad.NodeId select, LookupSession inspect) {
    }

    /** Builds a network; the same job gives the same network (the simulation is deterministic). */
    interface Job {
        Built run(AtomicInteger progress, AtomicBoolean cancelled) throws Exception;
    }

    private record Build(Future<Built> future, AtomicInteger progress, AtomicBoolean cancelled, int total, String done,
                         Job recipe) {
    }

    NetworkBuilder(NetworkViewModel vm, SimConfig config, int nodes) {
        this.vm = vm;
        this.config = config;
        this.initialNodes = nodes;
        settings.set(NetworkSettings.of(config, nodes));
    }

    /** The settings the current network was built from. */
    public ReadOnlyObjectProperty<NetworkSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** Whether a network is being built in the background. */
    public ReadOnlyBooleanProperty buildingProperty() {
        return building.getReadOnlyProperty();
    }

    /** What the work under way is: "building", "running scenario", "adding nodes", "100 lookups" or "running 1 h". */
    public ReadOnlyStringProperty workProperty() {
        return work.getReadOnlyProperty();
    }

    /** How far the background build is, 0..1, or -1 when unknown (a scenario runs). */
    public ReadOnlyDoubleProperty buildProgressProperty() {
        return buildProgress.getReadOnlyProperty();
    }

    /** The settings of the current network. */
    SimConfig config() {
        return config;
    }

    /** Throws the network away and builds the starting one again (on this thread). */
    public void reset() {
        cancel();
        SimConfig c = config;
        int n = initialNodes;
        Job job = journaled((progress, cancelled) -> new Built(build(c, n, progress, cancelled), c, n,
                List.of(new Scenario.Add(0, n))));
        try {
            install(job.run(new AtomicInteger(), new AtomicBoolean()), job);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        vm.status().caption(initialNodes + " nodes joined one at a time. Click a node, type a target id and press Find node.");
    }

    /** Builds the starting network again in the background (what the Reset button does). */
    public void resetInBackground() {
        applySettings(settings.get(), true);
    }

    /**
     * Builds a network from {@code s} (from the same seed, so the same settings give the same
     * network) and swaps it in: at once, or in the background when {@code background}. Returns
     * whether the build started.
     */
    public boolean applySettings(NetworkSettings s, boolean background) {
        vm.status().settingsError("");
        SimConfig next;
        try {
            next = s.toSimConfig();
        } catch (IllegalArgumentException e) {
            vm.status().settingsError(e.getMessage());
            return false;
        }
        int nodes = s.nodes();
        start(background, "Built " + nodes + " nodes (" + s.bits() + "-bit ids, k = " + s.k() + ", alpha = " + s.alpha()
                + ", " + s.mode().name().toLowerCase(Locale.ROOT) + "); each joined one at a time.",
                (progress, cancelled) -> new Built(build(next, nodes, progress, cancelled), next, nodes,
                        List.of(new Scenario.Add(0, nodes))), nodes);
        return true;
    }

    /** Reads the settings fields' texts (see {@link NetworkSettings#FIELDS}) and applies them. */
    public boolean applySettings(Map<String, String> fields, boolean background) {
        vm.status().settingsError("");
        NetworkSettings s;
        try {
            s = NetworkSettings.parse(fields);
        } catch (IllegalArgumentException e) {
            vm.status().settingsError(e.getMessage());
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
     * {@code background}), then swaps that network in.
     */
    public boolean loadScenario(Path path, boolean background) {
        vm.status().settingsError("");
        Scenario sc;
        try {
            sc = ScenarioReader.read(path);
        } catch (ScenarioException e) {
            vm.status().settingsError(e.getMessage());
            return false;
        }
        SimConfig next = sc.config().withHistoryCapacity(NetworkSettings.HISTORY);
        int added = 0;
        for (Scenario.Step st : sc.steps()) {
            if (st instanceof Scenario.Add a) {
                added += a.count();
            }
        }
        if (added > NetworkCommands.MAX_NODES) {
            vm.status().settingsError(path.getFileName() + ": add: this window holds at most " + NetworkCommands.MAX_NODES
                    + " nodes, the scenario adds " + added);
            return false;
        }
        List<Scenario.Step> steps = new ArrayList<>(sc.steps().size());
        for (Scenario.Step st : sc.steps()) {
            steps.add(st.atLine(0)); // recorded as the user's own steps: they are written again, not read
        }
        start(background, "Ran " + path.getFileName() + ": " + sc.steps().size() + " steps.", (progress, cancelled) -> {
            Simulation s = new Simulation(next);
            s.setOperationLimit(MAX_OPERATIONS);
            ScenarioRunner runner = new ScenarioRunner(sc, s);
            ScenarioLookups lookups = new ScenarioLookups(s, Selection.MAX_RECENT_LOOKUPS);
            runner.setOperationListener(lookups::started);
            running = runner;
            try {
                if (!cancelled.get()) {
                    runner.run();
                }
            } finally {
                running = null;
            }
            return new Built(s, next, s.nodes().size(), steps, lookups.sessions());
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
            b.future().get(ms, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | CancellationException e) {
            // reported by poll
        }
        poll();
        return true;
    }

    /** Stops a background build, if one runs, and its thread. */
    public void shutdown() {
        cancel();
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    /** Builds a network of {@code nodes} nodes that join one at a time, reporting progress; stops when cancelled. */
    static Simulation build(SimConfig config, int nodes, AtomicInteger progress, AtomicBoolean cancelled) {
        Simulation s = new Simulation(config);
        s.setOperationLimit(MAX_OPERATIONS);
        for (int i = 0; i < nodes && !cancelled.get(); i++) {
            s.awaitJoin(s.addNode(), cancelled::get);
            progress.set(i + 1);
        }
        s.awaitIdle(cancelled::get); // as a scenario's add step ends
        return s;
    }

    private void start(boolean background, String done, Job plain, int total) {
        Job job = journaled(plain);
        start(background, done, job, total, job);
    }

    /** The job's network with its journal started at the end, so the session can be rewound to any later step. */
    private static Job journaled(Job job) {
        return (progress, cancelled) -> {
            Built b = job.run(progress, cancelled);
            b.sim().startJournal();
            return b;
        };
    }

    /** The job that builds the current network's start again, or null. */
    Job recipe() {
        return recipe;
    }

    /** Runs {@code job} (a rewind) like a build, keeping the current network's recipe. */
    void startRewind(boolean background, String done, Job job, int total) {
        start(background, done, job, total, recipe);
    }

    private void start(boolean background, String done, Job job, int total, Job nextRecipe) {
        cancel();
        AtomicInteger progress = new AtomicInteger();
        AtomicBoolean cancelled = new AtomicBoolean();
        if (!background) {
            try {
                install(job.run(progress, cancelled), nextRecipe);
                vm.status().caption(done);
            } catch (Exception e) {
                vm.status().settingsError(e.getMessage());
            }
            return;
        }
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "kadlab-network-builder");
                t.setDaemon(true);
                return t;
            });
        }
        build = new Build(thread.submit(() -> job.run(progress, cancelled)), progress, cancelled, total, done, nextRecipe);
        work.set(total > 0 ? "building" : "running scenario");
        building.set(true);
        buildProgress.set(total > 0 ? 0 : -1);
        vm.status().caption("Building the network in the background\u2026 the old one runs on until it is ready.");
    }

    /** Stops whatever is under way: a background build, a scenario being run, nodes being added, lookups, time running. */
    public void cancelWork() {
        boolean building = build != null;
        cancel();
        vm.adder().cancel(); // says how many joined, if nodes were joining
        vm.lookupBatch().cancel();
        vm.timeRunner().cancel();
        if (building) {
            vm.status().caption("Stopped building the next network; this one runs on.");
        }
        this.building.set(false);
    }

    /** Shows the progress of work done on this thread: {@code what} is under way (nodes being added, time running). */
    void showProgress(String what, boolean on, double progress) {
        work.set(what);
        building.set(on);
        buildProgress.set(progress);
    }

    private void cancel() {
        ScenarioRunner r = running;
        if (r != null) {
            r.cancel(); // a long advance stops at its next simulation action
        }
        if (build != null) {
            build.cancelled().set(true);
            build.future().cancel(false);
            build = null;
            building.set(false);
        }
    }

    /** Swaps in a finished background build, or publishes its progress; returns whether the views must redraw. */
    boolean poll() {
        if (vm.adder().isRunning()) {
            return vm.adder().slice();
        }
        if (vm.lookupBatch().isRunning()) {
            return vm.lookupBatch().slice();
        }
        if (vm.timeRunner().isRunning()) {
            return vm.timeRunner().slice();
        }
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
            install(b.future().get(), b.recipe());
            vm.status().caption(b.done());
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            vm.status().settingsError(c.getMessage() == null ? c.toString() : c.getMessage());
        } catch (InterruptedException | CancellationException e) {
            return false;
        }
        return true;
    }

    private void install(Built b, Job nextRecipe) {
        recipe = nextRecipe;
        config = b.config();
        initialNodes = b.nodes();
        settings.set(NetworkSettings.of(b.config(), b.nodes()));
        vm.status().settingsError("");
        vm.install(b.sim(), b.steps(), b.rewound() != null);
        vm.selection().rememberAll(b.lookups());
        if (b.rewound() != null) {
            vm.rewind().restore(b.rewound());
        }
    }
}
