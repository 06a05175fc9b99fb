package org.kadlab.ui.model;

import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.kadlab.sim.Background;
import org.kadlab.sim.SessionModel;
import org.kadlab.sim.Simulation;
import org.kadlab.sim.Workload;

/**
 * Churn and a background workload that play out as virtual time runs, started and stopped from the
 * window.
 *
 * <ol>
 *   <li>{@link #startChurn}: every live node gets a session length from a {@link SessionModel}
 *       (Weibull, Pareto, exponential) of the given mean and leaves when it ends; newcomers arrive so
 *       that the population stays about level. It runs for a while or until stopped. Starting,
 *       stopping and its end are marked on the {@link OutcomeTimeline}.</li>
 *   <li>{@link #startWorkload}: find_node lookups to random targets and find_values of the keys
 *       stored so far, each from a random live node, at the given rates per hour; they are judged
 *       and charted like the user's own.</li>
 *   <li>Both only schedule events: while either runs, Play lets virtual time pass even with nothing
 *       else under way, and Run for plays them out at full speed.</li>
 *   <li>The scenario format has no step that runs churn or a workload in the background (its
 *       {@code churn} step runs a whole period at once), so the saved scenario leaves them out and
 *       its comment says so.</li>
 *   <li>A new network stops both.</li>
 * </ol>
 */
public final class ChurnControl {
    /** Longest mean session accepted, in ms (a week). */
    public static final double MAX_MEAN_SESSION_MS = 7 * 86_400_000.0;
    private final NetworkViewModel vm;
    private final ReadOnlyBooleanWrapper churnRunning = new ReadOnlyBooleanWrapper(this, "churnRunning");
    private final ReadOnlyBooleanWrapper workloadRunning = new ReadOnlyBooleanWrapper(this, "workloadRunning");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private Simulation sim;
    private Background churn;
    private String churnText;
    private Workload workload;
    private String workloadText;
    private long refreshedAt = -1;

    ChurnControl(NetworkViewModel vm) {
        this.vm = vm;
    }

    /** Whether churn runs on the current network. */
    public ReadOnlyBooleanProperty churnRunningProperty() {
        return churnRunning.getReadOnlyProperty();
    }

    /** Whether a background workload runs on the current network. */
    public ReadOnlyBooleanProperty workloadRunningProperty() {
        return workloadRunning.getReadOnlyProperty();
    }

    /** One line on what runs and how the workload's queries did so far, or "" when nothing runs. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Whether churn or a workload runs: virtual time must pass while playing. */
    public boolean isRunning() {
        return churnRunning.get() || workloadRunning.get();
    }

    /**
     * Starts churn with sessions from {@code model} of mean {@code meanSessionMs} and {@code shape}
     * (Weibull, Pareto; ignored by the exponential), for {@code durationMs} of virtual time or
     * {@link Background#UNTIL_STOPPED}; churn under way is stopped first. Returns false, with a
     * message, for a mean or shape the model cannot use.
     */
    public boolean startChurn(SessionModel model, double meanSessionMs, double shape, long durationMs) {
        vm.status().clearError();
        if (!(meanSessionMs >= 1_000 && meanSessionMs <= MAX_MEAN_SESSION_MS)) {
            vm.status().error("mean session: between 1 s and 7 days, not " + TimeRunner.span((long) meanSessionMs) + ".");
            return false;
        }
        if (durationMs < 1) {
            vm.status().error("churn: run it for a while or until stopped.");
            return false;
        }
        try {
            model.validate(meanSessionMs, shape);
        } catch (IllegalArgumentException e) {
            vm.status().error(e.getMessage());
            return false;
        }
        follow();
        if (churn != null && churn.running()) {
            stopChurn();
        }
        long now = sim.now();
        churn = sim.startChurn(model, meanSessionMs, shape, durationMs);
        String mean = TimeRunner.span((long) meanSessionMs);
        churnText = model + " sessions of mean " + mean + (model == SessionModel.EXPONENTIAL ? "" : ", shape " + number(shape))
                + (churn.endsAt() == Background.UNTIL_STOPPED ? "" : " for " + TimeRunner.span(durationMs));
        churnRunning.set(true);
        vm.timeline().mark(now, OutcomeTimeline.MarkerKind.CHURN_START, "churn " + model + " " + mean);
        vm.recorder().leaveOut("churn (" + churnText + ") from " + TimeRunner.clock(now));
        vm.status().caption("Churn: " + churnText + ". Nodes leave as their sessions end and newcomers join, as virtual "
                + "time runs: press Play or Run for.");
        refresh();
        vm.bump();
        return true;
    }

    /** Stops the churn under way: no more departures or arrivals. */
    public void stopChurn() {
        if (churn == null || !churn.running()) {
            return;
        }
        churn.stop();
        churnRunning.set(false);
        vm.timeline().mark(sim.now(), OutcomeTimeline.MarkerKind.CHURN_STOP, "churn off");
        vm.status().caption("Churn stopped: nobody leaves or joins any more; the nodes that left stay down.");
        refresh();
        vm.bump();
    }

