package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;
import org.kadlab.ui.model.live.LiveEvents;
import org.kadlab.ui.model.live.LiveTestNet;

/**
 * The window attached to a live network of 8 real nodes (in-process gRPC): discovery finds every
 * node; a find_node sent through the selected node shows its lookup's events in order and ends with
 * the node's own result; its ground truth is the brute-force k closest of the ids known; a node that
 * dies is shown not live after the next crawl; Disconnect returns to the simulation.
 */
class LiveModeTest {
    private static final long WAIT_MS = 20_000;
    private LiveTestNet net;
    private NetworkViewModel vm;

    @AfterEach
    void cleanUp() {
        if (vm != null) {
            vm.shutdown();
        }
        if (net != null) {
            net.close();
        }
    }

    private void attach(int nodes) throws Exception {
        net = LiveTestNet.start(nodes, 21);
        vm = new NetworkViewModel();
        vm.live().useChannels(net.channels());
        assertThat(vm.live().connect(net.address(0), "")).isTrue();
        assertThat(until(() -> vm.live().isActive() && vm.network().nodeCount() == nodes)).isTrue();
    }

    private boolean until(BooleanSupplier done) throws InterruptedException {
        return LiveTestNet.pump(() -> vm.playback().tick(16_000_000L), done, WAIT_MS);
    }

    @Test
    void discoveryFindsEveryNodeThroughTheRoutingTables() throws Exception {
        attach(8);
        assertThat(new HashSet<>(vm.network().nodeIds())).isEqualTo(new HashSet<>(net.ids()));
        assertThat(vm.network().liveCount()).isEqualTo(8);
        assertThat(vm.nodeCountProperty().get()).isEqualTo(8);
        assertThat(vm.live().badgeProperty().get()).startsWith("Live: 8 of 8 nodes via " + net.address(0));
        assertThat(vm.selection().selectedNode()).isEqualTo(net.id(0));
        // the selected node's buckets are its real table
        TableSnapshot t = vm.network().table(net.id(0));
        assertThat(t.buckets()).hasSize(16);
        assertThat(vm.network().contactIds(net.id(0))).isNotEmpty().isSubsetOf(net.ids());
    }

    @Test
    void aFindNodeThroughTheSelectedNodeShowsItsLookupInOrderAndEndsWithTheNodesResult() throws Exception {
        attach(8);
        EventInbox.Reader reader = vm.events().reader();
        vm.selection().select(net.id(3));
        NodeId target = vm.keySpace().id(0x1234);
        vm.operations().targetTextProperty().set(vm.keySpace().hex(target));
        assertThat(vm.operations().findNode()).isTrue();
        LookupSession s = vm.selection().selectedLookup();
        assertThat(s.isLive()).isTrue();
        assertThat(until(() -> s.isOver() && s.record() != null)).isTrue();

        List<SimEvent> mine = new ArrayList<>();
        Map<Long, SimEvent.RpcSent> sent = new HashMap<>();
        for (SimEvent e : reader.drain()) {
            if (e instanceof SimEvent.LookupStarted st && st.lookup() == s.simId()
                    || e instanceof SimEvent.LookupProgressed p && p.lookup() == s.simId()
                    || e instanceof SimEvent.LookupFinished f && f.lookup() == s.simId()) {
                mine.add(e);
            }
            if (e instanceof SimEvent.RpcSent r && r.from().equals(net.id(3))) {
                sent.put(r.rpc(), r);
            }
            if (e instanceof SimEvent.RpcAnswered a && a.from().equals(net.id(3))) {
                assertThat(sent).as("an answer comes after its request").containsKey(a.rpc());
                assertThat(a.time()).isGreaterThanOrEqualTo(sent.get(a.rpc()).time());
            }
        }
        assertThat(mine.get(0)).isInstanceOf(SimEvent.LookupStarted.class);
        assertThat(mine.get(mine.size() - 1)).isInstanceOf(SimEvent.LookupFinished.class);
        assertThat(mine.subList(1, mine.size() - 1)).isNotEmpty().allMatch(e -> e instanceof SimEvent.LookupProgressed);
        for (int i = 1; i < mine.size(); i++) {
            assertThat(mine.get(i).time()).isGreaterThanOrEqualTo(mine.get(i - 1).time());
        }
        List<CandidateRow> rows = s.rows(vm.network());
        List<NodeId> shownK = rows.stream().filter(CandidateRow::kClosest).map(CandidateRow::id).toList();
        assertThat(shownK).isEqualTo(s.record().result());
        // every candidate says where it came from, as the node's own lookup recorded it: the origin's table
        // (depth 1), or the answer of another candidate shown (one deeper than it)
        Map<String, CandidateRow> byHex = new HashMap<>();
        rows.forEach(r -> byHex.put(r.hex(), r));
        assertThat(rows).anyMatch(r -> r.referrer().equals("own table"));
        for (CandidateRow r : rows) {
            if (r.referrer().equals("own table")) {
                assertThat(r.depth()).as("%s from the origin's table", r.hex()).isEqualTo(1);
            } else {
                assertThat(byHex).as("%s was told by a candidate shown", r.hex()).containsKey(r.referrer());
                assertThat(r.depth()).as("%s one deeper than its referrer", r.hex())
                        .isEqualTo(byHex.get(r.referrer()).depth() + 1);
            }
            if (r.state() != org.kadlab.kad.Lookup.CandidateState.NOT_CONTACTED) {
                assertThat(r.round()).as("%s was queried in a round", r.hex()).isPositive();
            }
        }
        assertThat(s.finished().result()).isEqualTo(s.record().result());
        // the nodes' clocks are put on the window's: the lookup ends after it was sent, in ms since connecting
        assertThat(s.finished().time()).isGreaterThanOrEqualTo(s.startedAt()).isLessThanOrEqualTo(vm.network().now());
    }

