package org.kadlab.ui.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.Operation;
import org.kadlab.sim.SimEvent;
import org.kadlab.sim.SimJournal;
import org.kadlab.sim.SimListener;
import org.kadlab.sim.Simulation;

/**
 * The session's timeline: the window's network can be taken back to any earlier step, one event
 * back, or to a moment of virtual time, and then played on.
 *
 * <ol>
 *   <li>The simulation is deterministic and journals every input from outside ({@link SimJournal}),
 *       so a rewind builds the network's start again from its seed and replays the inputs up to the
 *       chosen step, in the background with progress; then it is swapped in, with the selected node
 *       and the inspected lookup as they were then.</li>
 *   <li>Played on, the rebuilt network applies the recorded later inputs again at their steps (the
 *       same future), until the user does something new: from then on the timeline ends there.</li>
 *   <li>Memory is bounded: the journal holds at most {@link SimJournal#MAX_ENTRIES} inputs, the map
 *       from virtual time to steps at most {@link #MAX_CHECKPOINTS} checkpoints (thinned by half when
 *       full), and one spare copy of the network as built is kept once the session was rewound, made
 *       in the background, so a later rewind costs only the steps replayed (the first one also
 *       builds the network again).</li>
 * </ol>
 */
public final class Rewind {
    /** Most (step, time) checkpoints kept for the scrubber. */
    public static final int MAX_CHECKPOINTS = 4_096;
    private final NetworkViewModel vm;
    private long[] steps = new long[64];
    private long[] times = new long[64];
    private int count;
    private long furthest;
    private long furthestTime;
    /** A copy of the network as built, made in the background after a rewind for the next one, or null. */
    private java.util.concurrent.Future<NetworkBuilder.Built> spare;
    private NetworkBuilder.Job spareOf;
    private java.util.concurrent.ExecutorService spareThread;

    Rewind(NetworkViewModel vm) {
        this.vm = vm;
    }

    /** Follows {@code sim}, the network swapped in; a rewound one keeps the timeline's far end. */
    void follow(Simulation sim, boolean rewound) {
        if (!rewound) {
            count = 0;
            furthest = 0;
            furthestTime = 0;
            dropSpare(); // another network: its start is another one
        } else {
            prepareSpare(); // the next rewind starts from a copy of the network as built, not from a new build
        }
        SimJournal j = sim.journal();
        if (j != null) {
            j.onRedo((input, op) -> redone(sim, input, op));
        }
        observe();
    }

    /** Notes where the simulation is (called whenever the views redraw): a checkpoint, and the timeline's far end. */
    void observe() {
        Simulation sim = vm.simulation();
        if (sim == null || sim.journal() == null) {
            return;
        }
        long step = sim.steps();
        if (sim.journal().takeDiverged() && step < furthest) {
            furthest = step; // something new was done: the recorded future is gone
            furthestTime = sim.now();
            while (count > 0 && steps[count - 1] > step) {
                count--;
            }
        }
        if (step >= furthest) {
            furthest = step;
            furthestTime = sim.now();
        }
        if (count > 0 && steps[count - 1] >= step) {
            return;
        }
        if (count == MAX_CHECKPOINTS) {
            for (int i = 0; i < count / 2; i++) { // thin by half: every other checkpoint stays
                steps[i] = steps[2 * i + 1];
                times[i] = times[2 * i + 1];
            }
            count /= 2;
        }
        if (count == steps.length) {
            steps = Arrays.copyOf(steps, count * 2);
            times = Arrays.copyOf(times, count * 2);
        }
        steps[count] = step;
        times[count] = sim.now();
        count++;
    }

    /** Whether the network can be rewound (its start can be built again and its journal is whole), or why not. */
    public String cannotRewind() {
        Simulation sim = vm.simulation();
        SimJournal j = sim == null ? null : sim.journal();
        if (j == null || vm.builder().recipe() == null) {
            return "This network has no timeline to rewind.";
        }
        if (j.broken() != null) {
            return "This session can no longer be rewound: " + j.broken() + ".";
        }
        return null;
    }

    /** The first step the timeline holds (the network as built). */
    public long first() {
        SimJournal j = vm.simulation().journal();
        return j == null ? vm.simulation().steps() : j.startStep();
    }

    /** The step the network is at now. */
    public long position() {
        return vm.simulation().steps();
    }

