package org.kadlab.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;

/**
 * Every input the simulation took from outside (adds, kills, revivals, operations, random draws,
 * background processes, loss), each with the step count and virtual time it came at, so that the
 * simulation can be rebuilt exactly at any earlier step: the simulation is deterministic, so the same
 * start and the same inputs at the same steps give the same state, byte for byte.
 *
 * <ol>
 *   <li>Inputs made by the simulation's own events (a workload's queries, churn) are not inputs:
 *       they happen again by themselves.</li>
 *   <li>At most {@link #MAX_ENTRIES} inputs; past that the journal says it can no longer rebuild.</li>
 *   <li>A rebuilt simulation takes the inputs recorded after the step it was rebuilt at as pending:
 *       they are applied again at their steps as it runs on ("play on"), until a new input differs.</li>
 * </ol>
 */
public final class SimJournal {
    /** Most inputs one journal holds. */
    public static final int MAX_ENTRIES = 100_000;

    /** One input from outside. */
    public sealed interface Input permits AddRandom, AddWithId, Draw, Kill, Revive, FindNode, FindValue, Store,
            StartChurn, StartWorkload, StopBackground, SetLoss, Partition, Heal, Prefill {
    }

    /** {@link Simulation#prefill(int)}. */
    public record Prefill(int nodes) implements Input {
    }

    /** {@link Simulation#addNode()}. */
    public record AddRandom() implements Input {
    }

    /** {@link Simulation#addNode(NodeId, SimNode)}; {@code seed} may be null. */
    public record AddWithId(NodeId id, NodeId seed) implements Input {
    }

    /** What a random draw from outside was for. */
    public enum DrawKind { FRESH_ID, LIVE, LIVE_OTHER, ID }

    /** A draw from outside ({@link Simulation#randomLive()} and the like): it moves a random stream on. */
    public record Draw(DrawKind kind, NodeId except) implements Input {
    }

    public record Kill(NodeId node) implements Input {
    }

    public record Revive(NodeId node) implements Input {
    }

    /** find_node; {@code mode} null when it ran with the node's own alpha and mode. */
    public record FindNode(NodeId origin, NodeId target, int alpha, LookupMode mode) implements Input {
    }

    public record FindValue(NodeId origin, String key) implements Input {
    }

    public record Store(NodeId origin, String key, String value) implements Input {
    }

    public record StartChurn(SessionModel model, double meanSessionMs, double shape, long durationMs) implements Input {
    }

    public record StartWorkload(double lookupsPerHour, double findValuesPerHour, long durationMs, boolean recorded)
            implements Input {
    }

    /** The {@code index}-th background process started (churn or workload) was stopped. */
    public record StopBackground(int index) implements Input {
    }

    public record SetLoss(double loss) implements Input {
    }

    public record Partition(Set<NodeId> sideA) implements Input {
    }

    public record Heal() implements Input {
    }

    /** An input and when it came: after {@code step} simulation steps, at virtual time {@code time}. */
    public record Entry(long step, long time, Input input) {
    }

    /** The inputs of one journal at one moment (applied and pending), immutable: what a rebuild on another thread reads. */
    public record Timeline(long startStep, List<Entry> inputs, String broken) {
        public Timeline {
            inputs = List.copyOf(inputs);
        }

        /** The index of the first input made after step {@code step}, or the number of inputs. */
        public int firstAfter(long step) {
            int i = 0;
            while (i < inputs.size() && inputs.get(i).step() <= step) {
                i++;
            }
            return i;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final ArrayDeque<Entry> pending = new ArrayDeque<>();
    private final List<Background> backgrounds = new ArrayList<>();
    private final long startStep;
    private String broken;
    private boolean redoing;
    private boolean diverged;
    private BiConsumer<Input, Operation> onRedo = (i, o) -> { };

    SimJournal(long startStep) {
        this.startStep = startStep;
    }

    /** The step count the journal started at (the start every rebuild runs to first). */
    public long startStep() {
        return startStep;
    }

    /** The inputs so far, oldest first. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The inputs recorded after the step this simulation was rebuilt at, still to be applied again, oldest first. */
    public List<Entry> pending() {
        return List.copyOf(pending);
    }

    /** The inputs now, applied and pending, as an immutable timeline. */
    public Timeline timeline() {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(pending);
        return new Timeline(startStep, all, broken);
    }

    /** How many inputs were applied so far (the index the next input gets in {@link #timeline()}). */
    public int size() {
        return entries.size();
    }

    /** Whether a new input (not one applied again) came since the last call, ending any recorded future; clears the flag. */
    public boolean takeDiverged() {
        boolean d = diverged;
        diverged = false;
        return d;
    }

    /** Why this journal can no longer rebuild its simulation, or null when it can. */
    public String broken() {
        return broken;
    }

    /** Calls {@code listener} for every pending input applied again (with its operation, or null). */
    public void onRedo(BiConsumer<Input, Operation> listener) {
        this.onRedo = listener == null ? (i, o) -> { } : listener;
    }

    void record(long step, long time, Input input) {
        if (!redoing) {
            pending.clear(); // a new input: the recorded future no longer happens
            diverged = true;
        }
        if (broken != null) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            broken = "the session took more than " + MAX_ENTRIES + " inputs";
            entries.clear();
            return;
        }
        entries.add(new Entry(step, time, input));
    }

    void brokenBy(String why) {
        if (broken == null) {
            broken = why;
            entries.clear();
        }
    }

    int started(Background b) {
        backgrounds.add(b);
        return backgrounds.size() - 1;
    }

    Background background(int index) {
        return index >= 0 && index < backgrounds.size() ? backgrounds.get(index) : null;
    }

