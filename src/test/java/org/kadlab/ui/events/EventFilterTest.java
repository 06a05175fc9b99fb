package org.kadlab.ui.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.KeySpace;
import org.kadlab.sim.SimEvent;

/** Event rows and the log's filter: by one or several types, by text (hex ids), both, and neither. */
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
        assertThat(EventFilter.of("", "  ").test(killed)).isTrue();
    }

    @Test
    void typeFilterKeepsOnlyThatType() {
        EventFilter f = EventFilter.of("NodeKilled", "");
        assertThat(f.test(killed)).isTrue();
        assertThat(f.test(sent)).isFalse();
    }

    @Test
    void textMatchesAnyIdInTheRowIgnoringCaseAndHexPrefix() {
        assertThat(EventFilter.of(null, "7F00").test(sent)).as("the peer id in the details").isTrue();
        assertThat(EventFilter.of(null, "0x3a0").test(sent)).as("the node id, prefix of it").isTrue();
        assertThat(EventFilter.of(null, "beef").test(sent)).isFalse();
    }

    @Test
    void typeAndTextMustBothMatch() {
        assertThat(EventFilter.of("RpcSent", "beef").test(killed)).isFalse();
        assertThat(EventFilter.of("NodeKilled", "beef").test(killed)).isTrue();
    }

    private final EventRow started = EventRow.of(3, new SimEvent.LookupStarted(3_000, 9, ks.id(0x3a01), ks.id(0x7f00),
            org.kadlab.kad.LookupPurpose.FIND_NODE), ks);
    private final List<String> offered = List.of("RpcSent", "NodeKilled", "LookupStarted");

    @Test
    void severalTickedTypesKeepRowsOfAnyOfThemAndNoOther() {
        EventFilter f = EventFilter.ofTicked(List.of("RpcSent", "NodeKilled"), offered, "");
        assertThat(f.test(sent)).isTrue();
        assertThat(f.test(killed)).isTrue();
        assertThat(f.test(started)).as("a type not ticked").isFalse();
        assertThat(f.allTypes()).isFalse();
    }

    @Test
    void noTypeTickedShowsEveryType() {
        EventFilter f = EventFilter.ofTicked(List.of(), offered, "");
        assertThat(f.allTypes()).isTrue();
        assertThat(List.of(sent, killed, started)).allMatch(f);
    }

    @Test
    void everyTypeTickedShowsEveryTypeEvenOneNotOffered() {
        EventFilter f = EventFilter.ofTicked(offered, List.of("RpcSent", "NodeKilled"), "");
        assertThat(f.allTypes()).as("all offered types ticked is the same as none").isTrue();
        assertThat(f.test(started)).as("LookupStarted was not offered, yet all are shown").isTrue();
    }

    @Test
    void tickedTypesAndTextMustBothMatch() {
        EventFilter f = EventFilter.ofTicked(List.of("RpcSent", "LookupStarted"), offered, "7f00");
        assertThat(f.test(sent)).isTrue();
        assertThat(f.test(started)).isTrue();
        assertThat(f.test(killed)).as("type not ticked").isFalse();
        assertThat(EventFilter.ofTicked(List.of("NodeKilled"), offered, "7f00").test(killed))
                .as("ticked, but the text is not in the row").isFalse();
    }

    @Test
    void nullsAndBlankNamesInTheTicksAreIgnoredAndNeverThrow() {
        EventFilter f = EventFilter.ofTicked(Arrays.asList(null, " ", "NodeKilled"), Arrays.asList("NodeKilled", null), null);
        assertThat(f.allTypes()).as("the one offered type is ticked").isTrue();
        EventFilter none = EventFilter.ofTicked(null, null, null);
        assertThat(none).isEqualTo(EventFilter.ALL);
        assertThat(none.test(null)).as("no row passes nothing").isFalse();
        assertThat(EventFilter.ofTicked(Arrays.asList(null, ""), offered, "").allTypes()).isTrue();
    }

    @Test
    void bucketChangesReadAsBucketIndexChangeAndContact() {
        EventRow bucket = EventRow.of(3, new SimEvent.BucketChanged(5, ks.id(1), 4, SimEvent.BucketChange.ADDED,
                ks.id(0x20), null), ks);
        assertThat(bucket.details()).isEqualTo("bucket 4 added 0020");
    }
}
