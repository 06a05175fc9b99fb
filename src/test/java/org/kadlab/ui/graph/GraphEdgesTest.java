package org.kadlab.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;

/** Edge keys are undirected and unique; the lookup path follows referrers; topology events are recognised. */
class GraphEdgesTest {
    private final KeySpace ks = new KeySpace(8);

    @Test
    void keyIsTheSameWhicheverEndKnowsTheOther() {
        assertThat(GraphEdges.key("a1", "0f")).isEqualTo("0f-a1").isEqualTo(GraphEdges.key("0f", "a1"));
    }

    @Test
    void mutualContactsGiveOneEdgeAndSelfIsIgnored() {
        Set<String> edges = new HashSet<>();
        GraphEdges.addKnows("01", List.of(ks.id(2), ks.id(1)), ks::hex, edges);
        GraphEdges.addKnows("02", List.of(ks.id(1)), ks::hex, edges);
        assertThat(edges).containsExactly("01-02");
    }

    @Test
    void lookupOfNothingHasNoPath() {
        assertThat(GraphEdges.lookupPath(null, ks::hex)).isEmpty();
        assertThat(GraphEdges.queried(null, ks::hex)).isEmpty();
    }

    @Test
    void onlyTableChangesAndNewNodesChangeTheTopology() {
        assertThat(NetworkGraphView.changesTopology(new SimEvent.BucketChanged(0, ks.id(1), 0,
                SimEvent.BucketChange.ADDED, ks.id(2), null))).isTrue();
        assertThat(NetworkGraphView.changesTopology(new SimEvent.BucketChanged(0, ks.id(1), 0,
                SimEvent.BucketChange.UPDATED, ks.id(2), null))).isFalse();
        assertThat(NetworkGraphView.changesTopology(new SimEvent.NodeAdded(0, ks.id(1), null))).isTrue();
        assertThat(NetworkGraphView.changesTopology(new SimEvent.NodeKilled(0, ks.id(1)))).isFalse();
    }

    @Test
    void nearestKeepsTheClosestDrawnContactsByXorDistanceClosestFirst() {
        // self 0x10: distances 0x11 -> 1, 0x12 -> 2, 0x18 -> 8, 0x30 -> 0x20, 0x90 -> 0x80
        List<NodeId> contacts = List.of(ks.id(0x90), ks.id(0x12), ks.id(0x10), ks.id(0x30), ks.id(0x11), ks.id(0x18));
        assertThat(GraphEdges.nearest(ks.id(0x10), contacts, 3, id -> true))
                .containsExactly(ks.id(0x11), ks.id(0x12), ks.id(0x18));
        assertThat(GraphEdges.nearest(ks.id(0x10), contacts, 2, id -> !id.equals(ks.id(0x11))))
                .as("a contact that is not drawn is skipped").containsExactly(ks.id(0x12), ks.id(0x18));
        Set<String> edges = new HashSet<>();
        GraphEdges.addNearest(ks.id(0x10), contacts, 1, id -> true, ks::hex, edges);
        assertThat(edges).containsExactly("10-11");
        assertThat(GraphEdges.nearest(ks.id(0x10), contacts, 0, id -> true)).isEmpty();
    }
}
