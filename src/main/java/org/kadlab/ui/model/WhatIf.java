package org.kadlab.ui.model;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.Operation;
import org.kadlab.sim.SimEvent;
import org.kadlab.sim.SimJournal;
import org.kadlab.sim.SimNode;
import org.kadlab.sim.Simulation;

/**
 * What-if: the inspected find_node run again from the moment it started, twice, on two copies of the
 * network rebuilt from the journal: once as it was, once with one change (its alpha or lookup mode, a
 * node killed or revived just before, or another loss). The two runs are shown side by side.
 *
 * <p>The copies are rebuilt in the background (the window's network runs on meanwhile); the
 * result appears with {@link #poll()}, each frame. At most one what-if runs at a time.
 */
public final class WhatIf {
    /** One change to the network or the lookup, made at the moment the lookup started. */
    public sealed interface Change permits Alpha, Mode, Kill, Revive, Loss {
        /** Says the change in a few words, e.g. "alpha 1". */
        String describe(org.kadlab.kad.KeySpace ks);
    }

    public record Alpha(int alpha) implements Change {
        public String describe(org.kadlab.kad.KeySpace ks) {
            return "alpha " + alpha;
        }
    }

    public record Mode(LookupMode mode) implements Change {
        public String describe(org.kadlab.kad.KeySpace ks) {
            return mode.name().toLowerCase(Locale.ROOT) + " mode";
        }
    }

    public record Kill(NodeId node) implements Change {
        public String describe(org.kadlab.kad.KeySpace ks) {
            return "kill " + IdText.brief(ks, node);
        }
    }

    public record Revive(NodeId node) implements Change {
        public String describe(org.kadlab.kad.KeySpace ks) {
            return "revive " + IdText.brief(ks, node);
        }
    }

    public record Loss(double loss) implements Change {
        public String describe(org.kadlab.kad.KeySpace ks) {
            return "loss " + java.math.BigDecimal.valueOf(loss * 100).stripTrailingZeros().toPlainString() + "%";
        }
    }

    /** Both runs: {@code asWas} without the change, {@code changed} with it, each with the network it ran on. */
    public record Result(String change, LookupSession asWas, NetworkModel asWasNetwork, LookupSession changed,
                         NetworkModel changedNetwork) {
    }

    private final NetworkViewModel vm;
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private CompletableFuture<Result> future;
    private AtomicBoolean cancelled;
    private ExecutorService thread;

    WhatIf(NetworkViewModel vm) {
        this.vm = vm;
    }

