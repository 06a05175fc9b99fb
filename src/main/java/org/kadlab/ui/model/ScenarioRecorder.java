package org.kadlab.ui.model;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Remembers what the user did to the network, as scenario steps, so that the saved scenario
 * rebuilds it from its seed: at most {@link #MAX_RECORDED_STEPS} steps, the oldest forgotten first;
 * consecutive adds merge into one.
 */
public final class ScenarioRecorder {
    /** Most user steps remembered for the saved scenario. */
    public static final int MAX_RECORDED_STEPS = 5_000;
    private final ArrayDeque<String> recorded = new ArrayDeque<>();
    private final NetworkViewModel vm;

    ScenarioRecorder(NetworkViewModel vm) {
        this.vm = vm;
    }

    /** The steps that rebuild this network, oldest first. */
    public List<String> recordedSteps() {
        return List.copyOf(recorded);
    }

    /** The scenario (YAML) that rebuilds this network from its seed. */
    public String scenarioText() {
        return ScenarioText.write(vm.builder().settingsProperty().get(), recordedSteps());
    }

    void record(String step) {
        if (step.startsWith("- add: ") && !recorded.isEmpty() && recorded.peekLast().startsWith("- add: ")) {
            int before = Integer.parseInt(recorded.pollLast().substring("- add: ".length()));
            int more = Integer.parseInt(step.substring("- add: ".length()));
            step = ScenarioText.add(before + more);
        }
        if (recorded.size() >= MAX_RECORDED_STEPS) {
            recorded.pollFirst();
        }
        recorded.addLast(step);
    }

    /** Starts over with {@code steps}. */
    void replace(List<String> steps) {
        recorded.clear();
        for (String s : steps) {
            record(s);
        }
    }
}
