package org.kadlab.ui.model;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.LookupMode;
import org.kadlab.sim.Simulation;

/**
 * The display clock that paces the simulation: play, pause, speed, step one event, step one round of
 * the inspected lookup.
 *
 * <ol>
 *   <li>Each frame, {@link #tick(long)} moves the display clock on by speed x elapsed real time, runs
 *       at most {@link #EVENT_BUDGET_PER_FRAME} simulation steps that are due, and releases the
 *       pending events whose time has come.</li>
 *   <li>While nothing is under way the clock waits: virtual time passes only while work is queued,
 *       or while churn or a background workload runs ({@link ChurnControl}).</li>
 *   <li>{@link #stepOnce()} pauses and runs exactly one simulation step, releasing its events.</li>
 * </ol>
 */
public final class Playback {
    /** Most simulation steps run in one frame. */
    public static final int EVENT_BUDGET_PER_FRAME = 400;
    /** Slowest and fastest speeds, in virtual ms per real second. */
    public static final double MIN_SPEED = 10;
    public static final double MAX_SPEED = 10_000;
    public static final double DEFAULT_SPEED = 150;
    /** Most virtual time one frame lets pass at "max" while churn or a workload runs. */
    public static final long FLAT_OUT_BACKGROUND_MS = 60_000;
    /** Most simulation steps one "step round" runs. */
    public static final int MAX_ROUND_STEPS = 20_000;
    private final NetworkViewModel vm;
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", true);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", DEFAULT_SPEED);
    private final ReadOnlyLongWrapper displayTime = new ReadOnlyLongWrapper(this, "displayTime");
    private double clock;

    Playback(NetworkViewModel vm) {
        this.vm = vm;
        speed.addListener((o, was, now) -> {
            double v = now.doubleValue();
            if (!(v >= MIN_SPEED && v <= MAX_SPEED)) {
                speed.set(Double.isNaN(v) ? DEFAULT_SPEED : Math.max(MIN_SPEED, Math.min(MAX_SPEED, v)));
            }
        });
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Virtual milliseconds per real second, clamped to [MIN_SPEED, MAX_SPEED]. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** The virtual time the views show, in ms (may trail the simulation by one step). */
    public ReadOnlyLongProperty displayTimeProperty() {
        return displayTime.getReadOnlyProperty();
    }

    /** The display clock with its fraction, for drawing pulses. */
    public double clock() {
        return clock;
    }

    /** Whether the speed is at its top, "max": every frame runs its whole budget of steps, whatever the virtual time. */
    public boolean isFlatOut() {
        return speed.get() >= MAX_SPEED;
    }

    public void togglePlay() {
        playing.set(!playing.get());
    }

    /**
     * Advances the display clock by {@code elapsedNanos} of real time (when playing), runs the
     * simulation steps now due within the per-frame budget, and releases their events.
     * Returns the number of simulation steps run.
     */
    public int tick(long elapsedNanos) {
        boolean changed = vm.rpcs().advance(elapsedNanos);
        changed |= vm.builder().poll();
        changed |= vm.whatIf().poll();
        vm.churn().poll();
        if (vm.live().isActive() || vm.live().connectingProperty().get()) {
            return tickLive(changed);
        }
        Simulation sim = vm.simulation();
        EventInbox inbox = vm.events();
        int steps = 0;
        if (playing.get()) {
            boolean flatOut = isFlatOut();
            boolean background = vm.churn().isRunning();
            clock += flatOut ? Double.POSITIVE_INFINITY : speed.get() * Math.max(0, elapsedNanos) / 1e9;
            if (background) {
                steps = runBackground(sim, flatOut);
            } else {
                while (steps < EVENT_BUDGET_PER_FRAME && sim.isBusy() && sim.now() <= clock) {
                    sim.step();
                    steps++;
                }
                if (steps == EVENT_BUDGET_PER_FRAME || flatOut) {
                    clock = Math.min(clock, sim.now()); // over budget: the display waits for the simulation
                }
            }
            changed |= vm.router().release(clock);
            if (!background && !sim.isBusy() && inbox.isEmpty()) {
                clock = sim.now(); // idle: the clock waits for work
            }
            changed |= background && steps > 0; // departures and arrivals bump the membership through their events
        }
        displayTime.set((long) clock);
        if (changed) {
            vm.bump();
        }
        return steps;
    }

    /** A frame of a live network: its time runs as the wall clock does; its crawl and events go to the views. */
    private int tickLive(boolean changed) {
        changed |= vm.live().tick();
        if (vm.live().isActive()) {
            clock = vm.live().now();
            displayTime.set((long) clock);
            vm.rpcs().useLegMs(vm.network().meanLatencyMs());
        }
        if (changed) {
            vm.bump();
        }
        return 0;
    }

    /**
     * While churn or a workload runs, virtual time passes as the display clock says whether or not
     * anything is under way: every action due up to the clock runs, at most the frame's budget of
     * them (the display then waits); at "max" a frame lets up to {@link #FLAT_OUT_BACKGROUND_MS} pass.
     * Returns the number of steps run.
     */
    private int runBackground(Simulation sim, boolean flatOut) {
        int[] asked = {0};
        long target = flatOut ? sim.now() + FLAT_OUT_BACKGROUND_MS : (long) Math.floor(clock);
        boolean reached = target <= sim.now() || sim.runUntil(target, () -> asked[0]++ >= EVENT_BUDGET_PER_FRAME);
        if (!reached || flatOut) {
            clock = sim.now(); // over budget, or at "max": the display shows where the simulation is
        }
        return Math.min(asked[0], EVENT_BUDGET_PER_FRAME);
    }

    /** Pauses and runs exactly one simulation step (or shows the one already run but not yet shown). */
    public void stepOnce() {
        if (vm.live().isActive()) {
            return; // a live network runs on its own
        }
        playing.set(false);
        vm.status().clearError();
        vm.status().beginStep(); // one step can answer one query and send the next: say both
        try {
            EventInbox inbox = vm.events();
            Simulation sim = vm.simulation();
            if (!inbox.isEmpty()) {
                long step = inbox.peek().step();
                while (!inbox.isEmpty() && inbox.peek().step() == step) {
                    var e = inbox.poll().event();
                    clock = Math.max(clock, e.time());
                    vm.router().apply(e);
                }
            } else if (sim.step()) {
                clock = sim.now();
                vm.router().release(Double.POSITIVE_INFINITY);
            } else {
                vm.status().caption("Nothing is queued: start a lookup first.");
            }
        } finally {
            vm.status().endStep();
        }
        displayTime.set((long) clock);
        vm.bump();
    }

    /**
     * Pauses and advances the simulation until the inspected lookup's next round completes: in
     * rounds mode until its round number moves on, in sliding mode until alpha more answers or
     * timeouts arrived; either way at most {@link #MAX_ROUND_STEPS} steps, or until it ends.
     * Returns the number of steps run, or -1 (with a message) when no lookup runs.
     */
    public int stepRound() {
        if (vm.live().isActive()) {
            return 0; // a live network runs on its own
        }
        playing.set(false);
        vm.status().clearError();
        LookupSession s = vm.selection().selectedLookup();
        Lookup l = s == null ? null : s.liveLookup();
        if (l == null || s.isOver() || l.isFinished()) {
            vm.status().error("No lookup is running: start one (Find node, Find value or Store) first.");
            return -1;
        }
        Simulation sim = vm.simulation();
        boolean rounds = l.mode() != LookupMode.SLIDING;
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
        catchUp();
        if (s.isOver() || l.isFinished()) {
            // the caption of the lookup's end, set on release, says it
        } else if (rounds) {
            vm.status().caption("Round " + startRound + " done after " + steps + " steps: round " + l.round() + " begins with "
                    + l.inFlight() + " queries in flight.");
        } else {
            vm.status().caption((resolved(l) - startResolved) + " more answers or timeouts after " + steps + " steps; "
                    + l.inFlight() + " queries in flight.");
        }
        vm.bump();
        return steps;
    }

    /**
     * "Step this lookup": pauses and runs the simulation until the next event of the inspected lookup
     * (other traffic runs silently in between, at most {@link #MAX_ROUND_STEPS} steps), then tells that
     * step in words with the virtual time that passed. Once the lookup is over it leaves the network
     * alone and says why the lookup stopped. Returns the simulation steps run, or -1 (with a message)
     * when no lookup is inspected.
     */
    public int stepLookup() {
        if (vm.live().isActive()) {
            return 0; // a live network runs on its own
        }
        playing.set(false);
        vm.status().clearError();
        LookupSession s = vm.selection().selectedLookup();
        if (s == null) {
            vm.status().error("No lookup is inspected: start one (Find node, Find value or Store) or pick one in the"
                    + " inspector's list.");
            return -1;
        }
        Lookup l = s.liveLookup();
        if (s.isOver() || l == null) {
            java.util.List<String> why = StopExplanation.explain(s, vm.keySpace());
            vm.status().caption("This lookup is over. " + s.summary(vm.network())
                    + (why.isEmpty() ? "" : " Why it stopped: " + why.get(0).replaceFirst("^Rule: ", "")));
            return 0;
        }
        LookupNarration.Before before = LookupNarration.Before.of(l);
        long from = (long) clock;
        EventInbox inbox = vm.events();
        Simulation sim = vm.simulation();
        java.util.List<org.kadlab.sim.SimEvent> mine = new java.util.ArrayList<>();
        int others = 0;
        int steps = 0;
        while (true) {
            while (!inbox.isEmpty() && mine.isEmpty()) { // one simulation step's events at a time
                long step = inbox.peek().step();
                while (!inbox.isEmpty() && inbox.peek().step() == step) {
                    org.kadlab.sim.SimEvent e = inbox.poll().event();
                    clock = Math.max(clock, e.time());
                    if (LookupNarration.concerns(s, e)) {
                        mine.add(e);
                    } else {
                        others++;
                    }
                    vm.router().apply(e, false);
                }
            }
            if (!mine.isEmpty() || s.isOver() || steps >= MAX_ROUND_STEPS || !sim.step()) {
                break;
            }
            steps++;
            clock = Math.max(clock, sim.now());
        }
        displayTime.set((long) clock);
        long elapsed = (long) clock - from;
        if (mine.isEmpty()) {
            vm.status().caption(steps >= MAX_ROUND_STEPS
                    ? "Nothing of this lookup happened in " + steps + " steps (" + elapsed + " ms): press again to go on."
                    : "Nothing is queued: the lookup waits for nothing more.");
        } else {
            vm.status().caption(LookupNarration.describe(mine, s, before, elapsed, others, vm.keySpace()));
        }
        vm.bump();
        return steps;
    }

    /** Longest virtual time one "Run for" lets pass. */
    public static final long MAX_RUN_FOR_MS = 7 * 86_400_000L;

    /**
     * Lets {@code ms} of virtual time pass at full speed, a slice per frame with progress, so refresh,
     * pings, republishing, expiry and healing play out; returns false (with a message) for a
     * duration outside 1 ms .. 7 days.
     */
    public boolean runFor(long ms) {
        if (vm.live().isActive()) {
            return false; // a live network runs on its own
        }
        vm.status().clearError();
        if (ms < 1 || ms > MAX_RUN_FOR_MS) {
            vm.status().error("Run for between 1 ms and 7 days of virtual time, not " + ms + " ms.");
            return false;
        }
        vm.timeRunner().start(ms);
        vm.bump();
        return true;
    }

    /** Moves the display clock up to the simulation and releases everything pending (after a user action). */
    void catchUp() {
        clock = Math.max(clock, vm.simulation().now());
        releaseAll();
        displayTime.set((long) clock);
    }

    /** Releases every pending event, whatever its time. */
    void releaseAll() {
        vm.router().release(Double.POSITIVE_INFINITY);
    }

    /** Sets the display clock to the simulation's time (a settled or new network). */
    void syncTo(long now) {
        clock = now;
        displayTime.set(now);
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
}