    /** The furthest step of the timeline: where the session went before it was rewound, or now. */
    public long last() {
        return Math.max(furthest, position());
    }

    /** The virtual time at the furthest step. */
    public long lastTime() {
        return Math.max(furthestTime, vm.simulation().now());
    }

    /** The virtual time of the first step. */
    public long firstTime() {
        return count == 0 ? vm.simulation().now() : times[0];
    }

    /** The latest checkpointed step at or before virtual time {@code time} (the first step if none). */
    public long stepAt(long time) {
        long best = first();
        for (int i = 0; i < count && times[i] <= time; i++) {
            best = steps[i];
        }
        return best;
    }

    /** Takes the network back (or forward, within the timeline) to the state after {@code step} steps. */
    public boolean rewindTo(long step, boolean background) {
        vm.status().clearError();
        String why = cannotRewind();
        if (why != null) {
            vm.status().error(why);
            return false;
        }
        long to = Math.max(first(), Math.min(step, last()));
        Simulation now = vm.simulation();
        SimJournal.Timeline timeline = now.journal().timeline();
        NetworkBuilder.Job base = vm.builder().recipe();
        List<Twin> twins = twins();
        LookupSession inspected = vm.selection().selectedLookup();
        NodeId selected = vm.selection().selectedNode();
        var steps = vm.recorder().recordedSteps();
        long span = Math.max(1, to - timeline.startStep());
        java.util.concurrent.Future<NetworkBuilder.Built> spareNow = spare != null && spareOf == base ? spare : null;
        spare = null; // a copy serves one rewind: the rewind replays on it
        playbackPause();
        vm.builder().startRewind(background, "Rewound to step " + String.format(java.util.Locale.ROOT, "%,d", to - timeline.startStep())
                + ": every view shows the network as it was then. Play to go on (what you did later happens again).",
                (progress, cancelled) -> {
                    NetworkBuilder.Built start = start(spareNow, base, cancelled);
                    Simulation sim = start.sim();
                    Replayed replayed = new Replayed(sim, twins);
                    sim.addListener(replayed);
                    try {
                        SimJournal.rebuild(timeline, sim, to, Integer.MAX_VALUE, replayed::started,
                                s -> progress.set((int) Math.min(Integer.MAX_VALUE, (s - timeline.startStep()) * 1000 / span)),
                                cancelled::get);
                    } finally {
                        sim.removeListener(replayed);
                    }
                    if (cancelled.get()) {
                        throw new java.util.concurrent.CancellationException("rewind cancelled");
                    }
                    LookupSession twin = inspected == null ? null : replayed.twinOf(inspected);
                    return new NetworkBuilder.Built(sim, start.config(), start.nodes(), steps, replayed.sessions(),
                            new NetworkBuilder.Rewound(selected, twin));
                }, 1000);
        return true;
    }

    /** The spare copy of the network as built when it is ready, or a new build of it. */
    private static NetworkBuilder.Built start(java.util.concurrent.Future<NetworkBuilder.Built> spare, NetworkBuilder.Job base,
                                              AtomicBoolean cancelled) throws Exception {
        if (spare != null) {
            try {
                return spare.get();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                // build it again below
            }
        }
        return base.run(new AtomicInteger(), cancelled);
    }

