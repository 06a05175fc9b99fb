package org.kadlab.ui.model;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.HealthReport;
import org.kadlab.sim.Simulation;
import org.kadlab.sim.TableCapture;
import org.kadlab.sim.TableHealth;

/**
 * The routing-table health behind the Health tab: the window's network judged against its ground
 * truth by {@link TableHealth}, kept up to date without holding up a frame.
 *
 * <ol>
 *   <li>{@link #update()} (the view calls it several times a second while it is shown) copies the
 *       tables on the FX thread ({@link TableCapture}: arrays only, a slice of a few ms per call) when
 *       the network may have changed since the last copy (another network, events run, a node added,
 *       killed or revived), and judges the copy on one background thread; one judgement runs at a
 *       time.</li>
 *   <li>{@link #poll()} takes a finished judgement and publishes it as {@link #reportProperty()}.</li>
 *   <li>{@link #buckets(NodeId)} judges one node's buckets from the same copy, on the caller's thread.</li>
 * </ol>
 */
public final class TableHealthModel {
    private final NetworkViewModel vm;
    private final ReadOnlyObjectWrapper<HealthReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private ExecutorService thread;
    private Future<Judged> pending;
    private Judged shown;
    private Signature last;
    private TableCapture.Copier copier;
    private Signature copying;
    /** Most real time one call of {@link #update()} spends copying tables. */
    static final long SLICE_NANOS = 4_000_000L;

    private record Judged(Simulation sim, TableCapture capture, HealthReport report) {
    }

    /** What says the tables may have changed: another network, more steps run, membership changed. */
    private record Signature(Simulation sim, long steps, int nodes, int live, long membership) {
        boolean sameMembership(Signature o) {
            return sim == o.sim && nodes == o.nodes && live == o.live && membership == o.membership;
        }
    }

    public TableHealthModel(NetworkViewModel vm) {
        this.vm = vm;
    }

    /** The latest judgement, or null before the first one finished. */
    public ReadOnlyObjectProperty<HealthReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public HealthReport report() {
        return report.get();
    }

    /** Whether a judgement is running in the background. */
    public boolean isBusy() {
        return pending != null && !pending.isDone();
    }

    /**
     * Copies the tables (a slice of at most {@link #SLICE_NANOS} per call; a large network takes a few
     * calls) and, once copied, starts judging them in the background, unless nothing changed since the
     * last copy or a judgement is still running; returns whether a judgement started (FX thread).
     */
    public boolean update() {
        Simulation sim = vm.simulation();
        if (sim == null || isBusy()) {
            return false;
        }
        Signature now = signature(sim);
        if (copier == null) {
            if (now.equals(last)) {
                return false;
            }
            copier = TableCapture.copier(sim);
            copying = now;
        } else if (!copying.sameMembership(now)) {
            copier = TableCapture.copier(sim); // nodes came or went meanwhile: start over
            copying = now;
        }
        if (!copier.copy(SLICE_NANOS)) {
            return false;
        }
        TableCapture capture = copier.result();
        copier = null;
        last = copying;
        if (thread == null) {
            // one thread at most, gone after a few idle seconds
            thread = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "kadlab-table-health");
                t.setDaemon(true);
                return t;
            });
        }
        pending = thread.submit(() -> new Judged(sim, capture, TableHealth.analyze(capture)));
        return true;
    }

    private Signature signature(Simulation sim) {
        return new Signature(sim, sim.stats().events(), sim.nodes().size(), sim.liveCount(), vm.membershipVersion());
    }

    /** Publishes a finished judgement, if one is ready and still about the window's network; returns whether it did. */
    public boolean poll() {
        if (pending == null || !pending.isDone()) {
            return false;
        }
        Future<Judged> done = pending;
        pending = null;
        try {
            Judged j = done.get();
            if (j.sim() != vm.simulation()) {
                last = null; // about a network that was replaced meanwhile: judge the new one next time
                return false;
            }
            shown = j;
            report.set(j.report());
            return true;
        } catch (ExecutionException e) {
            vm.status().showError("Could not judge the routing tables: " + e.getCause());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Copies the tables at once, judges them and waits (at most {@code ms}) for the judgement to be published; for tests. */
    public boolean updateAndWait(long ms) {
        for (int i = 0; i < 10_000 && copier != null || i == 0; i++) {
            update();
        }
        if (pending == null) {
            return report.get() != null;
        }
        try {
            pending.get(ms, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            // reported by poll
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return poll();
    }

    /** The buckets of {@code node} as of the latest judgement, by index; empty before one or for an unknown node. */
    public List<HealthReport.BucketHealth> buckets(NodeId node) {
        return shown == null || node == null ? List.of() : TableHealth.buckets(shown.capture(), node);
    }

    /** Stops the background thread. */
    public void shutdown() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }
}
