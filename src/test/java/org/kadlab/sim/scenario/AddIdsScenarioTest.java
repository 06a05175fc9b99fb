package org.kadlab.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimConfig;
import org.kadlab.sim.Simulation;

/** The add step's optional ids: written, read back, checked, and run as the nodes' ids. */
class AddIdsScenarioTest {
    private static SimConfig config() {
        return SimConfig.defaults().withSeed(5).withKad(KadConfig.builder().bits(16).k(4).alpha(3).build());
    }

    private static ScenarioException failure(String yaml) {
        return catchThrowableOfType(ScenarioException.class, () -> ScenarioReader.parse(yaml, "ids.yaml"));
    }

    @Test
    void anAddWithIdsSurvivesAWriteAndARead() throws ScenarioException {
        Scenario s = new Scenario("x.yaml", config(), List.of(new Scenario.Add(1, 6),
                new Scenario.Add(2, 2, List.of("00ff", "0b1111000011110000")), new Scenario.Add(3, 5, List.of("7f3a"))));
        String text = ScenarioWriter.toYaml(s);
        Scenario back = ScenarioReader.parse(text, "x.yaml");
        assertThat(back.stepsWithoutLines()).as(text).isEqualTo(s.stepsWithoutLines());
        assertThat(text).as("a plain add stays a number").contains("add: 6");
    }

    @Test
    void theRunnerGivesTheListedIdsToTheFirstNodesOfTheStep() throws ScenarioException {
        Scenario s = ScenarioReader.parse("bits: 16\nk: 4\nsteps:\n  - add: 3\n  - add: {ids: [\"beef\", \"0x0001\"], count: 4}\n",
                "ids.yaml");
        Simulation sim = new Simulation(s.config());
        new ScenarioRunner(s, sim).run();
        assertThat(sim.nodes()).hasSize(7);
        assertThat(sim.nodes().get(3).id()).isEqualTo(NodeId.of(0xbeef));
        assertThat(sim.nodes().get(4).id()).isEqualTo(NodeId.of(1));
        assertThat(sim.nodes().get(3).kad().routingTable().size()).as("the listed node joined").isPositive();
    }

    @Test
    void anIdTakenWhenTheStepRunsStopsTheRunAtItsLine() throws ScenarioException {
        Scenario s = ScenarioReader.parse("bits: 16\nk: 4\nsteps:\n  - add: {ids: [\"beef\"]}\n  - add: {ids: [\"beef\"]}\n", "ids.yaml");
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> new ScenarioRunner(s, new Simulation(s.config())).run());
        assertThat(e.getMessage()).contains("ids.yaml").contains("ids.yaml:5:").contains("add.ids").contains("beef exists already");
    }

    @Test
    void theReaderNamesTheLineAndTheFieldOfABadId() {
        assertThat(failure("bits: 16\nsteps:\n  - add: {ids: [\"12345\"]}\n").getMessage())
                .contains("ids.yaml:3:").contains("add.ids").contains("has 5 hex digits");
        assertThat(failure("bits: 8\nsteps:\n  - add: {ids: [\"1ff\"]}\n").getMessage())
                .contains("add.ids").contains("3 hex digits");
        assertThat(failure("bits: 16\nsteps:\n  - add: {ids: [\"00zz\"]}\n").getMessage())
                .contains("add.ids").contains("'z' at position 3");
        assertThat(failure("bits: 16\nsteps:\n  - add:\n      ids:\n        - \"00ff\"\n        - \"ff\"\n").getMessage())
                .contains("ids.yaml:6:").contains("add.ids").contains("00ff is listed twice");
    }

    @Test
    void theReaderRefusesAMappingWithoutIdsOrWithTooSmallACount() {
        assertThat(failure("steps:\n  - add: {count: 3}\n").getMessage()).contains("add.ids").contains("is required");
        assertThat(failure("steps:\n  - add: {ids: []}\n").getMessage()).contains("add.ids").contains("one or more ids");
        assertThat(failure("bits: 16\nsteps:\n  - add: {ids: [\"0001\", \"0002\"], count: 1}\n").getMessage())
                .contains("add.count").contains("at least the number of ids (2)");
        assertThat(failure("steps:\n  - add: {ids: [\"01\"], nodes: 3}\n").getMessage()).contains("add.nodes").contains("unknown field");
    }
}
