package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kadlab.sim.SimFixture.config;
import static org.kadlab.sim.SimFixture.kad;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.NodeId;

/** The history keeps only the most recent N events, oldest first. */
class EventHistoryTest {

    private static SimEvent killed(long t) {
        return new SimEvent.NodeKilled(t, NodeId.of(t));
    }

    @Test
    @DisplayName("a history of capacity 3 keeps the last 3 of 7 events, oldest first, and counts all 7")
    void keepsOnlyTheLastNEvents() {
        EventHistory h = new EventHistory(3);
        List<SimEvent> all = new ArrayList<>();
        for (long t = 1; t <= 7; t++) {
            SimEvent e = killed(t);
            all.add(e);
            h.add(e);
            assertThat(h.events()).as("after %d events", t).containsExactlyElementsOf(all.subList(Math.max(0, all.size() - 3), all.size()));
        }
        assertThat(h.size()).isEqualTo(3);
        assertThat(h.capacity()).isEqualTo(3);
        assertThat(h.total()).isEqualTo(7);
    }

    @Test
    @DisplayName("a history of capacity 0 keeps nothing but still counts")
    void zeroCapacityKeepsNothing() {
        EventHistory h = new EventHistory(0);
        h.add(killed(1));
        h.add(killed(2));
        assertThat(h.events()).isEmpty();
        assertThat(h.size()).isZero();
        assertThat(h.total()).isEqualTo(2);
    }

    @Test
    @DisplayName("a simulation's history holds exactly the last N events its listeners saw")
    void simulationHistoryIsTheTailOfTheEventStream() {
        Simulation sim = new Simulation(config(51, kad(16, 4, 3)).withHistoryCapacity(100));
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        for (int i = 0; i < 10; i++) {
            sim.addNode();
            sim.runUntilIdle();
        }
        sim.findNode(sim.randomLive(), sim.randomId());
        sim.runUntilIdle();
        assertThat(rec.events).hasSizeGreaterThan(100);
        assertThat(sim.history().events()).containsExactlyElementsOf(rec.events.subList(rec.events.size() - 100, rec.events.size()));
        assertThat(sim.history().total()).isEqualTo(rec.events.size());
    }
}
