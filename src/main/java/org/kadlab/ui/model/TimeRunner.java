package org.kadlab.ui.model;

import java.util.Locale;
import org.kadlab.sim.Simulation;
import org.kadlab.sim.scenario.Scenario;

/**
 * Lets hours of virtual time pass without freezing the window ("Run for" 1 min .. 1 day): each frame
 * the simulation runs its due actions for at most {@link FrameJob#SLICE_NANOS} of real time, so refresh,
 * pings, republishing, expiry and healing after a crash all play out, with progress in the
 * builder's bar. It can be stopped; the time that passed stays passed. The time that passed is
 * recorded for the saved scenario as one {@code advance} step, split only where the user did
 * something else in between.
 */
final class TimeRunner extends FrameJob {
    private long from;
    private long to;
    private long recordedTo;
    private Scenario.Advance recorded;

    TimeRunner(NetworkViewModel vm) {
        super(vm);
    }

    /** Starts letting {@code ms} of virtual time pass on the current network. */
    void start(long ms) {
        sim = vm.simulation();
        from = sim.now();
        to = from + ms;
        recordedTo = from;
        recorded = null;
        vm.builder().showProgress("running " + span(ms), true, 0);
        vm.status().caption("Running " + span(ms) + " of virtual time: refresh, pings, republishing and expiry play out\u2026");
    }

    @Override
    void runSlice(Simulation s, long start) {
        boolean[] reached = {false};
        vm.settle(() -> reached[0] = s.runUntil(to, () -> System.nanoTime() - start > SLICE_NANOS));
        record(s.now());
        vm.builder().showProgress("running " + span(to - from), true, (s.now() - from) / (double) (to - from));
        vm.membershipChanged();
        vm.tableChanged();
        if (reached[0]) {
            end("Ran " + span(to - from) + " of virtual time: " + s.liveCount() + " of " + s.nodes().size()
                    + " nodes live; their tables were refreshed and their records republished as they fell due.");
        }
    }

    /** Records the time passed up to {@code now} into this run's own step, or a new one after another step. */
    private void record(long now) {
        long passed = now - recordedTo;
        if (passed <= 0) {
            return;
        }
        Scenario.Advance next = new Scenario.Advance(0, (recorded == null ? 0 : recorded.ms()) + passed);
        if (recorded == null || !vm.recorder().replaceLast(recorded, next)) {
            next = new Scenario.Advance(0, passed);
            vm.recorder().record(next);
        }
        recorded = next;
        recordedTo = now;
    }

    /** Stops the run; the virtual time that passed stays passed. */
    void cancel() {
        if (sim != null && sim == vm.simulation()) {
            end("Stopped after " + span(sim.now() - from) + " of the " + span(to - from) + " of virtual time.");
        }
        sim = null;
    }

    private void end(String caption) {
        sim = null;
        vm.builder().showProgress("running", false, 1);
        vm.status().caption(caption);
    }

    /** Virtual time as a clock: {@code 7:05} (minutes and seconds) or {@code 1:02:05} (with hours). */
    static String clock(long ms) {
        long s = Math.floorDiv(ms, 1000);
        long h = s / 3600;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** "90 s", "10 min", "1 h", "1 d": the largest unit that keeps it readable. */
    static String span(long ms) {
        if (ms >= 86_400_000L && ms % 3_600_000L == 0) {
            return ms % 86_400_000L == 0 ? ms / 86_400_000L + " d" : ms / 3_600_000L + " h";
        }
        if (ms >= 3_600_000L) {
            return String.format(Locale.ROOT, "%.1f h", ms / 3_600_000.0).replace(".0 h", " h");
        }
        if (ms >= 60_000L) {
            return String.format(Locale.ROOT, "%.1f min", ms / 60_000.0).replace(".0 min", " min");
        }
        return String.format(Locale.ROOT, "%.1f s", ms / 1_000.0).replace(".0 s", " s");
    }
}