    @Test
    void groundTruthIsTheBruteForceKClosestOfTheKnownIds() throws Exception {
        attach(8);
        vm.selection().select(net.id(5));
        NodeId target = vm.keySpace().id(0xbeef);
        vm.operations().targetTextProperty().set(vm.keySpace().hex(target));
        assertThat(vm.operations().findNode()).isTrue();
        LookupSession s = vm.selection().selectedLookup();
        assertThat(until(() -> s.isOver() && s.record() != null)).isTrue();
        List<NodeId> expected = net.ids().stream().filter(id -> !id.equals(net.id(5)))
                .sorted((a, b) -> org.kadlab.kad.KeySpace.distance(a, target).compareTo(org.kadlab.kad.KeySpace.distance(b, target)))
                .limit(4).toList();
        assertThat(s.finished().truth()).isEqualTo(expected);
        assertThat(s.record().truth()).isEqualTo(expected);
        assertThat(LiveEvents.closest(net.ids(), net.id(5), target, 4)).isEqualTo(expected);
        assertThat(s.summary(vm.network())).contains("Ground truth from the 8 ids known");
    }

    @Test
    void aKilledNodeIsShownNotLiveAfterTheNextCrawlAndDisconnectReturnsToTheSimulation() throws Exception {
        attach(8);
        NodeId dead = net.id(6);
        assertThat(vm.network().isAlive(dead)).isTrue();
        net.kill(6);
        assertThat(until(() -> !vm.network().isAlive(dead))).isTrue();
        assertThat(vm.network().contains(dead)).isTrue();
        assertThat(vm.network().liveCount()).isEqualTo(7);
        assertThat(vm.live().badgeProperty().get()).startsWith("Live: 7 of 8 nodes");

        vm.live().disconnect();
        assertThat(vm.live().isActive()).isFalse();
        assertThat(vm.network()).isInstanceOf(SimulationNetwork.class);
        assertThat(vm.network().nodeCount()).isEqualTo(NetworkViewModel.DEFAULT_NODES);
        assertThat(vm.live().badgeProperty().get()).isEmpty();
    }

    @Test
    void aMalformedAddressOrANodeThatDoesNotAnswerIsAClearMessage() throws Exception {
        vm = new NetworkViewModel();
        assertThat(vm.live().connect("localhost", "")).isFalse();
        assertThat(vm.live().connectErrorProperty().get()).contains("HOST:PORT");
        assertThat(LiveMode.checkAddress("127.0.0.1:70000")).contains("between 1 and 65535");
        assertThat(LiveMode.checkAddress("127.0.0.1:7000")).isNull();
        net = LiveTestNet.start(1, 3);
        vm.live().useChannels(net.channels());
        assertThat(vm.live().connect("127.0.0.1:1", "")).isTrue();
        assertThat(until(() -> !vm.live().connectingProperty().get())).isTrue();
        assertThat(vm.live().isActive()).isFalse();
        assertThat(vm.live().connectErrorProperty().get()).contains("No node answers at 127.0.0.1:1");
        assertThat(vm.network()).isInstanceOf(SimulationNetwork.class);
    }
}
