package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kadlab.sim.Background;
import org.kadlab.sim.SessionModel;
import org.kadlab.sim.SimEvent;

/** Churn and a background workload from the window: started and stopped, played out as time runs, marked, charted. */
class ChurnControlTest {
    private static final long FRAME = 16_666_667L;
    private NetworkViewModel vm;
    private int kills;
    private int adds;

    @BeforeEach
    void setUp() {
        vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
        vm.simulation().addListener(e -> {
            kills += e instanceof SimEvent.NodeKilled ? 1 : 0;
            adds += e instanceof SimEvent.NodeAdded ? 1 : 0;
        });
    }

    @Test
    void churnStartsAtOnceActsAsRunForLetsTimePassAndStopsWhenTold() {
        long t0 = vm.simulation().now();
        assertThat(vm.churn().startChurn(SessionModel.WEIBULL, 120_000, 0.5, Background.UNTIL_STOPPED)).isTrue();
        assertThat(vm.simulation().now()).as("starting churn runs nothing").isEqualTo(t0);
        assertThat(vm.churn().churnRunningProperty().get()).isTrue();
        runFor(600_000);
        assertThat(kills).as("sessions of a 2 min mean end within 10 min").isGreaterThan(5);
        assertThat(adds).as("newcomers join").isGreaterThan(5);
        assertThat(vm.churn().summaryProperty().get()).startsWith("churn: weibull sessions of mean 2 min, shape 0.5");

        vm.churn().stopChurn();
        assertThat(vm.churn().churnRunningProperty().get()).isFalse();
        int k = kills;
        int a = adds;
        runFor(600_000);
        assertThat(kills).as("nobody leaves after Stop").isEqualTo(k);
        assertThat(adds).as("nobody arrives after Stop").isEqualTo(a);
        List<OutcomeTimeline.Marker> marks = vm.timeline().markers();
        assertThat(marks).extracting(OutcomeTimeline.Marker::kind)
                .containsExactly(OutcomeTimeline.MarkerKind.CHURN_START, OutcomeTimeline.MarkerKind.CHURN_STOP);
        assertThat(marks.get(0).timeMs()).isEqualTo(t0);
        assertThat(marks.get(0).label()).isEqualTo("churn weibull 2 min");
        assertThat(marks.get(1).timeMs()).isEqualTo(t0 + 600_000);
        assertThat(marks.get(1).label()).isEqualTo("churn off");
    }

    @Test
    void whileChurnRunsPlayingLetsVirtualTimePassWithNothingElseUnderWay() {
        vm.playback().speedProperty().set(Playback.MAX_SPEED - 1); // 10 virtual seconds per real second, not "max"
        vm.playback().playingProperty().set(true);
        long t0 = vm.simulation().now();
        for (int i = 0; i < 60; i++) {
            vm.playback().tick(FRAME);
        }
        assertThat(vm.simulation().now()).as("an idle network waits").isEqualTo(t0);
        vm.churn().startChurn(SessionModel.EXPONENTIAL, 600_000, 1, Background.UNTIL_STOPPED);
        for (int i = 0; i < 60; i++) {
            vm.playback().tick(FRAME);
        }
        assertThat(vm.simulation().now() - t0).as("a second of frames at 10 s per second").isBetween(9_000L, 10_100L);
        assertThat(vm.playback().displayTimeProperty().get()).isEqualTo(vm.simulation().now());
        vm.churn().stopChurn();
        vm.playback().tick(FRAME);
        long stopped = vm.simulation().now();
        for (int i = 0; i < 600 && vm.simulation().isBusy(); i++) {
            vm.playback().tick(FRAME);
        }
        long settled = vm.simulation().now();
        for (int i = 0; i < 60; i++) {
            vm.playback().tick(FRAME);
        }
        assertThat(vm.simulation().now()).as("idle again after Stop (%d ms at stop)", stopped).isEqualTo(settled);
    }