    /** Builds, in the background, a copy of the network as built for the next rewind (at most one is kept). */
    private void prepareSpare() {
        NetworkBuilder.Job base = vm.builder().recipe();
        if (base == null || (spare != null && spareOf == base)) {
            return;
        }
        if (spareThread == null) {
            spareThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "kadlab-rewind-spare");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                return t;
            });
        }
        spareOf = base;
        spare = spareThread.submit(() -> base.run(new AtomicInteger(), new AtomicBoolean()));
    }

    private void dropSpare() {
        if (spare != null) {
            spare.cancel(true);
        }
        spare = null;
        spareOf = null;
    }

    /** Whether a spare copy of the network as built is made or being made for the next rewind. */
    boolean hasSpare() {
        return spare != null && spareOf == vm.builder().recipe();
    }

    /** Stops the background copy (the window closes). */
    void shutdown() {
        dropSpare();
        if (spareThread != null) {
            spareThread.shutdownNow();
        }
    }

    /** One simulation event back. */
    public boolean stepBack(boolean background) {
        if (position() <= first()) {
            vm.status().error("This is the network as it was built: there is nothing earlier to go back to.");
            return false;
        }
        return rewindTo(position() - 1, background);
    }

    /** To the last checkpoint at or before virtual time {@code time}. */
    public boolean seekTime(long time, boolean background) {
        return rewindTo(stepAt(time), background);
    }

    /** Restores the selection of a rewound network once it is swapped in. */
    void restore(NetworkBuilder.Rewound r) {
        if (r.select() != null && vm.network().contains(r.select())) {
            vm.selection().selectQuietly(r.select());
        }
        if (r.inspect() != null) {
            vm.selection().selectLookup(r.inspect());
        }
        vm.bump();
    }

    private void playbackPause() {
        vm.playback().playingProperty().set(false);
    }

    /** What identifies a user's lookup across rebuilds: the same start, from the same node, at the same moment. */
    record Twin(LookupPurpose purpose, NodeId origin, NodeId target, long startedAt, String key, String value) {
        static Twin of(LookupSession s) {
            return new Twin(s.purpose(), s.origin(), s.target(), s.startedAt(), s.key(), s.value());
        }
    }

    /** The user's lookups on this network (not those of earlier networks): their twins come again from the rebuild. */
    private List<Twin> twins() {
        List<Twin> out = new ArrayList<>();
        for (LookupSession s : vm.selection().recentLookups()) {
            if (!s.isFromEarlierNetwork()) {
                out.add(Twin.of(s));
            }
        }
        return out;
    }

    /** A recorded input applied again as the rebuilt network plays on: the user's lookup comes back in the list. */
    private void redone(Simulation sim, SimJournal.Input input, Operation op) {
        if (op == null || sim != vm.simulation()) {
            return;
        }
        LookupSession s = Replayed.session(input, op, sim);
        if (s != null) {
            vm.selection().remember(s);
        }
    }

    /** The user's lookups met again during a rebuild, each as a session following its lookup. */
    private static final class Replayed implements SimListener {
        private final Simulation sim;
        private final List<Twin> wanted;
        private final List<LookupSession> sessions = new ArrayList<>();

        Replayed(Simulation sim, List<Twin> wanted) {
            this.sim = sim;
            this.wanted = new ArrayList<>(wanted);
        }

        void started(SimJournal.Input input, Operation op) {
            if (op == null) {
                return;
            }
            LookupSession s = session(input, op, sim);
            if (s != null && wanted.remove(Twin.of(s))) {
                sessions.add(s);
            }
        }

        @Override
        public void onEvent(SimEvent e) {
            if (e instanceof SimEvent.LookupFinished f) {
                for (LookupSession s : sessions) {
                    if (s.simId() == f.lookup()) {
                        s.finish(f);
                    }
                }
            }
        }

        /** Oldest first, at most the history's bound. */
        List<LookupSession> sessions() {
            int from = Math.max(0, sessions.size() - Selection.MAX_RECENT_LOOKUPS);
            return List.copyOf(sessions.subList(from, sessions.size()));
        }

        LookupSession twinOf(LookupSession s) {
            Twin t = Twin.of(s);
            for (LookupSession r : sessions) {
                if (Twin.of(r).equals(t)) {
                    return r;
                }
            }
            return null;
        }

        /** A session for the operation {@code input} started, or null for inputs that start none. */
        static LookupSession session(SimJournal.Input input, Operation op, Simulation sim) {
            long now = sim.now();
            LookupSession s;
            if (input instanceof SimJournal.FindNode f) {
                s = new LookupSession(f.origin(), f.target(), now);
            } else if (input instanceof SimJournal.FindValue f) {
                s = new LookupSession(LookupPurpose.FIND_VALUE, f.origin(), sim.keySpace().keyId(f.key()), now, f.key(), null);
            } else if (input instanceof SimJournal.Store st) {
                s = new LookupSession(LookupPurpose.STORE, st.origin(), sim.keySpace().keyId(st.key()), now, st.key(),
                        st.value());
            } else {
                return null;
            }
            if (op.ranLookup()) {
                s.attach(op.lookup());
                s.started(op.lookupId());
            }
            op.future().whenComplete((rec, ex) -> s.completed(rec, ex));
            return s;
        }
    }
}
