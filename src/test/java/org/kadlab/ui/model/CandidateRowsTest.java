package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup.CandidateState;
import org.kadlab.kad.NodeId;

/** The inspector's rows of a lookup: ranks in order, and the current k closest are the first k usable candidates. */
class CandidateRowsTest {

    @Test
    void theCurrentKClosestAreTheFirstKCandidatesThatNeitherFailedNorStayedSilent() {
        NetworkViewModel vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
        NetworkModel net = vm.network();
        List<NodeId> ids = net.nodeIds();
        NodeId target = ids.get(0);
        CandidateRows rows = new CandidateRows(net, target, 3, Set.of(ids.get(2)), false,
                new LookupSession(ids.get(1), target, 0));
        List<CandidateState> states = List.of(CandidateState.SUCCEEDED, CandidateState.FAILED, CandidateState.WAITING,
                CandidateState.UNRESPONSIVE, CandidateState.NOT_CONTACTED, CandidateState.SUCCEEDED);
        for (int i = 0; i < states.size(); i++) {
            rows.add(ids.get(i + 1), states.get(i), "own table", 1, 1);
        }
        List<CandidateRow> shown = rows.rows();
        assertThat(shown).extracting(CandidateRow::kClosest).containsExactly(true, false, true, false, true, false);
        assertThat(shown).extracting(CandidateRow::rank).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(shown).extracting(CandidateRow::trueClosest).containsExactly(false, true, false, false, false, false);
    }

    @Test
    void aRowSaysHowManyLeadingBitsItsIdSharesWithTheTarget() {
        NetworkViewModel vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
        NetworkModel net = vm.network();
        KeySpace ks = net.keySpace();
        NodeId target = net.nodeIds().get(0);
        CandidateRows rows = new CandidateRows(net, target, 3, Set.of(), false, new LookupSession(target, target, 0));
        for (NodeId id : net.nodeIds().subList(1, 6)) {
            rows.add(id, CandidateState.SUCCEEDED, "own table", 1, 1);
        }
        for (CandidateRow r : rows.rows()) {
            String a = ks.binary(r.id());
            String b = ks.binary(target);
            int shared = 0;
            while (shared < a.length() && a.charAt(shared) == b.charAt(shared)) {
                shared++;
            }
            assertThat(r.sharedPrefix()).as(r.hex()).isEqualTo(shared);
        }
    }
}
