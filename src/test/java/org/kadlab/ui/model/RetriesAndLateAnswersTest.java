package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;

/**
 * A slow peer is not a failed one: with answers slower than the peer timeout, a silent peer is asked
 * again (rpc_retries 1), then marked unresponsive with its slot freed, and its answer, when it comes,
 * is a late answer that still counts. The session, the rows and the captions say exactly that.
 */
class RetriesAndLateAnswersTest {
    /** 100..400 ms per leg against a 200 ms peer timeout: many answers are slow, some late. */
    private static NetworkViewModel slowNetwork() {
        NetworkSettings s = new NetworkSettings(32, 16, 4, 3, LookupMode.SLIDING, 100, 400, 0.0, 3, 5, 1,
                NetworkSettings.PEER_TIMEOUT_MS, true, 60_000);
        NetworkViewModel vm = new NetworkViewModel(s.toSimConfig(), 32);
        vm.playback().playingProperty().set(false);
        return vm;
    }

    @Test
    void aLateAnswerIsFlaggedExactlyWhenThePeerWasMarkedUnresponsiveBeforeItAnswered() {
        NetworkViewModel vm = slowNetwork();
        List<SimEvent> events = new ArrayList<>();
        vm.simulation().addListener(events::add);
        int late = 0;
        int resent = 0;
        int slow = 0;
        int ties = 0;
        for (int i = 0; i < 12; i++) {
            vm.selection().select(vm.simulation().nodes().get(2 * i + 1).id());
            vm.operations().targetTextProperty().set(String.format("%04x", (0x3b7 * (i + 5)) & 0xffff));
            events.clear();
            assertThat(vm.operations().findNode()).isTrue();
            LookupSession s = vm.selection().selectedLookup();
            Map<NodeId, List<Lookup.CandidateState>> seen = new HashMap<>();
            Map<NodeId, Integer> queries = new HashMap<>();
            for (int step = 0; step < 20_000 && vm.simulation().isBusy(); step++) {
                vm.simulation().step();
                for (LookupSnapshot.Candidate c : s.lookup().candidates()) {
                    List<Lookup.CandidateState> trail = seen.computeIfAbsent(c.id(), id -> new ArrayList<>());
                    if (trail.isEmpty() || trail.get(trail.size() - 1) != c.state()) {
                        trail.add(c.state());
                    }
                }
            }
            for (SimEvent e : events) {
                if (e instanceof SimEvent.RpcSent r && r.type() == SimEvent.RpcType.FIND_NODE && r.from().equals(s.origin())
                        && s.lookup().candidate(r.to()) != null && r.time() <= finishedAt(events, s)) {
                    queries.merge(r.to(), 1, Integer::sum);
                }
            }
            for (Map.Entry<NodeId, List<Lookup.CandidateState>> e : seen.entrySet()) {
                List<Lookup.CandidateState> trail = e.getValue();
                int u = trail.indexOf(Lookup.CandidateState.UNRESPONSIVE);
                boolean answeredAfterSlow = u >= 0 && trail.subList(u, trail.size()).contains(Lookup.CandidateState.SUCCEEDED);
                if (answeredAfterSlow) {
                    assertThat(s.answeredLate(e.getKey())).as("late answer of %s, states %s", e.getKey(), trail).isTrue();
                } else if (s.answeredLate(e.getKey())) {
                    // the one case the events cannot tell apart: the answer came at the very millisecond
                    // the peer timeout fell due, and the lookup took it before its timer
                    assertThat(answerTime(events, s, e.getKey()) - lastQuery(events, s, e.getKey()))
                            .as("a late answer the lookup took in time arrived exactly at the peer timeout: %s", e.getKey())
                            .isEqualTo(NetworkSettings.PEER_TIMEOUT_MS);
                    ties++;
                }
                assertThat(s.resends(e.getKey())).as("asked again of %s", e.getKey())
                        .isEqualTo(Math.max(0, queries.getOrDefault(e.getKey(), 0) - 1));
                late += answeredAfterSlow ? 1 : 0;
                resent += s.resends(e.getKey()) > 0 ? 1 : 0;
                slow += u >= 0 ? 1 : 0;
            }
        }
        assertThat(late).as("some answers came late").isPositive();
        assertThat(resent).as("some peers were asked again").isPositive();
        assertThat(slow).as("some peers were marked slow").isPositive();
        assertThat(ties).as("ties are the exception").isLessThan(late);
    }

