package org.kadlab.ui.model;

import org.kadlab.sim.Simulation;
import org.kadlab.sim.scenario.Scenario;

/**
 * Adds many nodes without freezing the window: each frame, nodes join one at a time (each through
 * a random live node, the network settling in between) for at most {@link FrameJob#SLICE_NANOS} of the
 * frame, and the progress shows in the builder's progress bar. What joined is recorded for the saved
 * scenario slice by slice, in order with the user's other steps; it can be cancelled, and what joined
 * by then stays.
 */
final class NodeAdder extends FrameJob {
    private int total;
    private int done;

    NodeAdder(NetworkViewModel vm) {
        super(vm);
    }

    /** How many nodes are still to join. */
    int remaining() {
        return sim == null ? 0 : total - done;
    }

    /** Starts adding {@code n} nodes to the current network. */
    void start(int n) {
        if (sim == vm.simulation()) {
            total += n; // more for the run under way
            return;
        }
        sim = vm.simulation();
        total = n;
        done = 0;
        vm.builder().showProgress("adding nodes", true, 0);
        vm.status().caption("Adding " + n + " nodes: each joins through a random live node, one at a time\u2026");
    }

    @Override
    void runSlice(Simulation s, long start) {
        int before = done;
        vm.settle(() -> {
            while (done < total && System.nanoTime() - start < SLICE_NANOS) {
                s.awaitJoin(s.addNode(), () -> false); // as a scenario's add step does
                done++;
            }
            if (done == total) {
                s.awaitIdle(() -> false); // the recorded add step ends so too
            }
        });
        if (done > before) {
            vm.recorder().record(new Scenario.Add(0, done - before)); // in the order it happened, between the user's other steps
        }
        vm.builder().showProgress("adding nodes", true, done / (double) total);
        if (done == total) {
            end("Added " + total + " nodes; each joined through a random live node, looked up its own id and refreshed its buckets.");
        }
        vm.membershipChanged();
    }

    /** Stops adding; the nodes that joined stay. */
    void cancel() {
        if (sim != null && sim == vm.simulation()) {
            Simulation s = sim;
            vm.settle(() -> s.awaitIdle(() -> false)); // the recorded add step ends so too
            end("Stopped adding: " + done + " of " + total + " nodes joined.");
        }
        sim = null;
    }

    private void end(String caption) {
        if (vm.selection().selectedNode() == null && !sim.nodes().isEmpty()) {
            vm.selection().selectQuietly(sim.nodes().get(0).id());
        }
        sim = null;
        vm.builder().showProgress("adding nodes", false, 1);
        vm.status().caption(caption);
    }
}
