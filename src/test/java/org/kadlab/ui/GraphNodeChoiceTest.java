package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.Lookup;
import org.kadlab.sim.SimNode;

/** Over its node cap the graph draws the first nodes plus everything the selection and the lookup need. */
class GraphNodeChoiceTest {
    @Test
    void overTheCapTheSelectionAndTheLookupAreAlwaysDrawn() {
        NetworkViewModel vm = new NetworkViewModel();
        vm.playingProperty().set(false);
        SimNode sel = vm.simulation().nodes().get(25);
        vm.select(sel);
        vm.targetTextProperty().set("0123");
        assertThat(vm.findNode()).isTrue();
        while (!vm.selectedLookup().isOver()) {
            vm.stepOnce();
        }
        int cap = 8;
        List<SimNode> shown = NetworkGraphView.shownNodes(vm.simulation(), sel, vm.selectedLookup(), cap);

        Set<SimNode> expected = new LinkedHashSet<>(vm.simulation().nodes().subList(0, cap));
        expected.add(sel);
        sel.kad().routingTable().contacts().forEach(c -> expected.add(vm.simulation().node(c.id())));
        for (Lookup.Candidate c : vm.selectedLookup().lookup().candidates()) {
            expected.add(vm.simulation().node(c.contact().id()));
        }
        assertThat(shown).as("no node twice").doesNotHaveDuplicates();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(shown.subList(0, cap)).as("the first nodes come first").isEqualTo(vm.simulation().nodes().subList(0, cap));
        assertThat(NetworkGraphView.shownNodes(vm.simulation(), sel, vm.selectedLookup(), 1_000))
                .as("under the cap, every node").isEqualTo(vm.simulation().nodes());
        vm.shutdown();
    }
}
