package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.KeySpace;
import org.kadlab.sim.SimEvent;
import org.kadlab.sim.Simulation;

/** The per-view event queue: bounded, drained in order, and following the simulation across a reset. */
class SimEventFeedTest {
    private final KeySpace ks = new KeySpace(16);

    @Test
    void keepsTheNewestEventsUpToItsCapacityAndCountsTheDropped() {
        SimEventFeed feed = new SimEventFeed(3, null);
        for (int i = 0; i < 5; i++) {
            feed.offer(new SimEvent.NodeKilled(i, ks.id(i)));
        }
        List<SimEvent> got = feed.drain();
        assertThat(got).extracting(SimEvent::time).containsExactly(2L, 3L, 4L);
        assertThat(feed.dropped()).isEqualTo(2);
        assertThat(feed.drain()).isEmpty();
    }

    @Test
    void followsTheViewModelsSimulationAcrossAReset() {
        NetworkViewModel vm = new NetworkViewModel();
        vm.playingProperty().set(false);
        List<Simulation> resets = new ArrayList<>();
        SimEventFeed feed = new SimEventFeed(vm, 10_000, resets::add);
        Simulation first = vm.simulation();
        assertThat(feed.source()).isSameAs(first);

        vm.select(first.nodes().get(1));
        vm.targetTextProperty().set("1234");
        assertThat(vm.findNode()).isTrue();
        assertThat(feed.drain()).anyMatch(e -> e instanceof SimEvent.LookupStarted);

        vm.reset();
        assertThat(feed.source()).isSameAs(vm.simulation()).isNotSameAs(first);
        assertThat(resets).hasSize(2);
        feed.drain();
        first.addNode();
        first.runUntilIdle();
        assertThat(feed.drain()).as("the old simulation is no longer heard").isEmpty();
    }
}