    @Test
    void rowsAndCaptionsNameSlowPeersLateAnswersAndResendsAndNeverCallASlowPeerFailed() {
        NetworkViewModel vm = slowNetwork();
        Set<String> labels = new HashSet<>();
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            vm.selection().select(vm.simulation().nodes().get(2 * i + 1).id());
            vm.operations().targetTextProperty().set(String.format("%04x", (0x3b7 * (i + 5)) & 0xffff));
            assertThat(vm.operations().findNode()).isTrue();
            LookupSession s = vm.selection().selectedLookup();
            List<SimEvent> events = new ArrayList<>();
            vm.simulation().addListener(events::add); // the first queries went out inside findNode: their captions are not needed here
            for (int step = 0; step < 20_000 && vm.simulation().isBusy(); step++) {
                vm.simulation().step();
                for (CandidateRow r : s.rows(vm.network())) {
                    labels.add(r.stateLabel());
                    if (r.state() == Lookup.CandidateState.UNRESPONSIVE) {
                        assertThat(r.stateLabel()).startsWith("slow");
                        assertThat(s.summary(vm.network())).as("the summary says the rule")
                                .containsPattern("\\d slow: (its slot is|their slots are) freed, a late answer still counts\\.");
                        assertThat(r.shownPseudoClass()).isEqualTo("unresponsive");
                        assertThat(r.stateHelp()).contains("a late answer still counts");
                    }
                    if (r.late()) {
                        assertThat(r.stateLabel()).startsWith("late answer");
                        assertThat(r.shownPseudoClass()).isEqualTo(CandidateRow.LATE);
                    }
                    if (r.resends() > 0) {
                        assertThat(r.stateLabel()).endsWith(" \u21bb" + r.resends());
                        assertThat(r.stateHelp()).contains("asked again \u00d7" + r.resends());
                    } else {
                        assertThat(r.stateLabel()).doesNotContain("\u21bb");
                    }
                }
            }
            for (SimEvent e : events) {
                String c = Captions.describe(e, s, vm.keySpace());
                if (c != null) {
                    captions.add(c);
                }
            }
        }
        assertThat(labels).anyMatch(l -> l.startsWith("late answer")).anyMatch(l -> l.startsWith("slow"))
                .anyMatch(l -> l.endsWith(" \u21bb1"));
        assertThat(captions).anyMatch(c -> c.startsWith("Late answer: ") && c.contains("its answer still counts"))
                .anyMatch(c -> c.contains(" again (\u00d71): it stayed silent for the peer timeout"))
                .noneMatch(c -> c.contains("gives up") && c.contains("in time"));
    }

    @Test
    void theSlowPeersWordingSaysItsSlotIsFreedAndALateAnswerStillCounts() {
        var ks = new org.kadlab.kad.KeySpace(16);
        LookupSession s = new LookupSession(ks.parse("3a1f"), ks.parse("7f00"), 0);
        s.started(9);
        SimEvent slow = new SimEvent.LookupProgressed(5, 9, ks.parse("91c0"), Lookup.CandidateState.UNRESPONSIVE, -1, 0, 2);
        assertThat(Captions.describe(slow, s, ks)).isEqualTo("91c0 is slow to answer 3a1f: its slot is freed, a late answer still counts.");
        SimEvent failed = new SimEvent.LookupProgressed(5, 9, ks.parse("91c0"), Lookup.CandidateState.FAILED, -1, 0, 2);
        assertThat(Captions.describe(failed, s, ks)).isEqualTo("91c0 did not answer 3a1f before the RPC timeout; the lookup gives up on it.");
        assertThat(CandidateRow.label(Lookup.CandidateState.UNRESPONSIVE)).isEqualTo("slow");
    }

    private static long answerTime(List<SimEvent> events, LookupSession s, NodeId peer) {
        for (SimEvent e : events) {
            if (e instanceof SimEvent.LookupProgressed p && p.lookup() == s.simId() && p.peer().equals(peer)
                    && p.state() == Lookup.CandidateState.SUCCEEDED) {
                return p.time();
            }
        }
        throw new AssertionError("no answer of " + peer);
    }

    private static long lastQuery(List<SimEvent> events, LookupSession s, NodeId peer) {
        long last = -1;
        for (SimEvent e : events) {
            if (e instanceof SimEvent.LookupProgressed p && p.lookup() == s.simId() && p.peer().equals(peer)
                    && p.state() == Lookup.CandidateState.WAITING) {
                last = p.time();
            }
        }
        return last;
    }

    private static long finishedAt(List<SimEvent> events, LookupSession s) {
        for (SimEvent e : events) {
            if (e instanceof SimEvent.LookupFinished f && f.lookup() == s.simId()) {
                return f.time();
            }
        }
        return Long.MAX_VALUE;
    }
}
