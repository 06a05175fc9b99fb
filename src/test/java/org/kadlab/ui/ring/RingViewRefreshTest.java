package org.kadlab.ui.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimNode;
import org.kadlab.ui.FxFixture;
import org.kadlab.ui.KadLabApp;
import org.kadlab.ui.TestViews;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.LookupSession;
import org.kadlab.ui.model.NetworkSettings;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.widgets.NodeDot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The ring restyles only the dots whose state can have changed; after any sequence of selections,
 * lookups, kills and revivals every dot must still show exactly what a full recomputation says.
 */
@ExtendWith(FxFixture.class)
class RingViewRefreshTest {
    @Test
    void everyDotShowsItsStateAfterIncrementalRefreshes() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            RingView ring = new RingView(vm);
            TestViews.show(ring, 700, 650);
            vm.playback().playingProperty().set(false);
            ring.refresh();
            ring.layout();
            assertMatchesModel(vm, ring, "at start");

            vm.selection().select(vm.simulation().nodes().get(5).id());
            vm.operations().targetTextProperty().set("7f00");
            vm.operations().findNode();
            for (int step = 0; !vm.selection().selectedLookup().isOver(); step++) {
                vm.playback().stepOnce();
                ring.refresh();
                assertMatchesModel(vm, ring, "after lookup step " + step);
            }
            vm.selection().select(vm.simulation().nodes().get(9).id());
            ring.refresh();
            assertMatchesModel(vm, ring, "after selecting another node");

            vm.commands().killSelected();
            ring.refresh();
            assertMatchesModel(vm, ring, "after killing the selected node");

            vm.selection().selectLookup(null);
            vm.commands().reviveAll();
            ring.refresh();
            assertMatchesModel(vm, ring, "after clearing the lookup and reviving");
            ring.applyCss(); // as on the next pulse: new labels get their style, then the layout pass places them
            ring.layout();
            assertLabels(vm, ring);
            assertThat(ring.chordCount()).as("one chord per contact of the selected node")
                    .isEqualTo(vm.simulation().node(vm.selection().selectedNode()).kad().routingTable().contacts().size());
            return null;
        }).get();
    }

    @Test
    void labelsAreMeasuredAgainWhenTheirFontGrows() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            NetworkViewModel vm = new NetworkViewModel();
            RingView ring = new RingView(vm);
            javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(ring);
            TestViews.show(root, 380, 380); // small: the labels sit close together
            ring.refresh();
            root.applyCss();
            root.layout();
            double before = ring.label(vm.selection().selectedNode()).getFont().getSize();
            root.getStyleClass().add(KadLabApp.PRESENTATION);
            root.applyCss();
            root.layout();
            assertThat(ring.label(vm.selection().selectedNode()).getFont().getSize()).as("presentation font").isGreaterThan(before);
            assertLabels(vm, ring);
            return null;
        }).get();
    }

    @Test
    void theTrueClosestNodesAnInexactLookupMissedAreMarkedOnTheRing() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            // k = 1 on 8-bit ids: a bucket holds one contact, so some lookups reach a dead end
            NetworkSettings s = new NetworkSettings(40, 8, 1, 1, org.kadlab.kad.LookupMode.SLIDING, 10, 80, 0.0, 3);
            NetworkViewModel vm = new NetworkViewModel(s.toSimConfig(), s.nodes());
            vm.playback().playingProperty().set(false);
            RingView ring = new RingView(vm);
            TestViews.show(ring, 700, 650);
            ring.refresh();
            LookupSession inexact = null;
            for (int i = 0; i < 200 && inexact == null; i++) {
                vm.selection().select(vm.simulation().nodes().get(i % 40).id());
                vm.operations().targetTextProperty().set(String.format("%02x", (37 * i + 11) & 0xff));
                vm.operations().findNode();
                while (!vm.selection().selectedLookup().isOver()) {
                    vm.playback().stepOnce();
                }
                if (Boolean.FALSE.equals(vm.selection().selectedLookup().finished().exact())) {
                    inexact = vm.selection().selectedLookup();
                }
            }
            assertThat(inexact).as("an inexact lookup among 200 with k = 1").isNotNull();
            ring.refresh();
            ring.applyCss();
            ring.layout();
            assertThat(inexact.finished().missed()).isNotEmpty();
            for (NodeId id : inexact.finished().missed()) {
                var known = inexact.lookup().candidate(id); // one the lookup knew shows its state, as in the inspector
                assertThat(ring.dot(id).lookupState()).as("missed " + vm.keySpace().hex(id))
                        .isEqualTo(known == null ? CandidateRow.MISSED : CandidateRow.shownState(known.state(), true));
                assertThat(ring.label(id)).as("a missed node is labelled").isNotNull();
            }
            return null;
        }).get();
    }

    private static void assertLabels(NetworkViewModel vm, RingView ring) {
        SimNode sel = vm.simulation().node(vm.selection().selectedNode());
        javafx.scene.text.Text own = ring.label(sel.id());
        assertThat(own).as("the selected node is always labelled").isNotNull();
        assertThat(own.getText()).isEqualTo(RingView.shortLabel(vm.keySpace().hex(sel.id())));
        for (SimNode n : vm.simulation().nodes()) {
            javafx.scene.text.Text t = ring.label(n.id());
            if (t != null) {
                assertThat(t.getText()).as("label of " + vm.keySpace().hex(n.id()))
                        .isEqualTo(RingView.shortLabel(vm.keySpace().hex(n.id())));
            }
        }
        var boxes = TestViews.ringLabelBoxes(ring, vm);
        assertThat(boxes).as("labels shown").hasSize(ring.labelCount()).hasSizeGreaterThan(10);
        assertThat(TestViews.overlapping(boxes)).as("overlapping labels").isNull();
    }

    private static void assertMatchesModel(NetworkViewModel vm, RingView ring, String when) {
        SimNode sel = vm.simulation().node(vm.selection().selectedNode());
        Set<NodeId> contacts = new HashSet<>();
        if (sel != null) {
            sel.kad().routingTable().contacts().forEach(c -> contacts.add(c.id()));
        }
        Map<NodeId, String> states = new HashMap<>();
        LookupSession session = vm.selection().selectedLookup();
        if (session != null && session.lookup() != null) {
            for (org.kadlab.ui.model.LookupSnapshot.Candidate c : session.lookup().candidates()) {
                states.put(c.id(), CandidateRow.shownState(c.state(), session.isOver()));
            }
            if (session.finished() != null && session.finished().missed() != null) {
                session.finished().missed().forEach(id -> states.putIfAbsent(id, CandidateRow.MISSED));
            }
        }
        assertThat(ring.dots()).as("one dot per node " + when).hasSize(vm.simulation().nodes().size());
        for (NodeDot d : ring.dots()) {
            SimNode n = vm.simulation().node(d.node());
            var pcs = d.getPseudoClassStates();
            String who = vm.keySpace().hex(n.id()) + " " + when;
            assertThat(pcs.contains(NodeDot.SELECTED)).as("selected: " + who).isEqualTo(n == sel);
            assertThat(pcs.contains(NodeDot.DEAD)).as("dead: " + who).isEqualTo(!n.isAlive());
            assertThat(pcs.contains(NodeDot.CONTACT)).as("contact: " + who).isEqualTo(contacts.contains(n.id()));
            assertThat(pcs.contains(NodeDot.ORIGIN)).as("origin: " + who)
                    .isEqualTo(session != null && n.id().equals(session.origin()));
            assertThat(d.lookupState()).as("lookup state: " + who).isEqualTo(states.get(n.id()));
        }
    }
}