    /** The latest result, or null. */
    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Whether a what-if runs in the background. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * Runs the inspected find_node again with {@code change} (in the background when
     * {@code background}); false, with a message, when there is no such lookup or the change is impossible.
     */
    public boolean run(Change change, boolean background) {
        vm.status().clearError();
        LookupSession s = vm.selection().selectedLookup();
        String why = check(s, change);
        if (why == null) {
            why = vm.rewind().cannotRewind();
        }
        if (why != null) {
            vm.status().error(why);
            return false;
        }
        SimJournal.Timeline timeline = vm.simulation().journal().timeline();
        int index = inputOf(timeline, s);
        if (index < 0) {
            vm.status().error("This lookup is not in the network's timeline (it was started before the timeline began).");
            return false;
        }
        NetworkBuilder.Job base = vm.builder().recipe();
        String what = change.describe(vm.keySpace());
        cancel();
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        CompletableFuture<Result> f;
        if (background) {
            if (thread == null) {
                thread = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "kadlab-what-if");
                    t.setDaemon(true);
                    return t;
                });
            }
            f = CompletableFuture.supplyAsync(() -> compute(base, timeline, index, s, change, what, stop), thread);
        } else {
            f = CompletableFuture.completedFuture(compute(base, timeline, index, s, change, what, stop));
        }
        future = f;
        running.set(true);
        vm.status().caption("What if " + what + "? Running " + s.title(vm.keySpace()) + " again on two copies of the"
                + " network from the moment it started\u2026");
        poll();
        return true;
    }

    /** Publishes a finished what-if; returns whether it did. Called each frame. */
    public boolean poll() {
        CompletableFuture<Result> f = future;
        if (f == null || !f.isDone()) {
            return false;
        }
        future = null;
        running.set(false);
        try {
            Result r = f.join();
            result.set(r);
            vm.status().caption("What if " + r.change() + "? " + diff(r, vm.keySpace()));
        } catch (RuntimeException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            if (!(c instanceof java.util.concurrent.CancellationException)) {
                vm.status().error("What-if failed: " + c.getMessage());
            }
        }
        return true;
    }

    /** Stops a what-if under way. */
    public void cancel() {
        if (cancelled != null) {
            cancelled.set(true);
        }
        future = null;
        running.set(false);
    }

    /** Stops the background thread (the window closes). */
    void shutdown() {
        cancel();
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    /** The two runs compared in one line: hops, RPCs, time, exactness, who was missed. */
    public static String diff(Result r, org.kadlab.kad.KeySpace ks) {
        SimEvent.LookupFinished a = r.asWas().finished();
        SimEvent.LookupFinished b = r.changed().finished();
        if (a == null || b == null) {
            return "One of the runs did not finish within an hour of virtual time.";
        }
        return "hops " + a.hops() + " \u2192 " + b.hops() + ", RPCs " + a.rpcs() + " \u2192 " + b.rpcs() + ", time "
                + (a.time() - r.asWas().startedAt()) + " \u2192 " + (b.time() - r.changed().startedAt()) + " ms, exact "
                + yes(a.exact()) + " \u2192 " + yes(b.exact()) + ", missed " + missed(a, ks) + " \u2192 " + missed(b, ks) + ".";
    }

    private static String yes(Boolean b) {
        return Boolean.TRUE.equals(b) ? "yes" : "no";
    }

    private static String missed(SimEvent.LookupFinished f, org.kadlab.kad.KeySpace ks) {
        if (f.missed().isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (NodeId id : f.missed()) {
            sb.append(sb.length() == 0 ? "" : " ").append(IdText.brief(ks, id));
        }
        return sb.toString();
    }

    private String check(LookupSession s, Change change) {
        if (s == null || s.purpose() != LookupPurpose.FIND_NODE) {
            return "Inspect a find_node first: a what-if runs it again with one change.";
        }
        if (s.isFromEarlierNetwork()) {
            return "This lookup ran on an earlier network: run it again on this one first.";
        }
        if (change instanceof Alpha a && (a.alpha() < 1 || a.alpha() > 64)) {
            return "alpha: between 1 and 64, not " + a.alpha() + ".";
        }
        if (change instanceof Loss l && !(l.loss() >= 0 && l.loss() < 1)) {
            return "loss: at least 0% and below 100%.";
        }
        if (change instanceof Kill k && (k.node() == null || !vm.network().contains(k.node()))) {
            return "kill: no node has that id.";
        }
        if (change instanceof Kill k && k.node().equals(s.origin())) {
            return "kill: that is the lookup's own origin; pick another node.";
        }
        if (change instanceof Revive r && (r.node() == null || !vm.network().contains(r.node()))) {
            return "revive: no node has that id.";
        }
        return null;
    }

    /** The index of the input that started {@code s}: its find_node, from its origin, to its target, at its start. */
    private static int inputOf(SimJournal.Timeline t, LookupSession s) {
        List<SimJournal.Entry> in = t.inputs();
        for (int i = 0; i < in.size(); i++) {
            if (in.get(i).input() instanceof SimJournal.FindNode f && f.origin().equals(s.origin())
                    && f.target().equals(s.target()) && in.get(i).time() == s.startedAt()) {
                return i;
            }
        }
        return -1;
    }

    private static Result compute(NetworkBuilder.Job base, SimJournal.Timeline t, int index, LookupSession s, Change change,
                                  String what, AtomicBoolean stop) {
        Run asWas = runOnce(base, t, index, s, null, stop);
        Run changed = runOnce(base, t, index, s, change, stop);
        return new Result(what, asWas.session, new SimulationNetwork(asWas.sim), changed.session,
                new SimulationNetwork(changed.sim));
    }

    private record Run(Simulation sim, LookupSession session) {
    }

    /** Rebuilds the network just before the lookup's input, makes the change, starts it again and runs it to its end. */
    private static Run runOnce(NetworkBuilder.Job base, SimJournal.Timeline t, int index, LookupSession s, Change change,
                               AtomicBoolean stop) {
        Simulation sim;
        try {
            sim = base.run(new AtomicInteger(), stop).sim();
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        SimJournal.Entry input = t.inputs().get(index);
        SimJournal.rebuild(t, sim, input.step(), index, (i, op) -> { }, x -> { }, stop::get);
        SimNode origin = sim.node(s.origin());
        SimJournal.FindNode f = (SimJournal.FindNode) input.input();
        if (change instanceof Kill k) {
            SimNode n = sim.node(k.node());
            if (n.isAlive()) {
                sim.kill(n);
            }
        } else if (change instanceof Revive r) {
            SimNode n = sim.node(r.node());
            if (!n.isAlive()) {
                sim.revive(n);
            }
        } else if (change instanceof Loss l) {
            sim.setLoss(l.loss());
        }
        int alpha = change instanceof Alpha a ? a.alpha() : f.mode() != null ? f.alpha() : sim.config().kad().alpha();
        LookupMode mode = change instanceof Mode m ? m.mode() : f.mode() != null ? f.mode() : sim.config().kad().lookupMode();
        LookupSession session = new LookupSession(s.origin(), s.target(), sim.now());
        session.ranUnder("alpha " + alpha + ", " + mode.name().toLowerCase(Locale.ROOT) + ", loss "
                + java.math.BigDecimal.valueOf(sim.loss() * 100).stripTrailingZeros().toPlainString() + "%");
        sim.addListener(e -> {
            if (e instanceof SimEvent.LookupFinished fin && fin.lookup() == session.simId()) {
                session.finish(fin);
            }
        });
        Operation op = sim.findNode(origin, s.target(), alpha, mode);
        if (op.ranLookup()) {
            session.attach(op.lookup());
            session.started(op.lookupId());
        }
        op.future().whenComplete(session::completed);
        sim.awaitOperation(op, origin, stop::get);
        return new Run(sim, session);
    }
}
