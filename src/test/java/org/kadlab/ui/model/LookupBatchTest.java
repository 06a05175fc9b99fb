package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.sim.OperationRecord;
import org.kadlab.sim.SimEvent;
import org.kadlab.sim.Simulation;
import org.kadlab.sim.scenario.Scenario;
import org.kadlab.sim.scenario.ScenarioRunner;

/** "Run 100 lookups": random lookups a slice per frame, charted and logged, recorded as one replayable step. */
class LookupBatchTest {
    private static final long FRAME = 16_666_667L;
    private NetworkViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
    }

    @Test
    void aBatchRunsItsLookupsInFramesAndEveryResultReachesTheChartsAndTheLog() {
        EventInbox.Reader log = vm.events().reader();
        assertThat(vm.operations().runLookups(100)).isTrue();
        assertThat(vm.timeline().outcomeCount()).as("nothing runs before the next frame").isZero();
        assertThat(vm.builder().buildingProperty().get()).as("the progress bar and Stop show").isTrue();
        assertThat(vm.builder().workProperty().get()).isEqualTo("100 lookups");
        runBatch();
        assertThat(vm.builder().buildingProperty().get()).isFalse();
        assertThat(vm.timeline().outcomeCount()).as("every lookup's result is charted").isEqualTo(100);
        long finished = log.drain().stream()
                .filter(e -> e instanceof SimEvent.LookupFinished f && f.purpose() == LookupPurpose.FIND_NODE && f.exact() != null)
                .count();
        assertThat(finished).as("and logged").isEqualTo(100);
        assertThat(vm.status().captionProperty().get()).startsWith("Ran 100 find_node lookups").contains("exact", "mean recall");
        assertThat(vm.simulation().isBusy()).as("the network settled after the last one").isFalse();
    }

    @Test
    void theSavedScenarioSaysLookups100AndReplaysTheVeryLookupsTheWindowRan() throws Exception {
        assertThat(vm.operations().runLookups(100)).isTrue();
        runBatch();
        assertThat(vm.commands().killPercent(30)).isPositive();
        assertThat(vm.operations().runLookups(100)).isTrue();
        runBatch();
        List<Scenario.Step> steps = vm.recorder().recordedSteps();
        assertThat(steps.subList(steps.size() - 3, steps.size()))
                .containsExactly(new Scenario.Lookups(0, 100), new Scenario.Kill(0, -1, 0.3), new Scenario.Lookups(0, 100));

        Simulation replay = new Simulation(vm.recorder().scenario().config());
        new ScenarioRunner(vm.recorder().scenario(), replay).run();
        assertThat(lookups(replay.operations())).as("same origins, targets and verdicts, in order")
                .hasSize(200).isEqualTo(lookups(vm.simulation().operations()));
    }

    @Test
    void stopEndsTheBatchAndOnlyTheLookupsThatRanAreRecorded() {
        assertThat(vm.operations().runLookups(5_000)).isTrue();
        vm.playback().tick(FRAME);
        long ran = vm.timeline().outcomeCount();
        assertThat(ran).as("one frame's slice runs some, not all").isBetween(1L, 4_999L);
        vm.builder().cancelWork();
        vm.playback().tick(FRAME);
        vm.playback().tick(FRAME);
        assertThat(vm.timeline().outcomeCount()).as("nothing runs after Stop").isEqualTo(ran);
        assertThat(vm.builder().buildingProperty().get()).isFalse();
        List<Scenario.Step> steps = vm.recorder().recordedSteps();
        assertThat(steps.get(steps.size() - 1)).isEqualTo(new Scenario.Lookups(0, (int) ran));
        assertThat(vm.status().captionProperty().get()).startsWith("Stopped after " + ran + " of 5000 lookups");
    }

    @Test
    void aStepTheUserTakesMidwaySplitsTheRecordedBatchWhereItHappened() {
        assertThat(vm.operations().runLookups(3_000)).isTrue();
        vm.playback().tick(FRAME);
        int before = (int) vm.timeline().outcomeCount();
        assertThat(vm.commands().killSelected()).isTrue();
        runBatch();
        List<Scenario.Step> steps = vm.recorder().recordedSteps();
        assertThat(steps.subList(steps.size() - 3, steps.size())).containsExactly(new Scenario.Lookups(0, before),
                new Scenario.KillNode(0, vm.keySpace().hex(vm.selection().selectedNode())), new Scenario.Lookups(0, 3_000 - before));
    }

    @Test
    void aCountOutOfRangeOrANetworkWithNoLiveNodeIsRefusedWithAMessage() {
        assertThat(vm.operations().runLookups(0)).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).contains("between 1 and 10000");
        assertThat(vm.operations().runLookups(Operations.MAX_BATCH_LOOKUPS + 1)).isFalse();
        assertThat(vm.operations().runLookups(Operations.MAX_BATCH_LOOKUPS)).isTrue();
        assertThat(vm.operations().runLookups(1)).as("the lookups waiting are bounded").isFalse();
        assertThat(vm.status().targetErrorProperty().get()).contains("at most 10000 may wait at once");
        vm.builder().cancelWork();
        assertThat(vm.commands().killPercent(100)).isPositive();
        vm.simulation().nodes().forEach(n -> {
            if (n.isAlive()) {
                vm.simulation().kill(n);
            }
        });
        assertThat(vm.operations().runLookups(10)).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).contains("No node is live");
        assertThat(vm.builder().buildingProperty().get()).isFalse();
    }

    @Test
    void aFindValueTheOriginAnswersFromItsOwnStoreIsChartedThoughNoLookupRan() {
        vm.operations().keyTextProperty().set("greeting");
        vm.operations().valueTextProperty().set("hello");
        assertThat(vm.operations().store()).isTrue();
        vm.playback().playingProperty().set(true);
        for (int i = 0; i < 2_000 && vm.simulation().isBusy(); i++) {
            vm.playback().tick(FRAME);
        }
        var key = vm.keySpace().keyId("greeting");
        var holder = vm.simulation().nodes().stream()
                .filter(n -> n.isAlive() && n.kad().recordStore().get(key, vm.simulation().now()) != null).findFirst().orElseThrow();
        vm.selection().select(holder.id());
        assertThat(vm.operations().findValue()).isTrue();
        assertThat(vm.selection().selectedLookup().hasLookup()).as("a holder answers from its own store").isFalse();
        List<OutcomeTimeline.Point> found = vm.timeline().findValueSuccess();
        assertThat(found).as("found in its own store: a success all the same").hasSize(1);
        assertThat(found.get(0).value()).isEqualTo(1.0);
    }

    private void runBatch() {
        for (int i = 0; i < 10_000 && vm.lookupBatch().isRunning(); i++) {
            vm.playback().tick(FRAME);
        }
        assertThat(vm.lookupBatch().isRunning()).isFalse();
    }

    private static List<String> lookups(List<OperationRecord> records) {
        List<String> out = new ArrayList<>();
        for (OperationRecord r : records) {
            out.add(r.op() + " " + r.origin() + " -> " + r.target() + " exact " + r.exact() + " recall " + r.recall());
        }
        return out;
    }
}
