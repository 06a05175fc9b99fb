package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;

/** What-if: the inspected find_node run again from the moment it started, as it was and with one change. */
class WhatIfTest {
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

    private LookupSession finishedLookup() {
        vm.selection().select(vm.simulation().nodes().get(4).id());
        vm.operations().targetTextProperty().set("7f00");
        assertThat(vm.operations().findNode()).isTrue();
        LookupSession s = vm.selection().selectedLookup();
        for (int i = 0; i < 500 && !s.isOver(); i++) {
            vm.playback().stepLookup();
        }
        assertThat(s.isOver()).isTrue();
        return s;
    }

    @Test
    @DisplayName("run again as it was, the lookup retraces the original exactly: same hops, RPCs, time and candidates")
    void asWasRetracesTheOriginal() {
        LookupSession original = finishedLookup();
        assertThat(vm.whatIf().run(new WhatIf.Alpha(1), false)).isTrue();
        WhatIf.Result r = vm.whatIf().resultProperty().get();
        assertThat(r).isNotNull();
        assertThat(r.asWas().finished().hops()).isEqualTo(original.finished().hops());
        assertThat(r.asWas().finished().rpcs()).isEqualTo(original.finished().rpcs());
        assertThat(r.asWas().finished().time() - r.asWas().startedAt())
                .isEqualTo(original.finished().time() - original.startedAt());
        assertThat(r.asWas().lookup().candidates()).isEqualTo(original.lookup().candidates());
        assertThat(r.changed().lookup().alpha()).as("the change").isEqualTo(1);
        assertThat(r.change()).isEqualTo("alpha 1");
        assertThat(vm.status().captionProperty().get()).startsWith("What if alpha 1? hops ");
    }

    @Test
    @DisplayName("killing a peer the lookup asked first makes the changed run get no answer from it, and leaves the window's network alone")
    void killAPeer() {
        LookupSession original = finishedLookup();
        NodeId firstAsked = original.lookup().candidates().stream()
                .filter(c -> c.state() == Lookup.CandidateState.SUCCEEDED && c.depth() == 1).findFirst().orElseThrow().id();
        assertThat(vm.whatIf().run(new WhatIf.Kill(firstAsked), false)).isTrue();
        WhatIf.Result r = vm.whatIf().resultProperty().get();
        assertThat(r.changed().lookup().candidate(firstAsked).state()).as("asked, never answered")
                .isIn(Lookup.CandidateState.FAILED, Lookup.CandidateState.UNRESPONSIVE);
        assertThat(r.asWas().lookup().candidate(firstAsked).state()).isEqualTo(Lookup.CandidateState.SUCCEEDED);
        assertThat(vm.simulation().node(firstAsked).isAlive()).as("the window's network is untouched").isTrue();
    }

    @Test
    @DisplayName("the rounds mode and a loss change run; impossible changes are refused with a message")
    void otherChangesAndRefusals() {
        LookupSession original = finishedLookup();
        assertThat(vm.whatIf().run(new WhatIf.Mode(LookupMode.ROUNDS), false)).isTrue();
        assertThat(vm.whatIf().resultProperty().get().changed().lookup().mode()).isEqualTo(LookupMode.ROUNDS);
        assertThat(vm.whatIf().run(new WhatIf.Loss(0.3), false)).isTrue();
        assertThat(vm.whatIf().resultProperty().get().changed().ranUnder()).contains("loss 30%");

        assertThat(vm.whatIf().run(new WhatIf.Alpha(0), false)).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).startsWith("alpha:");
        assertThat(vm.whatIf().run(new WhatIf.Kill(original.origin()), false)).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).contains("origin");
        vm.selection().selectLookup(null);
        assertThat(vm.whatIf().run(new WhatIf.Alpha(1), false)).isFalse();
        assertThat(vm.status().targetErrorProperty().get()).contains("Inspect a find_node first");
    }
}
