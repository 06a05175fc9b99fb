package org.kadlab.ui.model;

import org.kadlab.sim.Simulation;

/**
 * Long work the window does a slice per frame (adding nodes, a batch of lookups, running virtual
 * time) on the network it started on: each slice spends at most {@link #SLICE_NANOS} of real time,
 * and the job ends by itself if a new network replaced that one.
 */
abstract class FrameJob {
    /** Most real time one frame spends on the job. */
    static final long SLICE_NANOS = 12_000_000L;
    final NetworkViewModel vm;
    /** The network the job runs on, or null when it is not running. */
    Simulation sim;

    FrameJob(NetworkViewModel vm) {
        this.vm = vm;
    }

    /** Whether the job is under way. */
    boolean isRunning() {
        return sim != null;
    }

    /** Runs one frame's slice; returns whether anything changed. */
    final boolean slice() {
        if (sim == null) {
            return false;
        }
        if (sim != vm.simulation()) {
            sim = null; // a new network replaced the one the job ran on
            return false;
        }
        runSlice(sim, System.nanoTime());
        return true;
    }

    /** Does this frame's share of the work on {@code s}, started at {@code startNanos} (System.nanoTime). */
    abstract void runSlice(Simulation s, long startNanos);
}
