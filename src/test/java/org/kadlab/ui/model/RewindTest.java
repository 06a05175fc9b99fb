package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.Contact;
import org.kadlab.sim.SimNode;

/** Rewinding the window's network: any earlier step, one event back, and playing the recorded future on. */
class RewindTest {
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

    /** What the views show: the clock, who is alive, every routing table, and the inspected lookup's rows. */
    private String shown() {
        List<String> out = new ArrayList<>();
        out.add("t=" + vm.simulation().now() + " step=" + vm.simulation().steps());
        out.add("selected=" + vm.selection().selectedNode());
        for (SimNode n : vm.simulation().nodes()) {
            List<String> ids = new ArrayList<>();
            for (Contact c : n.kad().routingTable().contacts()) {
                ids.add(c.id().toString());
            }
            out.add(n.id() + (n.isAlive() ? " up " : " down ") + ids);
        }
        LookupSession s = vm.selection().selectedLookup();
        out.add("inspected=" + (s == null ? null : s.title(vm.keySpace()) + " " + s.rows(vm.network())));
        return String.join("\n", out);
    }

    private void steps(int n) {
        for (int i = 0; i < n; i++) {
            vm.playback().stepOnce();
        }
    }

    @Test
    @DisplayName("rewound to a step mid-lookup, every view's state equals what it was then, the inspected lookup and the selected node too")
    void rewindShowsTheStateThen() {
        vm.selection().select(vm.simulation().nodes().get(6).id());
        vm.operations().targetTextProperty().set("7f00");
        assertThat(vm.operations().findNode()).isTrue();
        steps(3);
        long mid = vm.simulation().steps();
        String then = shown();
        boolean overThen = vm.selection().selectedLookup().isOver();
        steps(40);
        vm.commands().killSelected();
        steps(30);
        assertThat(shown()).isNotEqualTo(then);

        assertThat(vm.rewind().rewindTo(mid, false)).isTrue();
        assertThat(vm.status().settingsErrorProperty().get()).isEmpty();
        assertThat(vm.simulation().steps()).isEqualTo(mid);
        assertThat(shown()).isEqualTo(then);
        assertThat(overThen).as("rewound to the middle of the lookup").isFalse();
        assertThat(vm.selection().selectedLookup().isOver()).as("the lookup runs again, as it did then").isFalse();
    }

    @Test
    @DisplayName("one step back shows the state one event earlier, and playing on retraces the recorded future, the later kill included")
    void stepBackThenPlayOn() {
        vm.operations().targetTextProperty().set("7f00");
        vm.operations().findNode();
        steps(20);
        String before = shown();
        long at = vm.simulation().steps();
        steps(1);
        vm.commands().killSelected();
        steps(60);
        String end = shown();
        long endStep = vm.simulation().steps();

        assertThat(vm.rewind().hasSpare()).as("no copy before the first rewind").isFalse();
        assertThat(vm.rewind().rewindTo(at + 1, false)).isTrue();
        assertThat(vm.rewind().hasSpare()).as("a copy of the network as built waits for the next rewind").isTrue();
        assertThat(vm.rewind().stepBack(false)).isTrue(); // starts from that copy
        assertThat(vm.simulation().steps()).isEqualTo(at);
        assertThat(shown()).isEqualTo(before);
        assertThat(vm.rewind().last()).as("the timeline still reaches where the session went").isEqualTo(endStep);

        while (vm.simulation().steps() < endStep) {
            vm.playback().stepOnce();
        }
        assertThat(shown()).as("the same future, the kill made again at its step").isEqualTo(end);
    }

    @Test
    @DisplayName("something new done after a rewind ends the timeline there")
    void newInputEndsTheTimeline() {
        steps(0);
        vm.operations().targetTextProperty().set("7f00");
        vm.operations().findNode();
        steps(50);
        long end = vm.simulation().steps();
        vm.rewind().rewindTo(end - 30, false);
        assertThat(vm.rewind().last()).isEqualTo(end);
        vm.selection().select(vm.simulation().nodes().get(9).id());
        vm.operations().targetTextProperty().set("0101");
        vm.operations().findNode();
        vm.bump();
        assertThat(vm.rewind().last()).isEqualTo(vm.simulation().steps()).isLessThan(end);
    }

    @Test
    @DisplayName("the scrubber's time maps to the latest step at or before it, and nothing earlier than the network as built is reachable")
    void timeToStep() {
        long first = vm.rewind().first();
        vm.operations().targetTextProperty().set("7f00");
        vm.operations().findNode();
        List<long[]> seen = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            vm.playback().stepOnce();
            seen.add(new long[] {vm.simulation().steps(), vm.simulation().now()});
        }
        long[] pick = seen.get(15);
        long step = vm.rewind().stepAt(pick[1]);
        assertThat(step).isGreaterThanOrEqualTo(pick[0]);
        long timeOfStep = seen.stream().filter(p -> p[0] == step).findFirst().orElseThrow()[1];
        assertThat(timeOfStep).isEqualTo(pick[1]);
        assertThat(vm.rewind().rewindTo(first - 100, false)).isTrue();
        assertThat(vm.simulation().steps()).isEqualTo(first);
        assertThat(vm.rewind().stepBack(false)).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).contains("nothing earlier");
    }
}