    /** Applies the pending inputs due at step {@code step} (before the step's action runs). */
    void applyDue(Simulation sim, long step) {
        while (!pending.isEmpty() && pending.peekFirst().step() <= step) {
            Entry e = pending.pollFirst();
            sim.clockTo(e.time());
            redoing = true;
            try {
                onRedo.accept(e.input(), apply(sim, e.input()));
            } finally {
                redoing = false;
            }
        }
    }

    /**
     * Rebuilds, on {@code start} (a simulation rebuilt from the same config and build, with a journal
     * started at this journal's start step), the state after {@code toStep} steps; see
     * {@link #rebuild(Timeline, Simulation, long, int, BiConsumer, LongConsumer, BooleanSupplier)}.
     */
    public boolean rebuild(Simulation start, long toStep, BiConsumer<Input, Operation> onOperation, LongConsumer progress,
                           BooleanSupplier stop) {
        return rebuild(timeline(), start, toStep, Integer.MAX_VALUE, onOperation, progress, stop);
    }

    /**
     * Rebuilds on {@code start} the state after {@code toStep} steps of {@code t}: the inputs up to
     * then (at most the first {@code maxInputs} of them) are applied at their steps, the later ones
     * become {@code start}'s pending inputs (none when {@code maxInputs} cut the timeline: a fork).
     * {@code onOperation} hears every operation applied; {@code progress} the steps run. Returns false
     * when {@code stop} ended it.
     *
     * @throws IllegalStateException when the timeline is broken or the rebuild does not retrace it
     */
    public static boolean rebuild(Timeline t, Simulation start, long toStep, int maxInputs,
                                  BiConsumer<Input, Operation> onOperation, LongConsumer progress, BooleanSupplier stop) {
        if (t.broken() != null) {
            throw new IllegalStateException("this session cannot be rebuilt: " + t.broken());
        }
        SimJournal into = start.journal();
        if (into == null || into.startStep != t.startStep() || start.steps() != t.startStep()) {
            throw new IllegalStateException("the rebuilt start does not match: " + start.steps() + " steps, journal from "
                    + t.startStep());
        }
        List<Entry> all = t.inputs();
        int i = 0;
        for (; i < all.size() && i < maxInputs && all.get(i).step() <= toStep; i++) {
            Entry e = all.get(i);
            if (!runTo(start, e.step(), progress, stop)) {
                return false;
            }
            start.clockTo(e.time());
            into.redoing = true; // retraced, not new: the timeline goes on past it
            Operation op;
            try {
                op = apply(start, e.input());
            } finally {
                into.redoing = false;
            }
            onOperation.accept(e.input(), op);
        }
        if (!runTo(start, toStep, progress, stop)) {
            return false;
        }
        if (i < all.size() && i == maxInputs && all.get(i).step() == toStep) {
            start.clockTo(all.get(i).time()); // a fork made just before an input: at the moment it came
        }
        into.pending.clear();
        if (maxInputs >= all.size()) {
            into.pending.addAll(all.subList(i, all.size()));
        }
        return true;
    }

    private static boolean runTo(Simulation sim, long step, LongConsumer progress, BooleanSupplier stop) {
        while (sim.steps() < step) {
            if (stop.getAsBoolean()) {
                return false;
            }
            if (!sim.step()) {
                throw new IllegalStateException("the rebuild ran out of events at step " + sim.steps() + " of " + step);
            }
            if ((sim.steps() & 1023) == 0) {
                progress.accept(sim.steps());
            }
        }
        return true;
    }

    /** Applies one input to {@code sim} through its public methods (which journal it again); the operation, or null. */
    static Operation apply(Simulation sim, Input input) {
        if (input instanceof AddRandom) {
            sim.addNode();
        } else if (input instanceof AddWithId a) {
            sim.addNode(a.id(), a.seed() == null ? null : node(sim, a.seed()));
        } else if (input instanceof Draw d) {
            switch (d.kind()) {
                case FRESH_ID -> sim.freshId();
                case LIVE -> sim.randomLive();
                case LIVE_OTHER -> sim.randomLiveOtherThan(d.except() == null ? null : node(sim, d.except()));
                case ID -> sim.randomId();
            }
        } else if (input instanceof Kill k) {
            sim.kill(node(sim, k.node()));
        } else if (input instanceof Revive r) {
            sim.revive(node(sim, r.node()));
        } else if (input instanceof FindNode f) {
            return f.mode() == null ? sim.findNode(node(sim, f.origin()), f.target())
                    : sim.findNode(node(sim, f.origin()), f.target(), f.alpha(), f.mode());
        } else if (input instanceof FindValue f) {
            return sim.findValue(node(sim, f.origin()), f.key());
        } else if (input instanceof Store s) {
            return sim.store(node(sim, s.origin()), s.key(), s.value());
        } else if (input instanceof StartChurn c) {
            sim.startChurn(c.model(), c.meanSessionMs(), c.shape(), c.durationMs());
        } else if (input instanceof StartWorkload w) {
            sim.startWorkload(w.lookupsPerHour(), w.findValuesPerHour(), w.durationMs(), w.recorded());
        } else if (input instanceof StopBackground b) {
            Background bg = sim.journal().background(b.index());
            if (bg != null) {
                bg.stop();
            }
        } else if (input instanceof SetLoss l) {
            sim.setLoss(l.loss());
        } else if (input instanceof Partition p) {
            sim.partition(p.sideA());
        } else if (input instanceof Heal) {
            sim.heal();
        } else if (input instanceof Prefill p) {
            sim.prefill(p.nodes());
        }
        return null;
    }

    private static SimNode node(Simulation sim, NodeId id) {
        SimNode n = sim.node(id);
        if (n == null) {
            throw new IllegalStateException("the rebuild has no node " + id);
        }
        return n;
    }
}
