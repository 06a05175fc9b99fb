package org.kadlab.ui.model;

import java.util.Locale;
import org.kadlab.sim.Operation;
import org.kadlab.sim.OperationRecord;
import org.kadlab.sim.SimNode;
import org.kadlab.sim.Simulation;
import org.kadlab.sim.scenario.Scenario;

/**
 * Runs many find_node lookups without freezing the window ("Run 100 lookups").
 *
 * <ol>
 *   <li>Each lookup starts at a live node and looks for a random id, both drawn from the simulation's
 *       seeded random source in the order the headless runner's {@code lookups: N} step draws them,
 *       and the network settles before the next one starts, as it does there. So the saved scenario
 *       records the batch as {@code lookups: N} and replays the very same lookups.</li>
 *   <li>Each frame runs lookups for at most {@link FrameJob#SLICE_NANOS}, muted: the event log and the charts
 *       see every event and every result, the ring does not replay them. The progress shows in the
 *       builder's bar, and Stop ends the batch; the lookups that ran stay run and recorded.</li>
 *   <li>What ran is recorded slice by slice into one {@code lookups} step, split only where the user
 *       did something else in between.</li>
 * </ol>
 */
final class LookupBatch extends FrameJob {
    private int total;
    private int done;
    private int exact;
    private double recallSum;
    private int judged;
    private Scenario.Lookups recorded;

    LookupBatch(NetworkViewModel vm) {
        super(vm);
    }

    /** How many lookups are still to run. */
    int remaining() {
        return sim == null ? 0 : total - done;
    }

    /** Starts {@code n} lookups on the current network (more for a batch under way). */
    void start(int n) {
        if (sim == vm.simulation()) {
            total += n;
            return;
        }
        sim = vm.simulation();
        total = n;
        done = 0;
        exact = 0;
        recallSum = 0;
        judged = 0;
        recorded = null;
        vm.builder().showProgress(label(), true, 0);
        vm.status().caption("Running " + n + " find_node lookups from random live nodes to random targets\u2026");
    }

    @Override
    void runSlice(Simulation s, long start) {
        int before = done;
        boolean[] nobody = {false};
        vm.settle(() -> {
            if (done == 0) {
                s.awaitIdle(() -> false); // as after the runner's previous step: the batch starts on a settled network
            }
            while (done < total && System.nanoTime() - start < SLICE_NANOS) {
                SimNode from = s.randomLive();
                if (from == null) {
                    nobody[0] = true;
                    return;
                }
                Operation op = s.findNode(from, s.randomId());
                s.awaitOperation(op, from, () -> false); // as the runner's lookups step waits for each
                count(op.future().getNow(null));
                done++;
            }
            if (done == total) {
                s.awaitIdle(() -> false); // and then for the network to settle
            }
        });
        if (done > before) {
            record(done - before);
        }
        vm.builder().showProgress(label(), true, done / (double) total);
        vm.membershipChanged(); // pings and evictions on the way change tables anywhere
        vm.tableChanged();
        if (nobody[0]) {
            end("No live node is left to start a lookup from: " + done + " of " + total + " lookups ran. " + result());
        } else if (done == total) {
            end("Ran " + total + " find_node lookups from random live nodes to random targets: " + result());
        }
    }

    /** Stops the batch; the lookups that ran stay run and recorded. */
    void cancel() {
        if (sim != null && sim == vm.simulation()) {
            Simulation s = sim;
            vm.settle(() -> s.awaitIdle(() -> false)); // the recorded lookups step ends so too
            end("Stopped after " + done + " of " + total + " lookups: " + result());
        }
        sim = null;
    }

    private void count(OperationRecord r) {
        if (r == null) {
            return;
        }
        judged++;
        recallSum += r.recall();
        if (r.exact()) {
            exact++;
        }
    }

    /** Records what ran into the batch's own step, or a new one when the user did something in between. */
    private void record(int more) {
        Scenario.Lookups next = new Scenario.Lookups(0, (recorded == null ? 0 : recorded.count()) + more);
        if (recorded == null || !vm.recorder().replaceLast(recorded, next)) {
            next = new Scenario.Lookups(0, more);
            vm.recorder().record(next);
        }
        recorded = next;
    }

    private String result() {
        if (judged == 0) {
            return "none was judged.";
        }
        return String.format(Locale.ROOT, "%d of %d exact, mean recall %.1f%%.", exact, judged, 100 * recallSum / judged);
    }

    private String label() {
        return total + " lookups";
    }

    private void end(String caption) {
        sim = null;
        vm.builder().showProgress("lookups", false, 1);
        vm.status().caption(caption);
    }
}
