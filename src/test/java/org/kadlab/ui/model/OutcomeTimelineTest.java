package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.OperationRecord;
import org.kadlab.sim.SimEvent;
import org.kadlab.sim.scenario.Scenario;

/** The timeline the resilience chart reads: rolling shares over the recent operations, markers, bounds. */
class OutcomeTimelineTest {
    private static final long FRAME = 16_666_667L;
    private final KeySpace ks = new KeySpace(16);

    @Test
    void eachFindNodeAddsTheExactShareAndMeanRecallOfTheLastTwentyAtTheTimeItEnded() {
        OutcomeTimeline t = new OutcomeTimeline();
        for (int i = 0; i < 20; i++) {
            t.observe(findNode(1_000 + i, 4, 0));
        }
        for (int i = 0; i < 10; i++) {
            t.observe(findNode(2_000 + i, 4, 2)); // missed 2 of 4: recall 0.5
        }
        List<OutcomeTimeline.Point> exact = t.exactShare();
        List<OutcomeTimeline.Point> recall = t.meanRecall();
        assertThat(exact).hasSize(30);
        assertThat(exact.get(19)).isEqualTo(new OutcomeTimeline.Point(1_019, 1.0));
        assertThat(exact.get(29).timeMs()).isEqualTo(2_009);
        assertThat(exact.get(29).value()).as("10 exact of the last 20").isEqualTo(0.5);
        assertThat(recall.get(29).value()).as("(10 x 1 + 10 x 0.5) / 20").isCloseTo(0.75, within(1e-12));
        assertThat(t.findValueSuccess()).as("find_values have their own line").isEmpty();
    }

    @Test
    void findValuesCountTheShareThatFoundTheValueAndInternalLookupsCountForNothing() {
        OutcomeTimeline t = new OutcomeTimeline();
        t.observe(findValue(10, true));
        t.observe(findValue(20, false));
        t.observe(new SimEvent.LookupFinished(30, 9, id("0001"), id("0002"), LookupPurpose.REFRESH, List.of(), 1, 1, 0, null,
                List.of(), null, List.of()));
        assertThat(t.findValueSuccess()).containsExactly(new OutcomeTimeline.Point(10, 1.0), new OutcomeTimeline.Point(20, 0.5));
        assertThat(t.outcomeCount()).as("a refresh is not a user operation").isEqualTo(2);
        assertThat(t.exactShare()).isEmpty();
    }

    @Test
    void everythingKeptIsBoundedAndReadersLearnWhatFellOut() {
        OutcomeTimeline t = new OutcomeTimeline();
        int n = OutcomeTimeline.MAX_OUTCOMES + 500;
        for (int i = 0; i < n; i++) {
            t.observe(findNode(i, 4, 0));
            t.mark(i, OutcomeTimeline.MarkerKind.KILL, "kill");
        }
        assertThat(t.outcomeCount()).isEqualTo(n);
        assertThat(t.outcomesSince(0)).as("only the newest are kept").hasSize(OutcomeTimeline.MAX_OUTCOMES);
        assertThat(t.outcomesSince(n - 3)).extracting(OperationOutcome::timeMs).containsExactly((long) n - 3, (long) n - 2, (long) n - 1);
        assertThat(t.outcomesSince(n)).isEmpty();
        assertThat(t.exactShare()).hasSize(OutcomeTimeline.MAX_POINTS);
        assertThat(t.markers()).hasSize(OutcomeTimeline.MAX_MARKERS);
        assertThat(t.markers().get(OutcomeTimeline.MAX_MARKERS - 1).timeMs()).isEqualTo(n - 1);
    }

    @Test
    void theRecallChartedIsTheOperationRecordsRecall() {
        NetworkViewModel vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
        vm.commands().killPercent(40);
        vm.operations().runLookups(60);
        while (vm.lookupBatch().isRunning()) {
            vm.playback().tick(FRAME);
        }
        List<Double> charted = new ArrayList<>();
        for (OperationOutcome o : vm.timeline().outcomesSince(0)) {
            charted.add(o.recall());
        }
        List<Double> recorded = new ArrayList<>();
        for (OperationRecord r : vm.simulation().operations()) {
            recorded.add(r.recall());
        }
        assertThat(charted).hasSize(60).isEqualTo(recorded);
        assertThat(charted).as("after the kill some lookups miss true closest nodes").anyMatch(r -> r < 1.0);
    }

    @Test
    void killsRevivalsAndAddedNodesAreMarkedAtTheirVirtualTimeAndANewNetworkStartsOver() {
        NetworkViewModel vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
        long t0 = vm.simulation().now();
        vm.commands().killPercent(30);
        vm.selection().select(vm.simulation().randomLive().id());
        assertThat(vm.commands().killSelected()).isTrue();
        vm.commands().reviveAll();
        vm.commands().addNodes(3);
        assertThat(vm.timeline().markers()).extracting(OutcomeTimeline.Marker::kind).containsExactly(
                OutcomeTimeline.MarkerKind.KILL, OutcomeTimeline.MarkerKind.KILL, OutcomeTimeline.MarkerKind.REVIVE,
                OutcomeTimeline.MarkerKind.ADD);
        assertThat(vm.timeline().markers()).extracting(OutcomeTimeline.Marker::label)
                .containsExactly("kill 30%", "kill " + vm.keySpace().hex(vm.selection().selectedNode()), "revive 11", "add 3"); // 30% of 32 is 10, and the one
        assertThat(vm.timeline().markers().get(0).timeMs()).isEqualTo(t0);
        vm.builder().reset();
        assertThat(vm.timeline().markers()).isEmpty();
        assertThat(vm.timeline().outcomeCount()).isZero();
    }

    @Test
    void runForIsRecordedAsOneAdvanceStepSoTheSavedScenarioLetsTheSameTimePass() {
        NetworkViewModel vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
        assertThat(vm.playback().runFor(600_000)).isTrue();
        for (int i = 0; i < 10_000 && vm.builder().buildingProperty().get(); i++) {
            vm.playback().tick(FRAME);
        }
        List<Scenario.Step> steps = vm.recorder().recordedSteps();
        assertThat(steps.get(steps.size() - 1)).isEqualTo(new Scenario.Advance(0, 600_000));
    }

    private SimEvent.LookupFinished findNode(long time, int truth, int missed) {
        List<NodeId> all = new ArrayList<>();
        for (int i = 0; i < truth; i++) {
            all.add(ks.id(java.math.BigInteger.valueOf(100 + i)));
        }
        List<NodeId> gone = all.subList(0, missed);
        return new SimEvent.LookupFinished(time, time, id("0001"), id("0002"), LookupPurpose.FIND_NODE, all.subList(missed, truth),
                2, 6, 0, null, all, missed == 0, new ArrayList<>(gone));
    }

    private SimEvent.LookupFinished findValue(long time, boolean found) {
        return new SimEvent.LookupFinished(time, time, id("0001"), id("0002"), LookupPurpose.FIND_VALUE, List.of(), 2, 6, 0, found,
                List.of(), false, List.of());
    }

    private NodeId id(String hex) {
        return ks.parse(hex);
    }
}
