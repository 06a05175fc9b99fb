package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.Lookup;
import org.kadlab.sim.SimEvent;

/** "Step this lookup" moves the inspected lookup on one event of its own per press, tells it, and says why it stopped. */
class StepLookupTest {
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

    @Test
    @DisplayName("each press releases at least one event of the inspected lookup, skips other lookups' traffic, and is told with the time that passed")
    void eachPressIsOneEventOfThisLookup() {
        vm.selection().select(vm.simulation().nodes().get(3).id());
        vm.operations().targetTextProperty().set("7f00");
        assertThat(vm.operations().findNode()).isTrue();
        LookupSession watched = vm.selection().selectedLookup();
        // other traffic: a second lookup from another node runs at the same time
        vm.selection().select(vm.simulation().nodes().get(20).id());
        vm.operations().targetTextProperty().set("0f0f");
        assertThat(vm.operations().findNode()).isTrue();
        assertThat(vm.selection().selectLookup(watched)).isTrue();

        AtomicInteger ownEvents = new AtomicInteger();
        AtomicInteger otherEvents = new AtomicInteger();
        vm.simulation().addListener(e -> {
            if (own(watched, e)) {
                ownEvents.incrementAndGet();
            } else {
                otherEvents.incrementAndGet();
            }
        });
        List<String> captions = new ArrayList<>();
        int presses = 0;
        while (!watched.isOver() && presses < 500) {
            int before = ownEvents.get();
            vm.playback().stepLookup();
            presses++;
            assertThat(ownEvents.get()).as("press %d ran an event of the watched lookup", presses).isGreaterThan(before);
            String caption = vm.status().captionProperty().get();
            assertThat(caption).as("told with the virtual time that passed").matches("(?s)\\+\\d+ ms.*");
            captions.add(caption);
        }
        assertThat(watched.isOver()).isTrue();
        assertThat(otherEvents.get()).as("the other lookup's traffic ran silently in between").isPositive();
        assertThat(captions).as("deliveries are told").anyMatch(c -> c.contains(" receives "));
        assertThat(captions).as("answers are told with their new contacts").anyMatch(c -> c.contains(" of them new"));
        assertThat(captions.get(captions.size() - 1)).as("the last press tells the end and why").contains("Why it stopped");
    }

    @Test
    @DisplayName("once the lookup is over a press runs nothing and keeps its result, saying why it stopped")
    void overLookupKeepsItsResult() {
        vm.operations().targetTextProperty().set("7f00");
        vm.operations().findNode();
        LookupSession s = vm.selection().selectedLookup();
        for (int i = 0; i < 500 && !s.isOver(); i++) {
            vm.playback().stepLookup();
        }
        long now = vm.simulation().now();
        long events = vm.simulation().stats().events();
        assertThat(vm.playback().stepLookup()).isZero();
        assertThat(vm.simulation().now()).isEqualTo(now);
        assertThat(vm.simulation().stats().events()).as("nothing ran").isEqualTo(events);
        assertThat(vm.status().captionProperty().get()).startsWith("This lookup is over.").contains("Why it stopped");
        List<String> why = StopExplanation.explain(s, vm.keySpace());
        Lookup.StopRule rule = s.liveLookup().stopRule();
        assertThat(rule).isNotNull();
        assertThat(why.get(0)).startsWith("Rule: ");
        if (rule == Lookup.StopRule.K_CLOSEST_ANSWERED) {
            assertThat(why.get(0)).contains("the 4 closest candidates that had not failed had all answered");
        }
        assertThat(why).as("judged against the ground truth, labelled as such").anyMatch(l -> l.startsWith("Ground truth"));
    }

    @Test
    @DisplayName("with no lookup inspected a press says so and runs nothing")
    void noLookup() {
        long events = vm.simulation().stats().events();
        assertThat(vm.playback().stepLookup()).isEqualTo(-1);
        assertThat(vm.status().targetErrorProperty().get()).contains("No lookup is inspected");
        assertThat(vm.simulation().stats().events()).isEqualTo(events);
    }

    /** The lookup's own events, told apart without the code under test: its progress, and requests from its origin delivered to a peer it asked. */
    private static boolean own(LookupSession s, SimEvent e) {
        if (e instanceof SimEvent.LookupProgressed p) {
            return p.lookup() == s.simId();
        }
        if (e instanceof SimEvent.LookupFinished f) {
            return f.lookup() == s.simId();
        }
        if (e instanceof SimEvent.RpcDelivered d) {
            return d.from().equals(s.origin()) && d.type() == SimEvent.RpcType.FIND_NODE && s.liveLookup() != null
                    && s.liveLookup().candidate(d.to()) != null;
        }
        return false;
    }
}
