package org.kadlab.ui.ring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.NetworkModel;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.TableSnapshot;

/** The ring reads the selected node's table and contacts again only when their version or the node changed. */
class RingSelectionTest {
    private final NetworkViewModel vm = new NetworkViewModel();
    private final NetworkModel net = vm.network();
    private final NodeId node = net.nodeIds().get(0);

    @Test
    void theTableIsCopiedAgainOnlyWhenItsVersionOrTheSelectedNodeChanges() {
        vm.playback().playingProperty().set(false);
        RingSelection s = new RingSelection();
        s.update(net, node, null, 1, 1);
        TableSnapshot first = s.table();
        assertThat(first).isNotNull();
        s.update(net, node, null, 1, 1);
        assertThat(s.table()).as("same version: the copy is kept").isSameAs(first);
        s.update(net, node, null, 2, 1);
        assertThat(s.table()).as("a new table version: copied again").isNotSameAs(first);
        s.update(net, null, null, 2, 1);
        assertThat(s.table()).as("no node selected").isNull();
        assertThat(s.contacts()).isEmpty();
    }

    @Test
    void theChordsChangeWhenTheNodeOrTheMembershipChangesOrTheyWereForgotten() {
        vm.playback().playingProperty().set(false);
        RingSelection s = new RingSelection();
        s.update(net, node, null, 1, 1);
        assertThat(s.chordsChanged()).isTrue();
        assertThat(s.contacts()).containsExactlyInAnyOrderElementsOf(s.table().contactIds());
        s.update(net, node, null, 1, 1);
        assertThat(s.chordsChanged()).as("nothing moved").isFalse();
        s.update(net, node, null, 1, 2);
        assertThat(s.chordsChanged()).as("the membership changed").isTrue();
        s.forgetChords();
        s.update(net, node, null, 1, 2);
        assertThat(s.chordsChanged()).as("forgotten: drawn again").isTrue();
    }
}
