package org.kadlab.ui.model;

import java.util.ArrayDeque;
import java.util.List;
import org.kadlab.sim.scenario.Scenario;
import org.kadlab.sim.scenario.ScenarioWriter;

/**
 * Remembers what the user did to the network as typed scenario steps, so that the saved scenario
 * (written by {@link ScenarioWriter}, read back by the headless runner's reader) rebuilds it from its
 * seed: at most {@link #MAX_RECORDED_STEPS} steps, the oldest forgotten first; consecutive adds
 * merge into one. Targets are recorded as the ids they became, never as "random".
 */
public final class ScenarioRecorder {
    /** Most user steps remembered for the saved scenario. */
    public static final int MAX_RECORDED_STEPS = 5_000;
    /** The comment a saved scenario opens with. */
    static final String COMMENT = "KadLab network, saved from the desktop app. Run it: java -jar kadlab.jar run this.yaml";
    private final ArrayDeque<Scenario.Step> recorded = new ArrayDeque<>();
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

    /** The scenario (YAML) that rebuilds this network from its seed. */
    public String scenarioText() {
        return ScenarioWriter.toYaml(scenario(), COMMENT);
    }

    void record(Scenario.Step step) {
        if (step instanceof Scenario.Add more && recorded.peekLast() instanceof Scenario.Add before) {
            recorded.pollLast();
            step = new Scenario.Add(0, before.count() + more.count());
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
        for (Scenario.Step s : steps) {
            record(s);
        }
    }
}
