package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.Lookup;
import org.kadlab.sim.SimNode;
import org.kadlab.sim.scenario.Scenario;
import org.kadlab.ui.widgets.NodeTooltips;

/** The view model without a Stage: selection, find_node, stepping, kill, add, revive, reset. */
class NetworkViewModelTest {
    private NetworkViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
    }

    @Test
    void defaultNetworkHas32JoinedLiveNodesAndSelectsTheFirst() {
        assertThat(vm.nodeCountProperty().get()).isEqualTo(32);
        assertThat(vm.liveCountProperty().get()).isEqualTo(32);
        assertThat(vm.simulation().isBusy()).as("the joins have settled").isFalse();
        assertThat(vm.keySpace().bits()).isEqualTo(16);
        assertThat(vm.selection().selectedNode()).isEqualTo(vm.simulation().nodes().get(0).id());
        for (SimNode n : vm.simulation().nodes()) {
            assertThat(n.kad().routingTable().size()).as("every node knows someone").isPositive();
            assertThat(n.kad().config().k()).isEqualTo(4);
            assertThat(n.kad().config().alpha()).isEqualTo(3);
        }
    }

    @Test
    void whileTheInspectedLookupPlaysTheCaptionTellsItsStepsNotTableDrama() {
        assertThat(captionsDuringLookups(true)).as("playing: no bucket captions while the lookup runs")
                .noneMatch(c -> c.contains("bucket"));
        vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
        assertThat(captionsDuringLookups(false)).as("stepping: the same lookups do meet full buckets, and say so")
                .anyMatch(c -> c.contains("bucket"));
    }

    /** Captions shown while each of eight lookups from different nodes ran, playing or stepping. */
    private java.util.List<String> captionsDuringLookups(boolean play) {
        java.util.List<String> seen = new java.util.ArrayList<>();
        vm.status().captionProperty().addListener((o, a, b) -> {
            if (vm.selection().selectedLookup() != null && !vm.selection().selectedLookup().isOver()) {
                seen.add(b);
            }
        });
        for (int i = 0; i < 8; i++) {
            vm.selection().select(vm.simulation().nodes().get(3 * i + 1).id());
            vm.operations().targetTextProperty().set(String.format("%04x", (0x2f1b * (i + 1)) & 0xffff));
            assertThat(vm.operations().findNode()).isTrue();
            vm.playback().playingProperty().set(play);
            for (int f = 0; f < 20_000 && !vm.selection().selectedLookup().isOver(); f++) {
                if (play) {
                    vm.playback().tick(16_666_667L);
                } else {
                    vm.playback().stepOnce();
                }
            }
            if (play) {
                for (int f = 0; f < 300; f++) {
                    vm.playback().tick(16_666_667L); // the pings and table updates that follow the lookup
                }
                assertThat(vm.status().captionProperty().get()).as("playing: the lookup's result stays in the caption")
                        .startsWith("Lookup for");
            }
        }
        return seen;
    }

    @Test
    void atTopSpeedAFrameRunsItsWholeBudgetWhateverTheVirtualTime() {
        vm.operations().targetTextProperty().set("7f00");
        vm.operations().findNode();
        vm.playback().playingProperty().set(true);
        vm.playback().tick(16_666_667L);
        assertThat(vm.selection().selectedLookup().isOver()).as("at 150 virtual ms a second, one frame is 2.5 ms: too short").isFalse();
        vm.playback().speedProperty().set(Playback.MAX_SPEED);
        assertThat(vm.playback().isFlatOut()).isTrue();
        int steps = vm.playback().tick(16_666_667L);
        assertThat(steps).as("never more than the budget").isPositive().isLessThanOrEqualTo(Playback.EVENT_BUDGET_PER_FRAME);
        for (int f = 0; f < 20 && !vm.selection().selectedLookup().isOver(); f++) {
            assertThat(steps).as("a frame that left work undone used its whole budget")
                    .isEqualTo(Playback.EVENT_BUDGET_PER_FRAME);
            steps = vm.playback().tick(16_666_667L);
        }
        assertThat(vm.selection().selectedLookup().isOver()).as("flat out, a lookup on 32 nodes takes a few frames at most").isTrue();
    }

    @Test
    void aQueryStillWaitingWhenItsLookupEndsIsShownAsNoLongerNeeded() {
        int seen = 0;
        for (int i = 0; i < 10; i++) {
            vm.selection().select(vm.simulation().nodes().get(2 * i + 1).id());
            vm.operations().targetTextProperty().set(String.format("%04x", (0x3d17 * (i + 3)) & 0xffff));
            assertThat(vm.operations().findNode()).isTrue();
            LookupSession s = vm.selection().selectedLookup();
            while (!s.isOver()) {
                for (CandidateRow r : s.rows(vm.network())) {
                    if (r.state() == Lookup.CandidateState.WAITING) {
                        assertThat(r.stateLabel()).as("running").isEqualTo("waiting");
                    }
                }
                vm.playback().stepOnce();
            }
            for (CandidateRow r : s.rows(vm.network())) {
                if (r.state() == Lookup.CandidateState.WAITING) {
                    seen++;
                    assertThat(r.stateLabel()).as("ended with the query in flight").isEqualTo("not needed");
                    assertThat(r.shownPseudoClass()).isEqualTo(CandidateRow.NOT_NEEDED);
                }
            }
        }
        assertThat(seen).as("lookups that ended with queries in flight").isPositive();
    }

    @Test
    void selectingANodeChangesTheSelectedNodeProperty() {
        SimNode other = vm.simulation().nodes().get(5);
        long before = vm.revisionProperty().get();
        vm.selection().select(other.id());
        assertThat(vm.selection().selectedNodeProperty().get()).isEqualTo(other.id());
        assertThat(vm.revisionProperty().get()).as("views are told to redraw").isGreaterThan(before);
    }

    @Test
    void findNodeWithAHexTargetStartsALookupFromTheSelectedNode() {
        vm.operations().targetTextProperty().set("7f00");
        assertThat(vm.operations().findNode()).isTrue();
        LookupSession s = vm.selection().selectedLookup();
        assertThat(s).isNotNull();
        assertThat(s.origin()).isEqualTo(vm.selection().selectedNode());
        assertThat(vm.keySpace().hex(s.target())).isEqualTo("7f00");
        assertThat(s.lookup()).isNotNull();
        assertThat(s.simId()).isPositive();
        assertThat(s.rows(vm.network())).extracting(CandidateRow::state).contains(Lookup.CandidateState.WAITING);
        assertThat(vm.status().targetErrorProperty().get()).isEmpty();
        assertThat(vm.status().captionProperty().get()).contains("asks").contains("7f00");
    }

    @Test
    void findNodeAcceptsBinaryTargets() {
        vm.operations().targetTextProperty().set("0b0111_1111_0000_0000");
        assertThat(vm.operations().findNode()).isTrue();
        assertThat(vm.keySpace().hex(vm.selection().selectedLookup().target())).isEqualTo("7f00");
    }

    @Test
    void badTargetTextSetsAnInlineErrorAndNeverThrows() {
        vm.operations().targetTextProperty().set("7g00");
        assertThat(vm.operations().findNode()).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).contains("'g'").contains("not a hex digit");
        assertThat(vm.selection().selectedLookup()).isNull();

        vm.operations().targetTextProperty().set("");
        assertThat(vm.operations().findNode()).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).startsWith("id is empty");

        vm.operations().targetTextProperty().set("123456");
        assertThat(vm.operations().findNode()).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).contains("at most 4");

        vm.operations().targetTextProperty().set("0b102");
        assertThat(vm.operations().findNode()).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).contains("not a binary digit");

        vm.operations().targetTextProperty().set("7f00");
        assertThat(vm.operations().findNode()).isTrue();
        assertThat(vm.status().targetErrorProperty().get()).as("a good id clears the error").isEmpty();
    }

    @Test
    void steppingRunsExactlyOneSimulationEvent() {
        vm.operations().targetTextProperty().set("7f00");
        vm.operations().findNode();
        for (int i = 0; i < 5; i++) {
            long before = vm.simulation().stats().events();
            vm.playback().stepOnce();
            assertThat(vm.simulation().stats().events()).isEqualTo(before + 1);
            assertThat(vm.playback().playingProperty().get()).isFalse();
        }
    }

    @Test
    void steppingTellsEveryAnswerEvenWhenTheSameStepSendsTheNextQuery() {
        vm.operations().targetTextProperty().set("7f00");
        vm.operations().findNode();
        int told = 0;
        while (!vm.selection().selectedLookup().isOver()) {
            String before = vm.status().captionProperty().get();
            vm.playback().stepOnce();
            String now = vm.status().captionProperty().get();
            if (!now.equals(before) && now.contains("answers with")) {
                told++;
            }
        }
        long answered = vm.selection().selectedLookup().rows(vm.network()).stream()
                .filter(r -> r.state() == Lookup.CandidateState.SUCCEEDED).count();
        assertThat(told).as("steps whose caption said who answered, one per answer").isEqualTo((int) answered);
    }

    @Test
    void steppingThroughALookupEndsWithAJudgedSummaryAndCaption() {
        vm.operations().targetTextProperty().set("7f00");
        vm.operations().findNode();
        boolean sawAnswer = false;
        for (int i = 0; i < 10_000 && !vm.selection().selectedLookup().isOver(); i++) {
            vm.playback().stepOnce();
            sawAnswer |= vm.status().captionProperty().get().contains("answers with");
        }
        LookupSession s = vm.selection().selectedLookup();
        assertThat(s.finished()).isNotNull();
        assertThat(sawAnswer).as("a caption said who answered with how many contacts").isTrue();
        assertThat(s.summary(vm.network())).startsWith("Finished in").contains("RPCs");
        assertThat(vm.status().captionProperty().get()).as("the last step leads with the end, then the answer that ended it")
                .startsWith("Lookup for 7f00 done").contains("answers with");
        assertThat(s.rows(vm.network())).filteredOn(CandidateRow::kClosest).hasSize(4);
        assertThat(s.rows(vm.network())).filteredOn(CandidateRow::trueClosest).isNotEmpty();
    }

    @Test
    void inRoundsModeTheInspectorShowsRoundsOfAtMostAlphaQueries() {
        org.kadlab.kad.KadConfig kad = org.kadlab.kad.KadConfig.builder().bits(16).k(4).alpha(2)
                .lookupMode(org.kadlab.kad.LookupMode.ROUNDS).build();
        NetworkViewModel rounds = new NetworkViewModel(NetworkViewModel.defaultConfig(1).withKad(kad), 32);
        rounds.operations().targetTextProperty().set("7f00");
        rounds.operations().findNode();
        for (int i = 0; i < 10_000 && !rounds.selection().selectedLookup().isOver(); i++) {
            rounds.playback().stepOnce();
        }
        java.util.Map<Integer, Long> perRound = new java.util.TreeMap<>();
        for (CandidateRow r : rounds.selection().selectedLookup().rows(rounds.network())) {
            if (r.round() > 0) {
                perRound.merge(r.round(), 1L, Long::sum);
            }
        }
        assertThat(perRound).as("queries per round").isNotEmpty();
        assertThat(perRound.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        assertThat(perRound.keySet()).as("rounds are numbered 1, 2, ... without gaps")
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, perRound.size()).boxed().toList());
        rounds.shutdown();
    }

    @Test
    void playingTheClockFinishesALookupWithinTheEventBudgetPerFrame() {
        vm.operations().targetTextProperty().set("7f00");
        vm.operations().findNode();
        vm.playback().playingProperty().set(true);
        vm.playback().speedProperty().set(Playback.MAX_SPEED);
        for (int frame = 0; frame < 600 && !vm.selection().selectedLookup().isOver(); frame++) {
            int steps = vm.playback().tick(16_666_667L);
            assertThat(steps).isLessThanOrEqualTo(Playback.EVENT_BUDGET_PER_FRAME);
        }
        assertThat(vm.selection().selectedLookup().isOver()).isTrue();
        assertThat(vm.playback().displayTimeProperty().get()).isEqualTo(vm.simulation().now());
    }

    @Test
    void pausedTicksDoNotRunTheSimulation() {
        vm.operations().targetTextProperty().set("7f00");
        vm.operations().findNode();
        long before = vm.simulation().stats().events();
        assertThat(vm.playback().tick(1_000_000_000L)).isZero();
        assertThat(vm.simulation().stats().events()).isEqualTo(before);
    }

    @Test
    void killSelectedCrashesItAndALookupFromItIsRefused() {
        SimNode n = vm.simulation().node(vm.selection().selectedNode());
        assertThat(vm.commands().killSelected()).isTrue();
        assertThat(n.isAlive()).isFalse();
        assertThat(vm.liveCountProperty().get()).isEqualTo(31);
        assertThat(vm.status().captionProperty().get()).contains("crashed");
        vm.operations().targetTextProperty().set("7f00");
        assertThat(vm.operations().findNode()).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).contains("is down");
        assertThat(vm.commands().killSelected()).isFalse();
    }

    @Test
    void addNodesGrowsTheNetworkAndEveryNewcomerJoins() {
        assertThat(vm.commands().addNodes(8)).isTrue();
        assertThat(vm.nodeCountProperty().get()).isEqualTo(40);
        assertThat(vm.liveCountProperty().get()).isEqualTo(40);
        assertThat(vm.simulation().isBusy()).isFalse();
        for (SimNode n : vm.simulation().nodes().subList(32, 40)) {
            assertThat(n.kad().routingTable().size()).isPositive();
        }
        assertThat(vm.commands().addNodes(0)).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).contains("at least one");
        assertThat(vm.commands().addNodes(NetworkCommands.MAX_NODES)).isFalse();
        assertThat(vm.nodeCountProperty().get()).isEqualTo(40);
    }

    @Test
    void reviveAllBringsBackEveryCrashedNode() {
        vm.commands().killSelected();
        vm.selection().select(vm.simulation().nodes().get(3).id());
        vm.commands().killSelected();
        assertThat(vm.commands().reviveAll()).isEqualTo(2);
        assertThat(vm.liveCountProperty().get()).isEqualTo(32);
    }

    @Test
    void resetBuildsTheStartingNetworkAgain() {
        vm.commands().addNodes(4);
        vm.operations().targetTextProperty().set("7f00");
        vm.operations().findNode();
        vm.builder().reset();
        assertThat(vm.nodeCountProperty().get()).isEqualTo(32);
        assertThat(vm.selection().selectedLookup()).isNull();
        assertThat(vm.rpcs().pulses()).isEmpty();
    }

    @Test
    void lookupRpcsShowAsPulsesThatLeaveWhenAnswered() {
        vm.operations().targetTextProperty().set("7f00");
        vm.operations().findNode();
        assertThat(vm.rpcs().pulses()).isNotEmpty().allMatch(RpcPulse::ofSelectedLookup);
        for (int i = 0; i < 10_000 && vm.simulation().isBusy(); i++) {
            vm.playback().stepOnce();
        }
        assertThat(vm.selection().selectedLookup().isOver()).isTrue();
        assertThat(vm.rpcs().pulses()).as("late answers arrive after the lookup ends, then nothing is in flight")
                .allMatch(p -> p.phase() == RpcPulse.Phase.TIMED_OUT);
    }

    @Test
    void hoverTextGivesTheIdInHexAndBinaryAndItsBucket() {
        SimNode other = vm.simulation().nodes().get(1);
        String text = NodeTooltips.describe(other.id(), vm);
        String hex = vm.keySpace().hex(other.id());
        assertThat(text).startsWith("id " + hex + "  (live)")
                .contains("bin " + IdText.grouped(vm.keySpace().binary(other.id())))
                .contains("bucket " + vm.selection().selectedNode().bucketIndex(other.id()));
        assertThat(IdText.grouped("0111111100000000")).isEqualTo("0111 1111 0000 0000");
    }

    @Test
    void speedIsClampedToItsRange() {
        vm.playback().speedProperty().set(1e9);
        assertThat(vm.playback().speedProperty().get()).isEqualTo(Playback.MAX_SPEED);
        vm.playback().speedProperty().set(-3);
        assertThat(vm.playback().speedProperty().get()).isEqualTo(Playback.MIN_SPEED);
    }

    @Test
    void killPercentCrashesThatShareOfTheLiveNodesAndRecordsIt() {
        int live = vm.liveCountProperty().get();
        assertThat(vm.commands().killPercent(30)).isEqualTo((int) Math.round(0.30 * live));
        assertThat(vm.liveCountProperty().get()).isEqualTo(live - (int) Math.round(0.30 * live));
        assertThat(vm.simulation().liveCount()).isEqualTo(vm.liveCountProperty().get());
        assertThat(vm.recorder().recordedSteps()).contains(new Scenario.Kill(0, -1, 0.3));
        assertThat(vm.recorder().scenarioText()).contains("  - kill: \"30%\"\n");
        assertThat(vm.status().targetErrorProperty().get()).isEmpty();
    }

    @Test
    void killPercentIsReproducibleFromTheSeed() {
        vm.commands().killPercent(25);
        NetworkViewModel again = new NetworkViewModel();
        again.commands().killPercent(25);
        java.util.List<String> a = new java.util.ArrayList<>();
        java.util.List<String> b = new java.util.ArrayList<>();
        for (SimNode n : vm.simulation().nodes()) {
            if (!n.isAlive()) {
                a.add(vm.keySpace().hex(n.id()));
            }
        }
        for (SimNode n : again.simulation().nodes()) {
            if (!n.isAlive()) {
                b.add(again.keySpace().hex(n.id()));
            }
        }
        assertThat(a).isNotEmpty().isEqualTo(b);
    }

    @Test
    void killPercentOfNoneOrAllNeverThrowsAndSparesTheLastLiveNode() {
        int live = vm.liveCountProperty().get();
        assertThat(vm.commands().killPercent(0)).isZero();
        assertThat(vm.liveCountProperty().get()).isEqualTo(live);
        assertThat(vm.commands().killPercent(100)).isEqualTo(live - 1);
        assertThat(vm.liveCountProperty().get()).isEqualTo(1);
        assertThat(vm.recorder().recordedSteps()).contains(new Scenario.Kill(0, live - 1, -1));
        assertThat(vm.commands().killPercent(100)).isZero();
        assertThat(vm.liveCountProperty().get()).isEqualTo(1);
        assertThat(vm.commands().killPercent(101)).isEqualTo(-1);
        assertThat(vm.status().targetErrorProperty().get()).contains("100%");
    }

    @Test
    void recentLookupsAreKeptNewestFirstAndAnyOfThemCanBeInspected() {
        vm.operations().targetTextProperty().set("7f00");
        vm.operations().findNode();
        LookupSession first = vm.selection().selectedLookup();
        vm.operations().targetTextProperty().set("0123");
        vm.operations().findNode();
        LookupSession second = vm.selection().selectedLookup();
        for (int i = 0; i < 20_000 && (vm.simulation().isBusy() || !first.isOver() || !second.isOver()); i++) {
            vm.playback().stepOnce();
        }
        assertThat(vm.selection().selectedLookup()).isSameAs(second);
        assertThat(vm.selection().recentLookups()).containsExactly(second, first);
        assertThat(vm.selection().selectLookup(first)).isTrue();
        assertThat(vm.selection().selectedLookupProperty().get()).isSameAs(first);
        assertThat(first.isOver()).as("the first one was followed while the second was inspected").isTrue();
        assertThat(first.rows(vm.network())).isNotEmpty();
        assertThat(vm.selection().selectedLookup().rows(vm.network())).isEqualTo(first.rows(vm.network()))
                .isNotEqualTo(second.rows(vm.network()));
        assertThat(first.label(vm.keySpace())).startsWith("find_node " + vm.keySpace().hex(first.origin()) + " -> 7f00 (")
                .matches(".*\\((exact|not exact)\\) \u00b7 k 4, alpha 3, sliding, loss 0%, seed 1");
        assertThat(vm.selection().selectLookup(null)).isTrue();
        assertThat(vm.selection().selectedLookup()).isNull();
    }

    @Test
    void recentLookupsAreBounded() {
        for (int i = 0; i < Selection.MAX_RECENT_LOOKUPS + 5; i++) {
            vm.operations().randomTarget();
            assertThat(vm.operations().findNode()).isTrue();
        }
        assertThat(vm.selection().recentLookups()).hasSize(Selection.MAX_RECENT_LOOKUPS);
        assertThat(vm.selection().recentLookups().get(0)).isSameAs(vm.selection().selectedLookup());
    }

    @Test
    void manyNodesJoinASliceAFrameWithProgressAndTheWindowNeverWaitsForAllOfThem() {
        NetworkViewModel vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
        assertThat(vm.commands().addNodes(200)).isTrue();
        assertThat(vm.builder().buildingProperty().get()).as("progress shows").isTrue();
        int frames = 0;
        while (vm.builder().buildingProperty().get() && frames < 10_000) {
            vm.playback().tick(16_000_000L);
            frames++;
            assertThat(vm.builder().buildProgressProperty().get()).isBetween(0.0, 1.0);
        }
        assertThat(vm.simulation().nodes()).hasSize(232);
        assertThat(vm.simulation().liveCount()).isEqualTo(232);
        assertThat(vm.recorder().recordedSteps()).as("the adds merge into one step").containsExactly(new Scenario.Add(0, 232));
        assertThat(vm.status().captionProperty().get()).startsWith("Added 200 nodes");
        vm.shutdown();
    }

    @Test
    void cancellingAnAddKeepsTheNodesThatJoinedAndRecordsJustThose() {
        NetworkViewModel vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
        assertThat(vm.commands().addNodes(3_000)).isTrue();
        vm.playback().tick(16_000_000L);
        vm.builder().cancelWork();
        assertThat(vm.builder().buildingProperty().get()).isFalse();
        int n = vm.simulation().nodes().size();
        assertThat(n).as("some joined, not all").isGreaterThan(32).isLessThan(3_032);
        assertThat(vm.recorder().recordedSteps()).containsExactly(new Scenario.Add(0, n));
        vm.playback().tick(16_000_000L);
        assertThat(vm.simulation().nodes()).as("nothing joins after the cancel").hasSize(n);
        assertThat(vm.status().captionProperty().get()).contains("Stopped adding");
        vm.shutdown();
    }

    @Test
    void stoppingABackgroundBuildKeepsTheNetworkThatRuns() {
        NetworkViewModel vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
        var before = vm.simulation();
        assertThat(vm.builder().applyPreset(Preset.LARGE, true)).isTrue();
        assertThat(vm.builder().buildingProperty().get()).isTrue();
        assertThat(vm.builder().workProperty().get()).isEqualTo("building");
        vm.builder().cancelWork();
        assertThat(vm.builder().buildingProperty().get()).isFalse();
        vm.playback().tick(16_000_000L);
        assertThat(vm.simulation()).as("the running network stays").isSameAs(before);
        assertThat(vm.status().captionProperty().get()).startsWith("Stopped building");
        vm.shutdown();
    }

    @Test
    void runForLetsVirtualTimePassASliceAFrameAndTheNetworkHealsAfterAMassKill() {
        NetworkViewModel right = new NetworkViewModel();
        right.commands().killPercent(30);
        int exactRightAfter = exactOf(right, 40);
        right.shutdown();

        NetworkViewModel vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
        vm.commands().killPercent(30);
        long start = vm.simulation().now();
        assertThat(vm.playback().runFor(3_600_000)).isTrue();
        assertThat(vm.builder().workProperty().get()).isEqualTo("running 1 h");
        int frames = 0;
        while (vm.builder().buildingProperty().get() && frames < 100_000) {
            vm.playback().tick(16_000_000L);
            frames++;
        }
        assertThat(vm.simulation().now()).as("an hour of virtual time passed").isEqualTo(start + 3_600_000);
        assertThat(vm.status().captionProperty().get()).startsWith("Ran 1 h of virtual time");
        int exactAfterAnHour = exactOf(vm, 40);
        System.out.printf("after killing 30%%: %d of 40 exact right after, %d of 40 after an hour%n", exactRightAfter,
                exactAfterAnHour);
        assertThat(exactAfterAnHour).as("the refreshes of an hour heal the tables").isGreaterThan(exactRightAfter);
        assertThat(vm.playback().runFor(0)).as("a zero duration is refused").isFalse();
        vm.shutdown();
    }

    /** How many of {@code n} find_node lookups from random live nodes to random targets are exact. */
    private static int exactOf(NetworkViewModel vm, int n) {
        int exact = 0;
        for (int i = 0; i < n; i++) {
            var op = vm.simulation().findNode(vm.simulation().randomLive(), vm.simulation().randomId());
            vm.simulation().runUntilIdle();
            if (op.future().join().exact()) {
                exact++;
            }
        }
        return exact;
    }

    @Test
    void stoppingARunKeepsTheTimeThatPassed() {
        NetworkViewModel vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
        long start = vm.simulation().now();
        assertThat(vm.playback().runFor(86_400_000)).isTrue();
        vm.playback().tick(16_000_000L);
        vm.builder().cancelWork();
        long now = vm.simulation().now();
        assertThat(now).isGreaterThan(start).isLessThan(start + 86_400_000);
        vm.playback().tick(16_000_000L);
        assertThat(vm.simulation().now()).as("no more time passes after Stop").isEqualTo(now);
        assertThat(vm.status().captionProperty().get()).startsWith("Stopped after");
        vm.shutdown();
    }
}