    /**
     * Starts a workload of {@code lookupsPerHour} find_nodes and {@code findValuesPerHour} find_values
     * (of keys stored earlier) per hour of virtual time, for {@code durationMs} or
     * {@link Background#UNTIL_STOPPED}; a workload under way is stopped first. Returns false, with a
     * message, for rates out of range or none at all.
     */
    public boolean startWorkload(double lookupsPerHour, double findValuesPerHour, long durationMs) {
        vm.status().clearError();
        for (double rate : new double[] {lookupsPerHour, findValuesPerHour}) {
            if (!(rate >= 0 && rate <= Workload.MAX_PER_HOUR)) {
                vm.status().error("workload: between 0 and " + (long) Workload.MAX_PER_HOUR + " queries per hour, not "
                        + number(rate) + ".");
                return false;
            }
        }
        if (lookupsPerHour + findValuesPerHour == 0) {
            vm.status().error("workload: ask for some lookups or find_values per hour.");
            return false;
        }
        if (durationMs < 1) {
            vm.status().error("workload: run it for a while or until stopped.");
            return false;
        }
        follow();
        if (workload != null && workload.running()) {
            workload.stop();
        }
        workload = sim.startWorkload(lookupsPerHour, findValuesPerHour, durationMs);
        workloadText = number(lookupsPerHour) + " lookups and " + number(findValuesPerHour) + " find_values an hour"
                + (workload.endsAt() == Background.UNTIL_STOPPED ? "" : " for " + TimeRunner.span(durationMs));
        workloadRunning.set(true);
        vm.recorder().leaveOut("a workload of " + workloadText + " from " + TimeRunner.clock(sim.now()));
        vm.status().caption("Workload: " + workloadText + " from random live nodes" + (findValuesPerHour > 0
                && sim.storedKeys().isEmpty() ? " (find_values ask for stored keys: store one first)" : "")
                + "; each is judged and charted. Press Play or Run for.");
        refresh();
        vm.bump();
        return true;
    }

    /** Stops the workload under way (queries already sent still finish). */
    public void stopWorkload() {
        if (workload == null || !workload.running()) {
            return;
        }
        workload.stop();
        workloadRunning.set(false);
        vm.status().caption("Workload stopped: " + tallyText() + ".");
        refresh();
        vm.bump();
    }

    /** Notices a churn or workload that reached its end and brings the summary up to date; each frame. */
    void poll() {
        if (sim != vm.simulation()) {
            return;
        }
        if (churnRunning.get() && !churn.running()) {
            churnRunning.set(false);
            vm.timeline().mark(churn.endsAt(), OutcomeTimeline.MarkerKind.CHURN_STOP, "churn ended");
        }
        if (workloadRunning.get() && !workload.running()) {
            workloadRunning.set(false);
        }
        if (sim.now() != refreshedAt) {
            refresh(); // the summary counts what happened by now
        }
    }

    /** Stops both and forgets them (a new network replaces the one they ran on). */
    void reset() {
        if (churn != null) {
            churn.stop();
        }
        if (workload != null) {
            workload.stop();
        }
        churn = null;
        workload = null;
        sim = vm.simulation();
        churnRunning.set(false);
        workloadRunning.set(false);
        summary.set("");
    }

    private void follow() {
        if (sim != vm.simulation()) {
            reset();
        }
    }

    private void refresh() {
        refreshedAt = sim == null ? -1 : sim.now();
        StringBuilder sb = new StringBuilder();
        if (churnRunning.get()) {
            sb.append("churn: ").append(churnText).append(" \u00b7 ").append(sim.liveCount()).append(" of ")
                    .append(sim.nodes().size()).append(" live");
        }
        if (workload != null) {
            if (sb.length() > 0) {
                sb.append(" \u00b7 ");
            }
            sb.append(workloadRunning.get() ? "workload: " : "workload (stopped): ").append(tallyText());
        }
        String next = sb.toString();
        if (!next.equals(summary.get())) {
            summary.set(next);
        }
    }

    private String tallyText() {
        Workload.Tally t = workload.tally();
        StringBuilder sb = new StringBuilder();
        sb.append(t.lookups()).append(t.lookups() == 1 ? " lookup" : " lookups");
        if (t.lookups() > 0) {
            sb.append(String.format(Locale.ROOT, " (%.0f%% exact, recall %.1f%%)", 100 * t.exactShare(), 100 * t.meanRecall()));
        }
        sb.append(", ").append(t.findValues()).append(" find_values");
        if (t.findValues() > 0) {
            sb.append(String.format(Locale.ROOT, " (%.0f%% found)", 100 * t.foundShare()));
        }
        if (workload.skipped() > 0) {
            sb.append(", ").append(workload.skipped()).append(" skipped (no live node or no stored key)");
        }
        return sb.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
