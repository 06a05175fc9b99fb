package org.kadlab.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimNode;
import org.kadlab.ui.model.NetworkViewModel;

/** Over its node cap the graph draws the first nodes plus everything the selection and the lookup need. */
class GraphNodeChoiceTest {
    @Test
    void overTheCapTheSelectionAndTheLookupAreAlwaysDrawn() {
        NetworkViewModel vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
        SimNode sel = vm.simulation().nodes().get(25);
        vm.selection().select(sel.id());
        vm.operations().targetTextProperty().set("0123");
        assertThat(vm.operations().findNode()).isTrue();
        while (!vm.selection().selectedLookup().isOver()) {
            vm.playback().stepOnce();
        }
        int cap = 8;
        var lookup = vm.selection().selectedLookup().lookup();
        List<NodeId> shown = GraphNodeChoice.shownNodes(vm.network(), sel.id(), null, lookup, cap);

        List<NodeId> all = vm.network().nodeIds();
        Set<NodeId> expected = new LinkedHashSet<>(all.subList(0, cap));
        expected.add(sel.id());
        sel.kad().routingTable().contacts().forEach(c -> expected.add(c.id()));
        for (var c : lookup.candidates()) {
            expected.add(c.id());
        }
        assertThat(shown).as("no node twice").doesNotHaveDuplicates();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(shown.subList(0, cap)).as("the first nodes come first").isEqualTo(all.subList(0, cap));
        assertThat(GraphNodeChoice.shownNodes(vm.network(), sel.id(), null, lookup, 1_000))
                .as("under the cap, every node").isEqualTo(all);
        vm.shutdown();
    }
}
