package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimNode;

/** The lookup history survives Apply, each lookup keeping the settings it ran under; the same seed keeps the same ids. */
class HistoryAcrossApplyTest {
    private NetworkViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
    }

    @AfterEach
    void tearDown() {
        vm.shutdown();
    }

    private LookupSession lookupTo(String target) {
        vm.selection().select(vm.simulation().nodes().get(5).id());
        vm.operations().targetTextProperty().set(target);
        assertThat(vm.operations().findNode()).isTrue();
        LookupSession s = vm.selection().selectedLookup();
        for (int i = 0; i < 500 && !s.isOver(); i++) {
            vm.playback().stepLookup();
        }
        return s;
    }

    private Map<String, String> settingsWith(String field, String value) {
        Map<String, String> f = new HashMap<>(vm.builder().settingsProperty().get().toText());
        f.put(field, value);
        return f;
    }

    private List<NodeId> ids() {
        return vm.simulation().nodes().stream().map(SimNode::id).toList();
    }

    @Test
    @DisplayName("after Apply with alpha 1 the alpha-3 lookup is still listed, marked as from an earlier network with its settings, and the new network has the same ids")
    void historySurvivesApply() {
        List<NodeId> before = ids();
        LookupSession first = lookupTo("7f00");
        assertThat(first.isOver()).isTrue();
        assertThat(vm.builder().applySettings(settingsWith("alpha", "1"), false)).isTrue();
        assertThat(ids()).as("same seed, same ids, whatever alpha").isEqualTo(before);
        assertThat(vm.selection().recentLookups()).containsExactly(first);
        assertThat(first.isFromEarlierNetwork()).isTrue();
        assertThat(first.ranUnder()).contains("alpha 3");
        assertThat(first.label(vm.keySpace())).contains("alpha 3").contains("earlier network");

        LookupSession second = lookupTo("7f00");
        assertThat(vm.selection().recentLookups()).containsExactly(second, first);
        assertThat(second.ranUnder()).contains("alpha 1");
        assertThat(second.isFromEarlierNetwork()).isFalse();
        assertThat(vm.selection().selectLookup(first)).as("an earlier lookup can still be inspected").isTrue();
        assertThat(first.rows(vm.network())).isNotEmpty();
        assertThat(first.summary(vm.network())).contains("Ran under k 4, alpha 3").contains("earlier network");
    }

    @Test
    @DisplayName("a lookup still running when the network is replaced is ended as interrupted, and Step this lookup leaves it alone")
    void runningLookupIsInterrupted() {
        vm.operations().targetTextProperty().set("7f00");
        vm.operations().findNode();
        LookupSession running = vm.selection().selectedLookup();
        assertThat(running.isOver()).isFalse();
        vm.builder().applySettings(settingsWith("lookup_mode", "rounds"), false);
        assertThat(running.isOver()).isTrue();
        assertThat(running.summary(vm.network())).startsWith("Interrupted");
        vm.selection().selectLookup(running);
        long events = vm.simulation().stats().events();
        assertThat(vm.playback().stepLookup()).isZero();
        assertThat(vm.simulation().stats().events()).isEqualTo(events);
    }

    @Test
    @DisplayName("another id width drops the history: its ids mean nothing in the new key space")
    void otherWidthDropsHistory() {
        lookupTo("7f00");
        vm.builder().applySettings(settingsWith("bits", "8"), false);
        assertThat(vm.selection().recentLookups()).isEmpty();
    }
}
