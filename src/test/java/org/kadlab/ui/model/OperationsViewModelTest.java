package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.sim.SimNode;
import org.kadlab.sim.scenario.Scenario;
import org.kadlab.sim.scenario.ScenarioReader;

/** The view model's new actions without a Stage: store, find_value, settings, presets, scenarios, step round. */
class OperationsViewModelTest {
    private NetworkViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
    }

    private void runToEnd() {
        for (int i = 0; i < 100_000 && vm.simulation().isBusy(); i++) {
            vm.playback().stepOnce();
        }
        vm.playback().stepOnce(); // shows what was run but not yet shown
    }

    @Test
    void storeThenFindValueFromAnotherNodeFindsTheValueAndSaysWhere() {
        vm.operations().keyTextProperty().set("greeting");
        vm.operations().valueTextProperty().set("hello");
        assertThat(vm.operations().store()).isTrue();
        assertThat(vm.selection().selectedLookup().purpose()).isEqualTo(LookupPurpose.STORE);
        runToEnd();
        assertThat(vm.operations().operationResultProperty().get()).startsWith("store \"greeting\": ").contains("acknowledged");
        assertThat(vm.selection().selectedLookup().record().result()).as("acks").isNotEmpty();

        vm.selection().select(vm.simulation().nodes().get(17).id());
        assertThat(vm.operations().findValue()).isTrue();
        runToEnd();
        LookupSession s = vm.selection().selectedLookup();
        assertThat(s.record().found()).isTrue();
        assertThat(s.record().value()).isEqualTo("hello");
        assertThat(vm.operations().operationResultProperty().get()).contains("found \"hello\"");
        if (s.valueFrom() != null) {
            SimNode holder = vm.simulation().node(s.valueFrom());
            assertThat(holder.kad().recordStore().get(vm.keySpace().keyId("greeting"), vm.simulation().now()))
                    .as("the node named as where the value was found holds it").isNotNull();
            assertThat(vm.operations().operationResultProperty().get()).contains("at " + vm.keySpace().hex(s.valueFrom()));
        }
    }

    @Test
    void findValueOfAnUnknownKeySaysNotFound() {
        vm.operations().keyTextProperty().set("nobody stored this");
        assertThat(vm.operations().findValue()).isTrue();
        runToEnd();
        assertThat(vm.selection().selectedLookup().record().found()).isFalse();
        assertThat(vm.operations().operationResultProperty().get()).contains("not found");
    }

    @Test
    void emptyOrBadKeysAndValuesGiveAnInlineMessageAndStartNothing() {
        long events = vm.simulation().stats().events();
        vm.operations().keyTextProperty().set("   ");
        assertThat(vm.operations().findValue()).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).contains("key");
        vm.operations().keyTextProperty().set("a\nb");
        assertThat(vm.operations().store()).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).startsWith("key:");
        vm.operations().keyTextProperty().set("x".repeat(Operations.MAX_KEY_CHARS + 1));
        assertThat(vm.operations().findValue()).isFalse();
        vm.operations().keyTextProperty().set("k");
        vm.operations().valueTextProperty().set("");
        assertThat(vm.operations().store()).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).contains("value");
        assertThat(vm.simulation().stats().events()).as("nothing ran").isEqualTo(events);
        assertThat(vm.selection().selectedLookup()).isNull();
    }

    @Test
    void findValueFromACrashedNodeIsRefusedInline() {
        vm.commands().killSelected();
        vm.operations().keyTextProperty().set("k");
        assertThat(vm.operations().findValue()).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).contains("is down");
    }

    private static Map<String, String> fields(NetworkSettings s) {
        return new HashMap<>(s.toText());
    }

    @Test
    void settingsRebuildTheNetworkFromTheSameSeed() {
        Map<String, String> f = fields(vm.builder().settingsProperty().get());
        f.put("k", "3");
        f.put("nodes", "20");
        f.put("lookup_mode", "rounds");
        assertThat(vm.builder().applySettings(f, false)).isTrue();
        assertThat(vm.status().settingsErrorProperty().get()).isEmpty();
        assertThat(vm.simulation().nodes()).hasSize(20);
        assertThat(vm.simulation().config().kad().k()).isEqualTo(3);
        assertThat(vm.simulation().config().kad().lookupMode()).isEqualTo(LookupMode.ROUNDS);
        List<String> ids = vm.simulation().nodes().stream().map(n -> vm.keySpace().hex(n.id())).toList();
        vm.builder().applySettings(f, false);
        assertThat(vm.simulation().nodes().stream().map(n -> vm.keySpace().hex(n.id())).toList())
                .as("same seed, same network").isEqualTo(ids);
    }

    @Test
    void everyRuleUnderFailureIsASettingThatReachesTheNodes() {
        Map<String, String> f = fields(vm.builder().settingsProperty().get());
        assertThat(f).containsEntry("failure_backoff_ms", "1000").containsEntry("share_failing", "false")
                .containsEntry("scale_cache_ttl", "true").containsEntry("cache_on_find_value", "true")
                .containsEntry("evict_stale_alone", "false");
        f.put("max_failures", "2");
        f.put("rpc_retries", "1");
        f.put("failure_backoff_ms", "0");
        f.put("share_failing", "true");
        f.put("scale_cache_ttl", "false");
        f.put("cache_on_find_value", "false");
        f.put("evict_stale_alone", "true");
        f.put("replicate_on_join", "false");
        assertThat(vm.builder().applySettings(f, false)).isTrue();
        var kad = vm.simulation().config().kad();
        assertThat(kad.maxFailures()).isEqualTo(2);
        assertThat(kad.rpcRetries()).isEqualTo(1);
        assertThat(kad.failureBackoffMs()).isZero();
        assertThat(kad.shareFailing()).isTrue();
        assertThat(kad.scaleCacheTtl()).isFalse();
        assertThat(kad.cacheOnFindValue()).isFalse();
        assertThat(kad.evictStaleAlone()).isTrue();
        assertThat(kad.replicateOnJoin()).isFalse();
        assertThat(vm.simulation().nodes().get(0).kad().config()).as("the nodes run with them").isEqualTo(kad);
        assertThat(fields(vm.builder().settingsProperty().get())).as("the form shows what was built").isEqualTo(f);

        var before = vm.simulation();
        for (String[] bad : new String[][] {{"failure_backoff_ms", "-1"}, {"share_failing", "maybe"},
                {"scale_cache_ttl", "1"}, {"failure_backoff_ms", "99999999999"}}) {
            Map<String, String> g = new HashMap<>(f);
            g.put(bad[0], bad[1]);
            assertThat(vm.builder().applySettings(g, false)).as(bad[0]).isFalse();
            assertThat(vm.status().settingsErrorProperty().get()).as(bad[0]).startsWith(bad[0] + " ");
            assertThat(vm.simulation()).as("nothing lost").isSameAs(before);
        }
    }

    @Test
    void invalidSettingsNameTheFieldAndKeepTheNetwork() {
        var before = vm.simulation();
        for (String[] bad : new String[][] {{"k", "0", "k "}, {"alpha", "x", "alpha "}, {"bits", "200", "bits "},
                {"loss", "1.5", "loss "}, {"latency_max", "5", "latency_max "}, {"lookup_mode", "zigzag", "lookup_mode "},
                {"seed", "", "seed "}, {"nodes", "300", "nodes "}}) {
            Map<String, String> f = fields(vm.builder().settingsProperty().get());
            f.put(bad[0], bad[1]);
            if (bad[0].equals("nodes")) {
                f.put("bits", "8"); // 300 nodes do not fit 8-bit ids
            }
            assertThat(vm.builder().applySettings(f, false)).as(bad[0]).isFalse();
            assertThat(vm.status().settingsErrorProperty().get()).as(bad[0]).startsWith(bad[2]);
            assertThat(vm.simulation()).as("nothing lost").isSameAs(before);
        }
    }

    @Test
    void aTargetThatDoesNotFitTheNewIdWidthIsClearedAndOneThatFitsIsKept() {
        vm.operations().targetTextProperty().set("7f00");
        assertThat(vm.builder().applyPreset(Preset.CLASSROOM, false)).isTrue();
        assertThat(vm.operations().targetTextProperty().get()).as("16 bits typed, 8-bit ids now").isEmpty();
        vm.operations().targetTextProperty().set("7f");
        assertThat(vm.builder().applyPreset(Preset.DEFAULT, false)).isTrue();
        assertThat(vm.operations().targetTextProperty().get()).as("an 8-bit id is also a 16-bit id").isEqualTo("7f");
    }

    @Test
    void presetsBuildTheirNetworks() {
        assertThat(vm.builder().applyPreset(Preset.CLASSROOM, false)).isTrue();
        assertThat(vm.simulation().nodes()).hasSize(16);
        assertThat(vm.keySpace().bits()).isEqualTo(8);
        assertThat(vm.simulation().config().kad().k()).isEqualTo(2);
        assertThat(vm.simulation().config().kad().alpha()).isEqualTo(2);
        assertThat(Preset.DEFAULT.settings()).isEqualTo(NetworkSettings.of(NetworkViewModel.defaultConfig(1), 32));
        assertThat(Preset.REALISTIC.settings().nodes()).isEqualTo(500);
        assertThat(Preset.REALISTIC.settings().bits()).isEqualTo(160);
        assertThat(Preset.LARGE.settings().nodes()).isEqualTo(2_000);
        assertThat(Preset.LARGE.settings().k()).isEqualTo(20);
        for (Preset p : Preset.values()) {
            p.settings().toSimConfig(); // every preset is valid
        }
    }

    @Test
    void aBackgroundBuildKeepsTheOldNetworkUntilItIsSwappedInByTheFrame() {
        var before = vm.simulation();
        assertThat(vm.builder().applyPreset(Preset.REALISTIC, true)).isTrue();
        assertThat(vm.builder().buildingProperty().get()).isTrue();
        assertThat(vm.simulation()).isSameAs(before);
        assertThat(vm.builder().awaitBuild(120_000)).isTrue();
        assertThat(vm.builder().buildingProperty().get()).isFalse();
        assertThat(vm.simulation().nodes()).hasSize(500);
        assertThat(vm.keySpace().bits()).isEqualTo(160);
        assertThat(vm.selection().selectedNode()).isNotNull();
        vm.shutdown();
    }

    @Test
    void theScenarioTextRoundTripsThroughTheRunnersReader() throws Exception {
        vm.commands().addNodes(3);
        vm.operations().targetTextProperty().set("7f00");
        vm.operations().findNode();
        runToEnd();
        vm.operations().keyTextProperty().set("say \"hi\"");
        vm.operations().valueTextProperty().set("back\\slash");
        vm.operations().store();
        runToEnd();
        vm.operations().findValue();
        runToEnd();
        String text = vm.recorder().scenarioText();
        Scenario sc = ScenarioReader.parse(text, "saved.yaml");
        assertThat(sc.config().seed()).isEqualTo(1);
        assertThat(sc.config().kad().bits()).isEqualTo(16);
        assertThat(sc.config().kad().k()).isEqualTo(4);
        assertThat(sc.config().kad().alpha()).isEqualTo(3);
        assertThat(sc.config().latencyMinMs()).isEqualTo(10);
        assertThat(sc.config().latencyMaxMs()).isEqualTo(80);
        assertThat(sc.steps()).hasSize(4);
        assertThat(sc.steps().get(0)).isEqualTo(new Scenario.Add(sc.steps().get(0).line(), 35));
        assertThat(((Scenario.LookupOne) sc.steps().get(1)).target()).isEqualTo("7f00");
        Scenario.Store st = (Scenario.Store) sc.steps().get(2);
        assertThat(st.key()).isEqualTo("say \"hi\"");
        assertThat(st.value()).isEqualTo("back\\slash");
        assertThat(((Scenario.FindValue) sc.steps().get(3)).key()).isEqualTo("say \"hi\"");
    }

    @Test
    void aSavedScenarioLoadsBackIntoTheSameNetwork(@TempDir Path dir) throws Exception {
        vm.builder().applyPreset(Preset.CLASSROOM, false);
        vm.commands().addNodes(2);
        List<String> ids = vm.simulation().nodes().stream().map(n -> vm.keySpace().hex(n.id())).toList();
        Path file = dir.resolve("net.yaml");
        vm.exports().writeScenario(file);
        NetworkViewModel other = new NetworkViewModel();
        assertThat(other.builder().loadScenario(file, false)).isTrue();
        assertThat(other.status().settingsErrorProperty().get()).isEmpty();
        assertThat(other.keySpace().bits()).isEqualTo(8);
        assertThat(other.simulation().nodes().stream().map(n -> other.keySpace().hex(n.id())).toList()).isEqualTo(ids);
        assertThat(other.recorder().recordedSteps()).containsExactly(new Scenario.Add(0, 18));
    }

    @Test
    void aNodeKilledByHandIsKilledAgainWhenTheSavedScenarioLoads(@TempDir Path dir) throws Exception {
        vm.builder().applyPreset(Preset.CLASSROOM, false);
        org.kadlab.sim.SimNode victim = vm.simulation().nodes().get(3);
        vm.selection().select(victim.id());
        assertThat(vm.commands().killSelected()).isTrue();
        Path file = dir.resolve("killed.yaml");
        vm.exports().writeScenario(file);
        NetworkViewModel other = new NetworkViewModel();
        assertThat(other.builder().loadScenario(file, false)).isTrue();
        assertThat(other.status().settingsErrorProperty().get()).isEmpty();
        assertThat(other.simulation().node(victim.id()).isAlive()).as("the node killed by hand").isFalse();
        assertThat(other.simulation().liveCount()).isEqualTo(vm.simulation().liveCount());
    }

    @Test
    void aBadScenarioFileGivesItsFileLineFieldMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "seed: 1\nk: 0\nsteps:\n  - add: 3\n");
        var before = vm.simulation();
        assertThat(vm.builder().loadScenario(file, false)).isFalse();
        assertThat(vm.status().settingsErrorProperty().get()).contains("bad.yaml").contains("k");
        assertThat(vm.simulation()).isSameAs(before);
        assertThat(vm.builder().loadScenario(dir.resolve("missing.yaml"), false)).isFalse();
        assertThat(vm.status().settingsErrorProperty().get()).contains("no such file");
    }

    @Test
    void eventLogAndReportAreWritten(@TempDir Path dir) throws Exception {
        vm.operations().targetTextProperty().set("7f00");
        vm.operations().findNode();
        runToEnd();
        Path events = dir.resolve("e.jsonl");
        int n = vm.exports().writeEvents(events);
        assertThat(n).isPositive().isLessThanOrEqualTo(NetworkSettings.HISTORY);
        List<String> lines = Files.readAllLines(events);
        assertThat(lines).as("the writer leaves out mere touches").isNotEmpty().hasSizeLessThanOrEqualTo(n);
        assertThat(lines.get(0)).startsWith("{");
        Path report = dir.resolve("r.json");
        vm.exports().writeReport(report);
        assertThat(Files.readString(report)).contains("\"config\"").contains("find_node");
    }

    @Test
    void stepRoundInSlidingModeWaitsForAlphaMoreAnswersOrTimeouts() {
        vm.operations().targetTextProperty().set("7f00");
        vm.operations().findNode();
        LookupSession s = vm.selection().selectedLookup();
        int steps = vm.playback().stepRound();
        assertThat(steps).isPositive().isLessThanOrEqualTo(Playback.MAX_ROUND_STEPS);
        long resolved = s.lookup().candidates().stream().filter(c -> c.state() != org.kadlab.kad.Lookup.CandidateState.WAITING
                && c.state() != org.kadlab.kad.Lookup.CandidateState.NOT_CONTACTED).count();
        assertThat(resolved >= 3 || s.lookup().finished()).as("alpha = 3 answers or the end").isTrue();
        for (int i = 0; i < 100 && !s.isOver(); i++) {
            vm.playback().stepRound();
        }
        assertThat(s.isOver()).isTrue();
        assertThat(vm.playback().stepRound()).as("no lookup running").isEqualTo(-1);
        assertThat(vm.status().targetErrorProperty().get()).contains("No lookup is running");
    }

    @Test
    void stepRoundInRoundsModeAdvancesTheRoundNumber() {
        Map<String, String> f = fields(vm.builder().settingsProperty().get());
        f.put("lookup_mode", "rounds");
        vm.builder().applySettings(f, false);
        vm.playback().playingProperty().set(false);
        vm.operations().targetTextProperty().set("7f00");
        vm.operations().findNode();
        LookupSession s = vm.selection().selectedLookup();
        int round = s.lookup().round();
        vm.playback().stepRound();
        assertThat(s.lookup().round() > round || s.lookup().finished()).isTrue();
    }

    @Test
    void aRandomTargetDrawnInTheAppDoesNotShiftTheNetworksDrawsSoTheSavedScenarioReplaysTheSameKills(@TempDir Path dir)
            throws Exception {
        vm.builder().applyPreset(Preset.CLASSROOM, false);
        vm.selection().select(vm.simulation().nodes().get(2).id());
        vm.operations().randomTarget();
        String drawn = vm.operations().targetTextProperty().get();
        assertThat(vm.operations().findNode()).isTrue();
        vm.simulation().runUntilIdle();
        vm.commands().killPercent(30);
        List<String> live = vm.simulation().nodes().stream().filter(SimNode::isAlive).map(n -> vm.keySpace().hex(n.id())).toList();
        Path file = dir.resolve("net.yaml");
        vm.exports().writeScenario(file);
        assertThat(Files.readString(file)).as("the lookup is saved with the target it became").contains(drawn);

        NetworkViewModel other = new NetworkViewModel();
        assertThat(other.builder().loadScenario(file, false)).isTrue();
        assertThat(other.simulation().nodes().stream().filter(SimNode::isAlive).map(n -> other.keySpace().hex(n.id())).toList())
                .as("the same nodes were killed on replay").isEqualTo(live);
        other.shutdown();
    }

    @Test
    void theLookupsAnOpenedScenarioRanAreListedInTheInspectorWithTheirResults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("looks.yaml");
        Files.writeString(file, "seed: 3\nbits: 8\nk: 2\nalpha: 2\nsteps:\n  - add: 12\n  - lookups: 3\n"
                + "  - store: {key: \"greeting\", value: \"hello\"}\n");
        assertThat(vm.builder().loadScenario(file, false)).isTrue();
        assertThat(vm.status().settingsErrorProperty().get()).isEmpty();
        long judged = vm.simulation().stats().judgedLookups();
        assertThat(judged).as("the scenario's lookups count in the stats").isEqualTo(3);
        assertThat(vm.selection().recentLookups()).as("and are listed, newest first").hasSize(4);
        assertThat(vm.selection().recentLookups().get(0).purpose()).isEqualTo(LookupPurpose.STORE);
        for (LookupSession s : vm.selection().recentLookups().subList(1, 4)) {
            assertThat(s.purpose()).isEqualTo(LookupPurpose.FIND_NODE);
            assertThat(s.isOver()).as("each with its end").isTrue();
            assertThat(s.rows(vm.network())).as("and its candidates").isNotEmpty();
        }
        assertThat(vm.selection().selectLookup(vm.selection().recentLookups().get(2))).isTrue();
    }

    @Test
    void theSavedScenarioIsTheRecordedStepsWrittenByTheScenarioWriterAndReadsBackToThem() throws Exception {
        vm.selection().select(vm.simulation().nodes().get(4).id());
        vm.operations().targetTextProperty().set("7f00");
        assertThat(vm.operations().findNode()).isTrue();
        runToEnd();
        vm.operations().keyTextProperty().set("key: with # and \"quotes\"");
        vm.operations().valueTextProperty().set("yes");
        assertThat(vm.operations().store()).isTrue();
        runToEnd();
        vm.commands().killPercent(25);
        vm.commands().reviveAll();
        Scenario back = ScenarioReader.parse(vm.recorder().scenarioText(), "saved.yaml");
        assertThat(back.stepsWithoutLines()).isEqualTo(vm.recorder().recordedSteps());
        assertThat(back.config().seed()).isEqualTo(vm.simulation().config().seed());
        assertThat(back.config().kad()).isEqualTo(vm.simulation().config().kad());
    }
}
