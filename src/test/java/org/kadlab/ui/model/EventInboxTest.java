package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kadlab.kad.KeySpace;
import org.kadlab.sim.SimEvent;
import org.kadlab.sim.Simulation;

/**
 * The one inbox between the network and the views stays bounded (the oldest events fall out and are
 * counted), releases events to every reader at the same moment, and starts over for a new network.
 */
class EventInboxTest {
    private final KeySpace ks = new KeySpace(16);

    @Test
    void fullInboxDropsTheOldestPendingEvent() {
        EventInbox inbox = new EventInbox(3);
        for (int i = 0; i < 5; i++) {
            inbox.offer(7, new SimEvent.NodeKilled(i, null));
        }
        assertThat(inbox.size()).isEqualTo(3);
        assertThat(inbox.dropped()).isEqualTo(2);
        assertThat(inbox.peek().event().time()).isEqualTo(2);
        assertThat(inbox.poll().step()).isEqualTo(7);
    }

    @Test
    void aReaderKeepsTheNewestReleasedEventsUpToTheRingAndCountsTheMissed() {
        EventInbox inbox = new EventInbox(10, 3);
        EventInbox.Reader reader = inbox.reader();
        for (int i = 0; i < 5; i++) {
            inbox.release(new SimEvent.NodeKilled(i, ks.id(i)));
        }
        assertThat(reader.drain()).extracting(SimEvent::time).containsExactly(2L, 3L, 4L);
        assertThat(reader.missed()).isEqualTo(2);
        assertThat(reader.drain()).isEmpty();
    }

    @Test
    void everyReaderSeesAReleasedEventAndPendingEventsStayUnseen() {
        EventInbox inbox = new EventInbox(10);
        EventInbox.Reader a = inbox.reader();
        EventInbox.Reader b = inbox.reader();
        inbox.offer(1, new SimEvent.NodeKilled(5, ks.id(5)));
        assertThat(a.hasPending()).as("a pending event is not yet released").isFalse();
        inbox.release(inbox.poll().event());
        assertThat(a.drain()).extracting(SimEvent::time).containsExactly(5L);
        assertThat(b.drain()).extracting(SimEvent::time).containsExactly(5L);
    }

    @Test
    void followsTheViewModelsNetworkAcrossAReset() {
        NetworkViewModel vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
        EventInbox.Reader feed = vm.events().reader();
        Simulation first = vm.simulation();

        vm.selection().select(first.nodes().get(1).id());
        vm.operations().targetTextProperty().set("1234");
        assertThat(vm.operations().findNode()).isTrue();
        assertThat(feed.drain()).anyMatch(e -> e instanceof SimEvent.LookupStarted);

        vm.builder().reset();
        assertThat(vm.simulation()).isNotSameAs(first);
        feed.drain();
        first.addNode();
        first.runUntilIdle();
        assertThat(feed.drain()).as("the old simulation is no longer heard").isEmpty();
    }
}
