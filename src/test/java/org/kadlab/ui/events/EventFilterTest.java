package org.kadlab.ui.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kadlab.kad.KeySpace;
import org.kadlab.sim.SimEvent;

/** Event rows and the log's filter: by type, by text (hex ids), both, and neither. */
class EventFilterTest {
    private final KeySpace ks = new KeySpace(16);
    private final EventRow sent = EventRow.of(1, new SimEvent.RpcSent(1_250, 7, ks.id(0x3a01), ks.id(0x7f00),
            SimEvent.RpcType.FIND_NODE), ks);
    private final EventRow killed = EventRow.of(2, new SimEvent.NodeKilled(2_000, ks.id(0xbeef)), ks);

    @Test
    void rowsNameTheRecordTypeAndShowIdsInHex() {
        assertThat(sent.type()).isEqualTo("RpcSent");
        assertThat(sent.node()).isEqualTo("3a01");
        assertThat(sent.details()).contains("find node").contains("#7").contains("7f00");
        assertThat(sent.timeText()).isEqualTo("1.250 s");
        assertThat(killed.node()).isEqualTo("beef");
    }

    @Test
    void blankFilterShowsEveryRow() {
        assertThat(EventFilter.ALL.test(sent)).isTrue();
        assertThat(new EventFilter("", "  ").test(killed)).isTrue();
    }

    @Test
    void typeFilterKeepsOnlyThatType() {
        EventFilter f = new EventFilter("NodeKilled", "");
        assertThat(f.test(killed)).isTrue();
        assertThat(f.test(sent)).isFalse();
    }

    @Test
    void textMatchesAnyIdInTheRowIgnoringCaseAndHexPrefix() {
        assertThat(new EventFilter(null, "7F00").test(sent)).as("the peer id in the details").isTrue();
        assertThat(new EventFilter(null, "0x3a0").test(sent)).as("the node id, prefix of it").isTrue();
        assertThat(new EventFilter(null, "beef").test(sent)).isFalse();
    }

    @Test
    void typeAndTextMustBothMatch() {
        assertThat(new EventFilter("RpcSent", "beef").test(killed)).isFalse();
        assertThat(new EventFilter("NodeKilled", "beef").test(killed)).isTrue();
    }

    @Test
    void bucketChangesReadAsBucketIndexChangeAndContact() {
        EventRow bucket = EventRow.of(3, new SimEvent.BucketChanged(5, ks.id(1), 4, SimEvent.BucketChange.ADDED,
                ks.id(0x20), null), ks);
        assertThat(bucket.details()).isEqualTo("bucket 4 added 0020");
    }
}