    @Test
    void churnForAWhileEndsByItselfAndIsMarkedWhereItEnded() {
        long t0 = vm.simulation().now();
        vm.churn().startChurn(SessionModel.PARETO, 300_000, 2, 600_000);
        runFor(900_000);
        assertThat(vm.churn().churnRunningProperty().get()).isFalse();
        OutcomeTimeline.Marker end = vm.timeline().markers().get(1);
        assertThat(end.label()).isEqualTo("churn ended");
        assertThat(end.timeMs()).isEqualTo(t0 + 600_000);
    }

    @Test
    void aWorkloadsQueriesAreJudgedAndChartedLikeTheUsersOwn() {
        vm.operations().keyTextProperty().set("greeting");
        vm.operations().valueTextProperty().set("hello");
        assertThat(vm.operations().store()).isTrue();
        assertThat(vm.churn().startWorkload(600, 120, Background.UNTIL_STOPPED)).isTrue();
        assertThat(vm.churn().workloadRunningProperty().get()).isTrue();
        runFor(600_000);
        vm.churn().stopWorkload();
        long charted = vm.timeline().outcomesSince(0).stream()
                .filter(o -> o.purpose() == org.kadlab.kad.LookupPurpose.FIND_NODE).count();
        assertThat(charted).as("about 100 lookups in 10 minutes at 600 an hour").isBetween(60L, 140L);
        assertThat(vm.timeline().findValueSuccess()).as("find_values of the stored key").isNotEmpty();
        assertThat(vm.churn().summaryProperty().get()).startsWith("workload (stopped): " + charted + " lookups (")
                .contains("find_values");
        long after = vm.timeline().outcomeCount();
        runFor(600_000);
        assertThat(vm.timeline().outcomeCount()).as("no query after Stop").isEqualTo(after);
    }

    @Test
    void impossibleSettingsAreRefusedWithAMessageNamingTheField() {
        assertThat(vm.churn().startChurn(SessionModel.PARETO, 600_000, 1.0, Background.UNTIL_STOPPED)).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).contains("shape must be above 1");
        assertThat(vm.churn().startChurn(SessionModel.WEIBULL, 0, 0.5, Background.UNTIL_STOPPED)).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).startsWith("mean session");
        assertThat(vm.churn().startWorkload(-1, 0, Background.UNTIL_STOPPED)).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).startsWith("workload");
        assertThat(vm.churn().startWorkload(0, 0, Background.UNTIL_STOPPED)).isFalse();
        assertThat(vm.churn().isRunning()).isFalse();
        assertThat(vm.timeline().markers()).isEmpty();
    }

    @Test
    void theSavedScenarioSaysWhatItLeavesOutAndANewNetworkStopsBoth() {
        vm.churn().startChurn(SessionModel.WEIBULL, 1_800_000, 0.5, Background.UNTIL_STOPPED);
        vm.churn().startWorkload(600, 0, 3_600_000);
        String yaml = vm.recorder().scenarioText();
        assertThat(yaml).contains("# Left out: no scenario step runs churn or a workload in the background")
                .contains("#   - churn (weibull sessions of mean 30 min, shape 0.5) from ")
                .contains("#   - a workload of 600 lookups and 0 find_values an hour for 1 h from ");
        assertThat(vm.recorder().recordedSteps()).noneMatch(s -> s instanceof org.kadlab.sim.scenario.Scenario.Churn);
        vm.builder().reset();
        assertThat(vm.churn().isRunning()).isFalse();
        assertThat(vm.recorder().leftOut()).isEmpty();
        assertThat(vm.churn().summaryProperty().get()).isEmpty();
    }

    private void runFor(long ms) {
        assertThat(vm.playback().runFor(ms)).isTrue();
        for (int i = 0; i < 100_000 && vm.builder().buildingProperty().get(); i++) {
            vm.playback().tick(FRAME);
        }
        assertThat(vm.builder().buildingProperty().get()).isFalse();
    }
}
