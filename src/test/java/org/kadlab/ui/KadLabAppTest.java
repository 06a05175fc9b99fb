package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.Lookup;
import org.kadlab.sim.SimNode;
import org.kadlab.ui.distance.DistanceRingsView;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.widgets.NodeDot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real app (headless under Monocle) and drives it as a user would: add nodes, kill one,
 * run a lookup, step through it, and checks what the views show.
 */
class KadLabAppTest extends AppFixture {
    @Test
    void windowOpensOnTheDefaultNetwork() throws Exception {
        Stage stage = fx(() -> (Stage) app.mainView().getScene().getWindow());
        assertThat(stage.getWidth()).isEqualTo(1280);
        assertThat(fx(() -> app.mainView().ringView().dots().size())).isEqualTo(32);
        assertThat(fx(() -> app.mainView().bucketPanel().shownRows())).isNotEmpty();
        assertThat(lookup("#status-label").queryAs(Label.class).getText()).startsWith("32 nodes \u00b7 32 live");
        assertThat(lookup("#caption").queryAs(Label.class).getText()).contains("32 nodes joined");
    }

    @Test
    void clickingTheRingAtANodesAnglePicksThatIdAsTheTarget() throws Exception {
        NetworkViewModel vm = app.viewModel();
        org.kadlab.sim.SimNode node = vm.simulation().nodes().get(5);
        fx(() -> {
            NodeDot d = app.mainView().ringView().dot(node.id());
            app.mainView().ringView().pickTarget(d.getCenterX(), d.getCenterY());
        });
        java.math.BigInteger picked = vm.keySpace().parse(vm.operations().targetTextProperty().get()).toBigInteger();
        assertThat(picked.subtract(node.id().toBigInteger()).abs())
                .as("the id at the angle of node %s", vm.keySpace().hex(node.id()))
                .isLessThanOrEqualTo(java.math.BigInteger.ONE);
        assertThat(fx(() -> app.mainView().ringView().showsNextTarget())).as("the picked target is marked at once").isTrue();
        fx(() -> vm.operations().targetTextProperty().set("xyz"));
        assertThat(fx(() -> app.mainView().ringView().showsNextTarget())).as("not an id: no mark").isFalse();
        fx(() -> vm.operations().targetTextProperty().set(vm.keySpace().hex(node.id())));
        String before = vm.operations().targetTextProperty().get();
        fx(() -> app.mainView().ringView().pickTarget(0, 0));
        assertThat(vm.operations().targetTextProperty().get()).as("a click far from the ring changes nothing").isEqualTo(before);
    }

    @Test
    void addKillFindAndStepThroughALookup() throws Exception {
        NetworkViewModel vm = app.viewModel();
        // pause with the keyboard so that the test decides when the simulation moves
        fx(() -> app.mainView().requestFocus());
        type(KeyCode.SPACE);
        assertThat(fx(() -> vm.playback().playingProperty().get())).isFalse();

        clickOn("#add-button");
        assertThat(fx(() -> app.mainView().ringView().dots().size())).isEqualTo(40);
        assertThat(lookup("#status-label").queryAs(Label.class).getText()).startsWith("40 nodes \u00b7 40 live");

        SimNode victim = fx(() -> vm.simulation().nodes().get(7));
        clickOn(fx(() -> app.mainView().ringView().dot(victim.id())));
        assertThat(fx(() -> vm.selection().selectedNode())).isEqualTo(victim.id());
        clickOn("#kill-button");
        assertThat(fx(() -> app.mainView().ringView().dot(victim.id()).getPseudoClassStates().toString())).contains("dead");
        assertThat(lookup("#status-label").queryAs(Label.class).getText()).startsWith("40 nodes \u00b7 39 live");

        SimNode origin = fx(() -> vm.simulation().nodes().get(2));
        fx(() -> vm.selection().select(origin.id()));
        assertThat(fx(() -> app.mainView().bucketPanel().shownRows().get(0).title())).startsWith("bucket");

        // a bad id: an inline message, no lookup
        clickOn("#target-field").write("7g00").type(KeyCode.ENTER);
        assertThat(fx(() -> TestViews.messageBelow(lookup("#target-field").queryAs(javafx.scene.control.TextField.class))))
                .contains("not a hex digit");
        assertThat(fx(() -> vm.status().targetErrorProperty().get())).contains("not a hex digit");

        fx(() -> vm.operations().targetTextProperty().set(""));
        clickOn("#target-field").write("7f00");
        clickOn("#find-button");
        assertThat(lookup("#target-error").queryAs(Label.class).isVisible()).isFalse();
        var rows = fx(() -> app.mainView().inspector().table().getItems());
        assertThat(rows).isNotEmpty();
        assertThat(rows).extracting(CandidateRow::state).contains(Lookup.CandidateState.WAITING);
        assertThat(lookup("#caption").queryAs(Label.class).getText()).contains("asks").contains("for nodes closer to 7f00");
        assertThat(fx(() -> app.mainView().ringView().pulseCount())).isPositive();

        // Right arrow steps exactly one simulation event
        fx(() -> app.mainView().requestFocus());
        long before = fx(() -> vm.simulation().stats().events());
        type(KeyCode.RIGHT);
        assertThat(fx(() -> vm.simulation().stats().events())).isEqualTo(before + 1);

        for (int i = 0; i < 5_000 && !fx(() -> vm.selection().selectedLookup().isOver()); i++) {
            fx(vm.playback()::stepOnce);
        }
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> app.mainView().refresh());
        String summary = fx(() -> app.mainView().inspector().summaryText());
        assertThat(summary).startsWith("Finished in");
        var finalRows = fx(() -> app.mainView().inspector().table().getItems());
        assertThat(finalRows).filteredOn(CandidateRow::kClosest).hasSize(4);
        assertThat(finalRows).filteredOn(CandidateRow::kClosest).extracting(CandidateRow::stateLabel)
                .as("a sliding lookup ends when its k closest have answered").containsOnly("answered");
        assertThat(lookup("#caption").queryAs(Label.class).getText()).startsWith("Lookup for 7f00 done");
    }

    @Test
    void distanceViewPutsEveryOtherNodeOnTheRingOfItsBucket() throws Exception {
        fx(() -> app.mainView().tabs().getSelectionModel().select(1));
        var rings = fx(() -> app.mainView().distanceView().rings());
        int bits = 16;
        assertThat(rings.get(0).index()).isEqualTo(bits - 1);
        int inRange = rings.stream().mapToInt(DistanceRingsView.RingInfo::inRange).sum();
        assertThat(inRange).as("every other node is on some ring").isEqualTo(31);
        int held = rings.stream().mapToInt(DistanceRingsView.RingInfo::held).sum();
        int tableSize = fx(() -> app.viewModel().network().table(app.viewModel().selection().selectedNode()).size());
        assertThat(held).isEqualTo(tableSize);
        for (var r : rings) {
            assertThat(r.held()).as("bucket %d holds at most k of the nodes in its range", r.index())
                    .isLessThanOrEqualTo(Math.min(4, r.inRange()));
        }
    }

    @Test
    void themeSwitchesBetweenDarkAndLight() throws Exception {
        clickOn("#theme-button");
        assertThat(fx(() -> app.mainView().getStyleClass())).contains("theme-light").doesNotContain("theme-dark");
        clickOn("#theme-button");
        assertThat(fx(() -> app.mainView().getStyleClass())).contains("theme-dark");
    }
}
