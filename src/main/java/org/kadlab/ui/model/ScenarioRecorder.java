package org.kadlab.ui.model;

import java.util.ArrayDeque;
import java.util.List;
import org.kadlab.sim.scenario.Scenario;
import org.kadlab.sim.scenario.ScenarioWriter;

/**
 * Remembers what the user did to the network as typed scenario steps, so that the saved scenario
 * (written by {@link ScenarioWriter}, read back by the headless runner's reader) rebuilds it from its
 * seed: at most {@link #MAX_RECORDED_STEPS} steps, the oldest forgotten first; consecutive adds
 * merge into one when the merged step adds in the same order (random after random, anything after
 * given ids). Nodes added with a given id are recorded with it ({@code add: {ids: [...]}}). Targets are recorded as the ids they became, never as "random".
 */
public final class ScenarioRecorder {
    /** Most user steps remembered for the saved scenario. */
    public static final int MAX_RECORDED_STEPS = 5_000;
    /** The comment a saved scenario opens with. */
    static final String COMMENT = "KadLab network, saved from the desktop app. Run it: java -jar kadlab.jar run this.yaml";
    /** Most notes on what the saved scenario leaves out. */
    static final int MAX_LEFT_OUT = 20;
    private final ArrayDeque<Scenario.Step> recorded = new ArrayDeque<>();
    private final ArrayDeque<String> leftOut = new ArrayDeque<>();
    private final NetworkViewModel vm;

    ScenarioRecorder(NetworkViewModel vm) {
        this.vm = vm;
    }

    /** The steps that rebuild this network, oldest first. */
    public List<Scenario.Step> recordedSteps() {
        return List.copyOf(recorded);
    }

    /** The scenario that rebuilds this network from its seed. */
    public Scenario scenario() {
        return new Scenario("window", vm.builder().config(), recordedSteps());
    }

    /**
     * The scenario (YAML) that rebuilds this network from its seed; its comment names what it leaves
     * out (see {@link #leftOut()}).
     */
    public String scenarioText() {
        if (leftOut.isEmpty()) {
            return ScenarioWriter.toYaml(scenario(), COMMENT);
        }
        StringBuilder c = new StringBuilder(COMMENT).append("\nLeft out: no scenario step runs churn or a workload in the"
                + " background, so from the first of these on a replay differs:");
        for (String s : leftOut) {
            c.append("\n  - ").append(s);
        }
        return ScenarioWriter.toYaml(scenario(), c.toString());
    }

    /** What the window did that no scenario step can say (churn, a workload started in the background), oldest first. */
    public java.util.List<String> leftOut() {
        return List.copyOf(leftOut);
    }

    /** Notes {@code what} as done in the window but left out of the saved scenario (the last {@link #MAX_LEFT_OUT}). */
    void leaveOut(String what) {
        if (leftOut.size() == MAX_LEFT_OUT) {
            leftOut.pollFirst();
        }
        leftOut.addLast(what);
    }

    void record(Scenario.Step step) {
        if (step instanceof Scenario.Add more && recorded.peekLast() instanceof Scenario.Add before
                && (before.ids().isEmpty() && more.ids().isEmpty() || before.ids().size() == before.count())) {
            // random after random, or anything after ids only: the merged step adds in the same order
            recorded.pollLast();
            List<String> ids = new java.util.ArrayList<>(before.ids());
            ids.addAll(more.ids());
            step = new Scenario.Add(0, before.count() + more.count(), ids);
        }
        if (recorded.size() >= MAX_RECORDED_STEPS) {
            recorded.pollFirst();
        }
        recorded.addLast(step);
    }

    /**
     * Replaces the last recorded step with {@code next} if the last one is {@code last} itself (no
     * other step was recorded since); returns whether it did.
     */
    boolean replaceLast(Scenario.Step last, Scenario.Step next) {
        if (recorded.peekLast() != last) {
            return false;
        }
        recorded.pollLast();
        recorded.addLast(next);
        return true;
    }

    /** Starts over with {@code steps}. */
    void replace(List<Scenario.Step> steps) {
        recorded.clear();
        leftOut.clear();
        for (Scenario.Step s : steps) {
            record(s);
        }
    }
}
