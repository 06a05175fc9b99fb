package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.Lookup;
import org.kadlab.sim.SimNode;

/** The view model without a Stage: selection, find_node, stepping, kill, add, revive, reset. */
class NetworkViewModelTest {
    private NetworkViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new NetworkViewModel();
        vm.playingProperty().set(false);
    }

    @Test
    void defaultNetworkHas32JoinedLiveNodesAndSelectsTheFirst() {
        assertThat(vm.nodeCountProperty().get()).isEqualTo(32);
        assertThat(vm.liveCountProperty().get()).isEqualTo(32);
        assertThat(vm.simulation().isBusy()).as("the joins have settled").isFalse();
        assertThat(vm.keySpace().bits()).isEqualTo(16);
        assertThat(vm.selectedNode()).isSameAs(vm.simulation().nodes().get(0));
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
        vm.playingProperty().set(false);
        assertThat(captionsDuringLookups(false)).as("stepping: the same lookups do meet full buckets, and say so")
                .anyMatch(c -> c.contains("bucket"));
    }

    /** Captions shown while each of eight lookups from different nodes ran, playing or stepping. */
    private java.util.List<String> captionsDuringLookups(boolean play) {
        java.util.List<String> seen = new java.util.ArrayList<>();
        vm.captionProperty().addListener((o, a, b) -> {
            if (vm.selectedLookup() != null && !vm.selectedLookup().isOver()) {
                seen.add(b);
            }
        });
        for (int i = 0; i < 8; i++) {
            vm.select(vm.simulation().nodes().get(3 * i + 1));
            vm.targetTextProperty().set(String.format("%04x", (0x2f1b * (i + 1)) & 0xffff));
            assertThat(vm.findNode()).isTrue();
            vm.playingProperty().set(play);
            for (int f = 0; f < 20_000 && !vm.selectedLookup().isOver(); f++) {
                if (play) {
                    vm.tick(16_666_667L);
                } else {
                    vm.stepOnce();
                }
            }
            if (play) {
                for (int f = 0; f < 300; f++) {
                    vm.tick(16_666_667L); // the pings and table updates that follow the lookup
                }
                assertThat(vm.captionProperty().get()).as("playing: the lookup's result stays in the caption")
                        .startsWith("Lookup for");
            }
        }
        return seen;
    }

    @Test
    void atTopSpeedAFrameRunsItsWholeBudgetWhateverTheVirtualTime() {
        vm.targetTextProperty().set("7f00");
        vm.findNode();
        vm.playingProperty().set(true);
        vm.tick(16_666_667L);
        assertThat(vm.selectedLookup().isOver()).as("at 150 virtual ms a second, one frame is 2.5 ms: too short").isFalse();
        vm.speedProperty().set(NetworkViewModel.MAX_SPEED);
        assertThat(vm.isFlatOut()).isTrue();
        int steps = vm.tick(16_666_667L);
        assertThat(steps).as("never more than the budget").isPositive().isLessThanOrEqualTo(NetworkViewModel.EVENT_BUDGET_PER_FRAME);
        for (int f = 0; f < 20 && !vm.selectedLookup().isOver(); f++) {
            assertThat(steps).as("a frame that left work undone used its whole budget")
                    .isEqualTo(NetworkViewModel.EVENT_BUDGET_PER_FRAME);
            steps = vm.tick(16_666_667L);
        }
        assertThat(vm.selectedLookup().isOver()).as("flat out, a lookup on 32 nodes takes a few frames at most").isTrue();
    }

    @Test
    void aQueryStillWaitingWhenItsLookupEndsIsShownAsNoLongerNeeded() {
        int seen = 0;
        for (int i = 0; i < 10; i++) {
            vm.select(vm.simulation().nodes().get(2 * i + 1));
            vm.targetTextProperty().set(String.format("%04x", (0x3d17 * (i + 3)) & 0xffff));
            assertThat(vm.findNode()).isTrue();
            LookupSession s = vm.selectedLookup();
            while (!s.isOver()) {
                for (CandidateRow r : s.rows(vm.simulation())) {
                    if (r.state() == Lookup.CandidateState.WAITING) {
                        assertThat(r.stateLabel()).as("running").isEqualTo("waiting");
                    }
                }
                vm.stepOnce();
            }
            for (CandidateRow r : s.rows(vm.simulation())) {
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
        vm.select(other);
        assertThat(vm.selectedNodeProperty().get()).isSameAs(other);
        assertThat(vm.revisionProperty().get()).as("views are told to redraw").isGreaterThan(before);
    }

    @Test
    void findNodeWithAHexTargetStartsALookupFromTheSelectedNode() {
        vm.targetTextProperty().set("7f00");
        assertThat(vm.findNode()).isTrue();
        LookupSession s = vm.selectedLookup();
        assertThat(s).isNotNull();
        assertThat(s.origin()).isEqualTo(vm.selectedNode().id());
        assertThat(vm.keySpace().hex(s.target())).isEqualTo("7f00");
        assertThat(s.lookup()).isNotNull();
        assertThat(s.simId()).isPositive();
        assertThat(s.rows(vm.simulation())).extracting(CandidateRow::state).contains(Lookup.CandidateState.WAITING);
        assertThat(vm.targetErrorProperty().get()).isEmpty();
        assertThat(vm.captionProperty().get()).contains("asks").contains("7f00");
    }

    @Test
    void findNodeAcceptsBinaryTargets() {
        vm.targetTextProperty().set("0b0111_1111_0000_0000");
        assertThat(vm.findNode()).isTrue();
        assertThat(vm.keySpace().hex(vm.selectedLookup().target())).isEqualTo("7f00");
    }

    @Test
    void badTargetTextSetsAnInlineErrorAndNeverThrows() {
        vm.targetTextProperty().set("7g00");
        assertThat(vm.findNode()).isFalse();
        assertThat(vm.targetErrorProperty().get()).contains("'g'").contains("not a hex digit");
        assertThat(vm.selectedLookup()).isNull();

        vm.targetTextProperty().set("");
        assertThat(vm.findNode()).isFalse();
        assertThat(vm.targetErrorProperty().get()).startsWith("id is empty");

        vm.targetTextProperty().set("123456");
        assertThat(vm.findNode()).isFalse();
        assertThat(vm.targetErrorProperty().get()).contains("at most 4");

        vm.targetTextProperty().set("0b102");
        assertThat(vm.findNode()).isFalse();
        assertThat(vm.targetErrorProperty().get()).contains("not a binary digit");

        vm.targetTextProperty().set("7f00");
        assertThat(vm.findNode()).isTrue();
        assertThat(vm.targetErrorProperty().get()).as("a good id clears the error").isEmpty();
    }

    @Test
    void steppingRunsExactlyOneSimulationEvent() {
        vm.targetTextProperty().set("7f00");
        vm.findNode();
        for (int i = 0; i < 5; i++) {
            long before = vm.simulation().stats().events();
            vm.stepOnce();
            assertThat(vm.simulation().stats().events()).isEqualTo(before + 1);
            assertThat(vm.playingProperty().get()).isFalse();
        }
    }

    @Test
    void steppingTellsEveryAnswerEvenWhenTheSameStepSendsTheNextQuery() {
        vm.targetTextProperty().set("7f00");
        vm.findNode();
        int told = 0;
        while (!vm.selectedLookup().isOver()) {
            String before = vm.captionProperty().get();
            vm.stepOnce();
            String now = vm.captionProperty().get();
            if (!now.equals(before) && now.contains("answers with")) {
                told++;
            }
        }
        long answered = vm.selectedLookup().rows(vm.simulation()).stream()
                .filter(r -> r.state() == Lookup.CandidateState.SUCCEEDED).count();
        assertThat(told).as("steps whose caption said who answered, one per answer").isEqualTo((int) answered);
    }

    @Test
    void steppingThroughALookupEndsWithAJudgedSummaryAndCaption() {
        vm.targetTextProperty().set("7f00");
        vm.findNode();
        boolean sawAnswer = false;
        for (int i = 0; i < 10_000 && !vm.selectedLookup().isOver(); i++) {
            vm.stepOnce();
            sawAnswer |= vm.captionProperty().get().contains("answers with");
        }
        LookupSession s = vm.selectedLookup();
        assertThat(s.finished()).isNotNull();
        assertThat(sawAnswer).as("a caption said who answered with how many contacts").isTrue();
        assertThat(s.summary(vm.simulation())).startsWith("Finished in").contains("RPCs");
        assertThat(vm.captionProperty().get()).as("the last step leads with the end, then the answer that ended it")
                .startsWith("Lookup for 7f00 done").contains("answers with");
        assertThat(s.rows(vm.simulation())).filteredOn(CandidateRow::kClosest).hasSize(4);
        assertThat(s.rows(vm.simulation())).filteredOn(CandidateRow::trueClosest).isNotEmpty();
    }

    @Test
    void inRoundsModeTheInspectorShowsRoundsOfAtMostAlphaQueries() {
        org.kadlab.kad.KadConfig kad = org.kadlab.kad.KadConfig.builder().bits(16).k(4).alpha(2)
                .lookupMode(org.kadlab.kad.LookupMode.ROUNDS).build();
        NetworkViewModel rounds = new NetworkViewModel(NetworkViewModel.defaultConfig(1).withKad(kad), 32);
        rounds.targetTextProperty().set("7f00");
        rounds.findNode();
        for (int i = 0; i < 10_000 && !rounds.selectedLookup().isOver(); i++) {
            rounds.stepOnce();
        }
        java.util.Map<Integer, Long> perRound = new java.util.TreeMap<>();
        for (CandidateRow r : rounds.selectedLookup().rows(rounds.simulation())) {
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
        vm.targetTextProperty().set("7f00");
        vm.findNode();
        vm.playingProperty().set(true);
        vm.speedProperty().set(NetworkViewModel.MAX_SPEED);
        for (int frame = 0; frame < 600 && !vm.selectedLookup().isOver(); frame++) {
            int steps = vm.tick(16_666_667L);
            assertThat(steps).isLessThanOrEqualTo(NetworkViewModel.EVENT_BUDGET_PER_FRAME);
        }
        assertThat(vm.selectedLookup().isOver()).isTrue();
        assertThat(vm.displayTimeProperty().get()).isEqualTo(vm.simulation().now());
    }

    @Test
    void pausedTicksDoNotRunTheSimulation() {
        vm.targetTextProperty().set("7f00");
        vm.findNode();
        long before = vm.simulation().stats().events();
        assertThat(vm.tick(1_000_000_000L)).isZero();
        assertThat(vm.simulation().stats().events()).isEqualTo(before);
    }

    @Test
    void killSelectedCrashesItAndALookupFromItIsRefused() {
        SimNode n = vm.selectedNode();
        assertThat(vm.killSelected()).isTrue();
        assertThat(n.isAlive()).isFalse();
        assertThat(vm.liveCountProperty().get()).isEqualTo(31);
        assertThat(vm.captionProperty().get()).contains("crashed");
        vm.targetTextProperty().set("7f00");
        assertThat(vm.findNode()).isFalse();
        assertThat(vm.targetErrorProperty().get()).contains("is down");
        assertThat(vm.killSelected()).isFalse();
    }

    @Test
    void addNodesGrowsTheNetworkAndEveryNewcomerJoins() {
        assertThat(vm.addNodes(8)).isTrue();
        assertThat(vm.nodeCountProperty().get()).isEqualTo(40);
        assertThat(vm.liveCountProperty().get()).isEqualTo(40);
        assertThat(vm.simulation().isBusy()).isFalse();
        for (SimNode n : vm.simulation().nodes().subList(32, 40)) {
            assertThat(n.kad().routingTable().size()).isPositive();
        }
        assertThat(vm.addNodes(0)).isFalse();
        assertThat(vm.targetErrorProperty().get()).contains("at least one");
        assertThat(vm.addNodes(NetworkViewModel.MAX_NODES)).isFalse();
        assertThat(vm.nodeCountProperty().get()).isEqualTo(40);
    }

    @Test
    void reviveAllBringsBackEveryCrashedNode() {
        vm.killSelected();
        vm.select(vm.simulation().nodes().get(3));
        vm.killSelected();
        assertThat(vm.reviveAll()).isEqualTo(2);
        assertThat(vm.liveCountProperty().get()).isEqualTo(32);
    }

    @Test
    void resetBuildsTheStartingNetworkAgain() {
        vm.addNodes(4);
        vm.targetTextProperty().set("7f00");
        vm.findNode();
        vm.reset();
        assertThat(vm.nodeCountProperty().get()).isEqualTo(32);
        assertThat(vm.selectedLookup()).isNull();
        assertThat(vm.pulses()).isEmpty();
    }

    @Test
    void lookupRpcsShowAsPulsesThatLeaveWhenAnswered() {
        vm.targetTextProperty().set("7f00");
        vm.findNode();
        assertThat(vm.pulses()).isNotEmpty().allMatch(RpcPulse::ofSelectedLookup);
        for (int i = 0; i < 10_000 && vm.simulation().isBusy(); i++) {
            vm.stepOnce();
        }
        assertThat(vm.selectedLookup().isOver()).isTrue();
        assertThat(vm.pulses()).as("late answers arrive after the lookup ends, then nothing is in flight")
                .allMatch(p -> p.phase() == RpcPulse.Phase.TIMED_OUT);
    }

    @Test
    void hoverTextGivesTheIdInHexAndBinaryAndItsBucket() {
        SimNode other = vm.simulation().nodes().get(1);
        String text = NodeTooltips.describe(other, vm);
        String hex = vm.keySpace().hex(other.id());
        assertThat(text).startsWith("id " + hex + "  (live)")
                .contains("bin " + NodeTooltips.grouped(vm.keySpace().binary(other.id())))
                .contains("bucket " + vm.selectedNode().id().bucketIndex(other.id()));
        assertThat(NodeTooltips.grouped("0111111100000000")).isEqualTo("0111 1111 0000 0000");
    }

    @Test
    void speedIsClampedToItsRange() {
        vm.speedProperty().set(1e9);
        assertThat(vm.speedProperty().get()).isEqualTo(NetworkViewModel.MAX_SPEED);
        vm.speedProperty().set(-3);
        assertThat(vm.speedProperty().get()).isEqualTo(NetworkViewModel.MIN_SPEED);
    }

    @Test
    void killPercentCrashesThatShareOfTheLiveNodesAndRecordsIt() {
        int live = vm.liveCountProperty().get();
        assertThat(vm.killPercent(30)).isEqualTo((int) Math.round(0.30 * live));
        assertThat(vm.liveCountProperty().get()).isEqualTo(live - (int) Math.round(0.30 * live));
        assertThat(vm.simulation().liveCount()).isEqualTo(vm.liveCountProperty().get());
        assertThat(vm.recordedSteps()).contains("- kill: \"30%\"");
        assertThat(vm.scenarioText()).contains("  - kill: \"30%\"\n");
        assertThat(vm.targetErrorProperty().get()).isEmpty();
    }

    @Test
    void killPercentIsReproducibleFromTheSeed() {
        vm.killPercent(25);
        NetworkViewModel again = new NetworkViewModel();
        again.killPercent(25);
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
        assertThat(vm.killPercent(0)).isZero();
        assertThat(vm.liveCountProperty().get()).isEqualTo(live);
        assertThat(vm.killPercent(100)).isEqualTo(live - 1);
        assertThat(vm.liveCountProperty().get()).isEqualTo(1);
        assertThat(vm.recordedSteps()).contains("- kill: " + (live - 1));
        assertThat(vm.killPercent(100)).isZero();
        assertThat(vm.liveCountProperty().get()).isEqualTo(1);
        assertThat(vm.killPercent(101)).isEqualTo(-1);
        assertThat(vm.targetErrorProperty().get()).contains("100%");
    }

    @Test
    void recentLookupsAreKeptNewestFirstAndAnyOfThemCanBeInspected() {
        vm.targetTextProperty().set("7f00");
        vm.findNode();
        LookupSession first = vm.selectedLookup();
        vm.targetTextProperty().set("0123");
        vm.findNode();
        LookupSession second = vm.selectedLookup();
        for (int i = 0; i < 20_000 && (vm.simulation().isBusy() || !first.isOver() || !second.isOver()); i++) {
            vm.stepOnce();
        }
        assertThat(vm.selectedLookup()).isSameAs(second);
        assertThat(vm.recentLookups()).containsExactly(second, first);
        assertThat(vm.selectLookup(first)).isTrue();
        assertThat(vm.selectedLookupProperty().get()).isSameAs(first);
        assertThat(first.isOver()).as("the first one was followed while the second was inspected").isTrue();
        assertThat(first.rows(vm.simulation())).isNotEmpty();
        assertThat(vm.selectedLookup().rows(vm.simulation())).isEqualTo(first.rows(vm.simulation()))
                .isNotEqualTo(second.rows(vm.simulation()));
        assertThat(first.label(vm.keySpace())).startsWith("find_node " + vm.keySpace().hex(first.origin()) + " -> 7f00 (")
                .matches(".*\\((exact|not exact)\\)");
        assertThat(vm.selectLookup(null)).isTrue();
        assertThat(vm.selectedLookup()).isNull();
    }

    @Test
    void recentLookupsAreBounded() {
        for (int i = 0; i < NetworkViewModel.MAX_RECENT_LOOKUPS + 5; i++) {
            vm.randomTarget();
            assertThat(vm.findNode()).isTrue();
        }
        assertThat(vm.recentLookups()).hasSize(NetworkViewModel.MAX_RECENT_LOOKUPS);
        assertThat(vm.recentLookups().get(0)).isSameAs(vm.selectedLookup());
    }
}
