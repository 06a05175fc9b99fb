package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kadlab.sim.SimEvent;

/** The inbox between simulation and views stays bounded: the oldest events fall out and are counted. */
class EventInboxTest {
    @Test
    void fullInboxDropsTheOldestEvent() {
        EventInbox inbox = new EventInbox(3, () -> 7);
        for (int i = 0; i < 5; i++) {
            inbox.onEvent(new SimEvent.NodeKilled(i, null));
        }
        assertThat(inbox.size()).isEqualTo(3);
        assertThat(inbox.dropped()).isEqualTo(2);
        assertThat(inbox.peek().event().time()).isEqualTo(2);
        assertThat(inbox.poll().step()).isEqualTo(7);
    }
}
