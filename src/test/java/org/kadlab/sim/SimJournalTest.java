package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.LookupMode;

/** The journal of inputs rebuilds the simulation exactly at any earlier step, and plays the recorded future on. */
class SimJournalTest {
    private static final int NODES = 30;

    private static SimConfig config() {
        return SimConfig.defaults().withSeed(5).withLoss(0.02)
                .withKad(KadConfig.builder().bits(16).k(4).alpha(3).build());
    }

    /** The same start every rebuild begins from: the network built from the seed, then the journal started. */
    private static Simulation start() {
        Simulation sim = new Simulation(config());
        for (int i = 0; i < NODES; i++) {
            sim.awaitJoin(sim.addNode(), () -> false);
        }
        sim.awaitIdle(() -> false);
        sim.startJournal();
        return sim;
    }

    /** Everything a view could show: time, steps, who is alive, every routing table in LRU order, the stats. */
    private static String state(Simulation sim) {
        Map<String, String> tables = new TreeMap<>();
        for (SimNode n : sim.nodes()) {
            List<String> ids = new ArrayList<>();
            for (Contact c : n.kad().routingTable().contacts()) {
                ids.add(c.id().toString());
            }
            tables.put(n.id().toString(), n.isAlive() + " " + ids);
        }
        return sim.now() + "/" + sim.steps() + "/" + sim.stats().events() + "/" + sim.operations().size() + "/" + tables;
    }

    @Test
    @DisplayName("rebuilt at any of 40 earlier steps, the state equals the original's after that step and the inputs made at it, inputs of every kind included")
    void rebuildRetracesTheOriginal() {
        Simulation sim = start();
        Map<Long, String> seen = new TreeMap<>();
        int[] inputs = {0};
        for (int i = 0; i < 4_000 && sim.step(); i++) {
            switch (i) {
                case 10 -> sim.findNode(sim.randomLive(), sim.randomId());
                case 200 -> sim.kill(sim.randomLive());
                case 300 -> sim.store(sim.nodes().get(3), "apple", "red");
                case 700 -> sim.addNode();
                case 900 -> sim.findNode(sim.nodes().get(4), sim.keySpace().parse("7f00"), 1, LookupMode.ROUNDS);
                case 1000 -> sim.startWorkload(3_600, 3_600, 3_600_000L).stop();
                case 1200 -> sim.setLoss(0.1);
                case 1500 -> sim.revive(sim.nodes().stream().filter(n -> !n.isAlive()).findFirst().orElseThrow());
                case 1800 -> sim.findValue(sim.nodes().get(9), "apple");
                default -> inputs[0]--;
            }
            inputs[0]++;
            if (i % 100 == 0) {
                seen.put(sim.steps(), state(sim)); // after the inputs made at this step, as a rebuild to it applies them
            }
            if (!sim.isBusy()) {
                sim.advance(1_000);
            }
        }
        assertThat(sim.journal().broken()).isNull();
        assertThat(sim.journal().entries()).hasSizeGreaterThanOrEqualTo(inputs[0]);
        for (Map.Entry<Long, String> at : seen.entrySet()) {
            Simulation again = start();
            assertThat(sim.journal().rebuild(again, at.getKey(), (in, op) -> { }, s -> { }, () -> false)).isTrue();
            assertThat(state(again)).as("rebuilt at step %d", at.getKey()).isEqualTo(at.getValue());
        }
    }

    @Test
    @DisplayName("a rebuilt simulation running on applies the recorded future inputs at their steps and ends where the original did")
    void playOnRetracesTheFuture() {
        Simulation sim = start();
        sim.findNode(sim.nodes().get(1), sim.keySpace().parse("1234"));
        for (int i = 0; i < 300; i++) {
            sim.step();
        }
        long mid = sim.steps();
        sim.kill(sim.nodes().get(7));
        sim.findNode(sim.nodes().get(2), sim.keySpace().parse("abcd"));
        for (int i = 0; i < 500; i++) {
            sim.step();
        }
        String end = state(sim);
        long endStep = sim.steps();

        Simulation again = start();
        List<SimJournal.Input> redone = new ArrayList<>();
        assertThat(sim.journal().rebuild(again, mid - 50, (in, op) -> { }, s -> { }, () -> false)).isTrue();
        assertThat(again.journal().pending()).as("the kill and the lookup after the rebuilt step").hasSize(2);
        again.journal().onRedo((in, op) -> redone.add(in));
        while (again.steps() < endStep) {
            again.step();
        }
        assertThat(redone).hasSize(2);
        assertThat(redone.get(0)).isInstanceOf(SimJournal.Kill.class);
        assertThat(state(again)).isEqualTo(end);
    }

    @Test
    @DisplayName("a new input after a rebuild drops the recorded future")
    void newInputDropsTheFuture() {
        Simulation sim = start();
        for (int i = 0; i < 100; i++) {
            sim.step();
        }
        sim.kill(sim.nodes().get(7));
        Simulation again = start();
        sim.journal().rebuild(again, 20, (in, op) -> { }, s -> { }, () -> false);
        assertThat(again.journal().pending()).hasSize(1);
        again.kill(again.nodes().get(8));
        assertThat(again.journal().pending()).isEmpty();
    }

    @Test
    @DisplayName("a start that does not match, and a journal broken by a raw random draw, refuse to rebuild with a message")
    void refusals() {
        Simulation sim = start();
        Simulation other = new Simulation(config());
        assertThatThrownBy(() -> sim.journal().rebuild(other, 10, (in, op) -> { }, s -> { }, () -> false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not match");
        sim.random();
        assertThat(sim.journal().broken()).contains("random source");
        assertThatThrownBy(() -> sim.journal().rebuild(start(), 10, (in, op) -> { }, s -> { }, () -> false))
                .hasMessageContaining("cannot be rebuilt");
    }
}
