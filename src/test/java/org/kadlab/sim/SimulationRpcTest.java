package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.kadlab.sim.SimFixture.config;
import static org.kadlab.sim.SimFixture.joined;
import static org.kadlab.sim.SimFixture.kad;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.NodeId;

/** Every RPC is sent, delivered, answered or timed out as separate steps, through latency, loss and partitions. */
class SimulationRpcTest {

    /** The events of each RPC, by RPC id, in the order they happened. */
    private static Map<Long, List<SimEvent>> byRpc(List<SimEvent> events) {
        Map<Long, List<SimEvent>> out = new LinkedHashMap<>();
        for (SimEvent e : events) {
            Long id = rpcId(e);
            if (id != null) {
                out.computeIfAbsent(id, x -> new ArrayList<>()).add(e);
            }
        }
        return out;
    }

    private static Long rpcId(SimEvent e) {
        if (e instanceof SimEvent.RpcSent s) {
            return s.rpc();
        }
        if (e instanceof SimEvent.RpcDelivered d) {
            return d.rpc();
        }
        if (e instanceof SimEvent.RpcAnswered a) {
            return a.rpc();
        }
        if (e instanceof SimEvent.RpcTimedOut t) {
            return t.rpc();
        }
        return null;
    }

    private static List<Class<?>> kinds(List<SimEvent> events) {
        List<Class<?>> out = new ArrayList<>();
        for (SimEvent e : events) {
            out.add(e.getClass());
        }
        return out;
    }

    @Test
    @DisplayName("an RPC to a live peer is sent, then delivered, then answered, between the same two nodes")
    void rpcToLivePeerIsSentDeliveredAnswered() {
        Simulation sim = joined(config(3, kad(16, 4, 3)), 12);
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        sim.findNode(sim.nodes().get(0), sim.randomId());
        sim.runUntilIdle();

        Map<Long, List<SimEvent>> rpcs = byRpc(rec.events);
        assertThat(rpcs).as("the lookup sent RPCs").isNotEmpty();
        for (Map.Entry<Long, List<SimEvent>> e : rpcs.entrySet()) {
            List<SimEvent> life = e.getValue();
            assertThat(kinds(life)).as("rpc %d", e.getKey())
                    .containsExactly(SimEvent.RpcSent.class, SimEvent.RpcDelivered.class, SimEvent.RpcAnswered.class);
            SimEvent.RpcSent s = (SimEvent.RpcSent) life.get(0);
            SimEvent.RpcDelivered d = (SimEvent.RpcDelivered) life.get(1);
            SimEvent.RpcAnswered a = (SimEvent.RpcAnswered) life.get(2);
            assertThat(List.of(d.from(), d.to(), a.from(), a.to())).containsExactly(s.from(), s.to(), s.from(), s.to());
            assertThat(d.type()).isEqualTo(s.type());
            assertThat(a.type()).isEqualTo(s.type());
            assertThat(s.time()).isLessThan(d.time());
            assertThat(d.time()).isLessThan(a.time());
        }
        assertThat(sim.stats().rpcsTimedOut()).isZero();
    }

    @Test
    @DisplayName("an RPC to a dead peer is sent, then times out exactly rpc_timeout_ms later, and is never delivered")
    void rpcToDeadPeerTimesOutExactlyAfterTheTimeout() {
        KadConfig kad = KadConfig.builder().bits(16).k(4).alpha(3).rpcTimeoutMs(3_000).build();
        Simulation sim = joined(config(4, kad), 12);
        SimNode victim = sim.nodes().get(5);
        SimNode origin = null;
        for (SimNode n : sim.nodes()) {
            if (n != victim && n.kad().routingTable().contains(victim.id())) {
                origin = n;
                break;
            }
        }
        assertThat(origin).as("someone knows the victim").isNotNull();
        sim.kill(victim);
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        sim.findNode(origin, victim.id());
        sim.runUntilIdle();

        int toVictim = 0;
        for (List<SimEvent> life : byRpc(rec.events).values()) {
            SimEvent.RpcSent s = (SimEvent.RpcSent) life.get(0);
            if (!s.to().equals(victim.id())) {
                continue;
            }
            toVictim++;
            assertThat(kinds(life)).as("rpc %d to the dead peer", s.rpc())
                    .containsExactly(SimEvent.RpcSent.class, SimEvent.RpcTimedOut.class);
            assertThat(life.get(1).time() - s.time()).as("timed out exactly rpc_timeout_ms after sending").isEqualTo(3_000);
        }
        assertThat(toVictim).as("the origin asked the dead peer, the closest it knew").isPositive();
        assertThat(sim.stats().rpcsTimedOut()).isEqualTo(toVictim);
    }

    @Test
    @DisplayName("step() runs exactly one queued action, and returns false when nothing is queued")
    void stepRunsExactlyOneAction() {
        assertThat(new Simulation(config(1, kad(16, 4, 3))).step()).as("an empty simulation has nothing to run").isFalse();

        Simulation sim = joined(config(6, kad(16, 4, 3)), 10);
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        sim.findNode(sim.nodes().get(2), sim.randomId());
        int steps = 0;
        while (sim.isBusy()) {
            long eventsBefore = sim.stats().events();
            long timeBefore = sim.now();
            int seenBefore = rec.events.size();
            assertThat(sim.step()).isTrue();
            steps++;
            assertThat(sim.stats().events()).as("step %d ran one action", steps).isEqualTo(eventsBefore + 1);
            assertThat(sim.now()).as("the clock never goes back").isGreaterThanOrEqualTo(timeBefore);
            long rpcPhases = rec.events.subList(seenBefore, rec.events.size()).stream()
                    .filter(e -> e instanceof SimEvent.RpcDelivered || e instanceof SimEvent.RpcAnswered
                            || e instanceof SimEvent.RpcTimedOut)
                    .count();
            assertThat(rpcPhases).as("step %d moved at most one RPC one phase on", steps).isLessThanOrEqualTo(1);
        }
        assertThat(steps).as("a lookup takes several steps").isGreaterThan(3);
    }

    @Test
    @DisplayName("runUntilIdle leaves no RPC in flight and no lookup running, while upkeep timers stay queued")
    void runUntilIdleLeavesNoRpcInFlight() {
        Simulation sim = joined(config(7, kad(16, 4, 3)), 20);
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        List<CompletableFuture<OperationRecord>> lookups = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lookups.add(sim.findNode(sim.randomLive(), sim.randomId()).future());
        }
        assertThat(sim.isBusy()).as("ten lookups under way").isTrue();
        sim.runUntilIdle();

        assertThat(sim.isBusy()).isFalse();
        assertThat(sim.queuedActions()).as("background upkeep timers stay queued").isPositive();
        assertThat(sim.activeLookups()).as("no lookup left running").isEmpty();
        assertThat(lookups).allSatisfy(f -> assertThat(f).isDone());
        for (List<SimEvent> life : byRpc(rec.events).values()) {
            SimEvent last = life.get(life.size() - 1);
            assertThat(last).as("every RPC sent was answered or timed out")
                    .isInstanceOfAny(SimEvent.RpcAnswered.class, SimEvent.RpcTimedOut.class);
        }
    }

    @Test
    @DisplayName("runUntil runs every action due up to the time and then sets the clock to it; advance rejects negative time")
    void runUntilSetsTheClock() {
        Simulation sim = joined(config(8, kad(16, 4, 3)), 5);
        long t = sim.now() + 12_345;
        sim.runUntil(t);
        assertThat(sim.now()).isEqualTo(t);
        sim.advance(55);
        assertThat(sim.now()).isEqualTo(t + 55);
        assertThatIllegalArgumentException().isThrownBy(() -> sim.advance(-1))
                .withMessageContaining("negative");
    }

    @Test
    @DisplayName("one-way latency lies within [min, max]: delivery minus sending, and answer minus delivery")
    void latencyStaysWithinConfiguredBounds() {
        Simulation sim = joined(config(9, kad(16, 4, 3)).withLatency(20, 50), 15);
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        for (int i = 0; i < 10; i++) {
            sim.findNode(sim.randomLive(), sim.randomId());
            sim.runUntilIdle();
        }
        Set<Long> seen = new HashSet<>();
        for (List<SimEvent> life : byRpc(rec.events).values()) {
            assertThat(life).hasSize(3);
            long request = life.get(1).time() - life.get(0).time();
            long answer = life.get(2).time() - life.get(1).time();
            assertThat(request).as("request latency").isBetween(20L, 50L);
            assertThat(answer).as("answer latency").isBetween(20L, 50L);
            seen.add(request);
            seen.add(answer);
        }
        assertThat(seen).as("latencies vary within the range").hasSizeGreaterThan(5);
    }

    @Test
    @DisplayName("an answer that would arrive at or after the timeout counts as a timeout, although the peer handled the request")
    void lateAnswerIsATimeout() {
        KadConfig kad = KadConfig.builder().bits(8).k(4).alpha(1).rpcTimeoutMs(150).build();
        Simulation sim = new Simulation(config(10, kad).withLatency(100, 100));
        SimNode a = sim.addNode(sim.keySpace().id(0x10), null);
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        sim.addNode(sim.keySpace().id(0x20), a);
        sim.runUntilIdle();
        List<SimEvent> first = byRpc(rec.events).values().iterator().next();
        assertThat(kinds(first)).containsExactly(SimEvent.RpcSent.class, SimEvent.RpcDelivered.class, SimEvent.RpcTimedOut.class);
        assertThat(first.get(1).time() - first.get(0).time()).isEqualTo(100);
        assertThat(first.get(2).time() - first.get(0).time()).isEqualTo(150);
    }

    @Test
    @DisplayName("with loss 0.3 some RPCs time out, each RPC ends exactly once, and every lookup still finishes")
    void lossyNetworkStillFinishesLookups() {
        Simulation sim = joined(config(11, kad(16, 4, 3)).withLoss(0.3), 20);
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        List<CompletableFuture<OperationRecord>> lookups = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lookups.add(sim.findNode(sim.randomLive(), sim.randomId()).future());
            sim.runUntilIdle();
        }
        assertThat(lookups).as("every lookup finished").allSatisfy(f -> assertThat(f).isDone());
        assertThat(rec.of(SimEvent.RpcTimedOut.class)).as("some RPCs were lost").isNotEmpty();
        assertThat(rec.of(SimEvent.RpcAnswered.class)).as("most got through").isNotEmpty();
        assertThat(sim.stats().rpcsTimedOut()).isPositive();
        for (List<SimEvent> life : byRpc(rec.events).values()) {
            long ends = life.stream().filter(e -> e instanceof SimEvent.RpcAnswered || e instanceof SimEvent.RpcTimedOut).count();
            assertThat(ends).as("each RPC is answered or times out, once").isEqualTo(1);
        }
        assertThat(lookups.stream().mapToInt(f -> f.join().failures()).sum()).as("lookups saw failures").isPositive();
    }

    @Test
    @DisplayName("during a partition no RPC crosses sides; after heal every RPC is answered and some cross")
    void partitionBlocksCrossingRpcsAndHealRestoresThem() {
        Simulation sim = joined(config(12, kad(16, 4, 3)), 30);
        Set<NodeId> sideA = new HashSet<>();
        for (int i = 0; i < 15; i++) {
            sideA.add(sim.nodes().get(i).id());
        }
        sim.partition(sideA);
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        List<CompletableFuture<OperationRecord>> during = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            during.add(sim.findNode(sim.randomLive(), sim.randomId()).future());
            sim.runUntilIdle();
        }
        int crossingAttempts = 0;
        for (List<SimEvent> life : byRpc(rec.events).values()) {
            SimEvent.RpcSent s = (SimEvent.RpcSent) life.get(0);
            if (sideA.contains(s.from()) != sideA.contains(s.to())) {
                crossingAttempts++;
                assertThat(kinds(life)).as("rpc %d across the partition", s.rpc())
                        .containsExactly(SimEvent.RpcSent.class, SimEvent.RpcTimedOut.class);
            } else {
                assertThat(kinds(life)).as("rpc %d within one side", s.rpc())
                        .containsExactly(SimEvent.RpcSent.class, SimEvent.RpcDelivered.class, SimEvent.RpcAnswered.class);
            }
        }
        assertThat(crossingAttempts).as("lookups tried to cross").isPositive();
        for (CompletableFuture<OperationRecord> f : during) {
            OperationRecord r = f.join();
            boolean originInA = sideA.contains(r.origin());
            assertThat(r.result()).as("a lookup only reaches its own side")
                    .allSatisfy(id -> assertThat(sideA.contains(id)).isEqualTo(originInA));
        }

        sim.heal();
        rec.clear();
        for (int i = 0; i < 20; i++) {
            sim.findNode(sim.randomLive(), sim.randomId());
            sim.runUntilIdle();
        }
        assertThat(rec.of(SimEvent.RpcTimedOut.class)).as("after heal nothing is cut off").isEmpty();
        assertThat(rec.of(SimEvent.RpcDelivered.class))
                .as("after heal RPCs cross sides again")
                .anySatisfy(d -> assertThat(sideA.contains(d.from())).isNotEqualTo(sideA.contains(d.to())));
    }

    @Test
    @DisplayName("a node that joins during a partition belongs to 'all others' and can join through a node of that side")
    void nodeAddedDuringPartitionJoinsTheOtherSide() {
        Simulation sim = joined(config(13, kad(16, 4, 3)), 20);
        Set<NodeId> sideA = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            sideA.add(sim.nodes().get(i).id());
        }
        sim.partition(sideA);
        SimNode seedOnSideB = sim.nodes().get(15);
        List<SimEvent> events = new ArrayList<>();
        sim.addListener(events::add);
        SimNode newcomer = sim.addNode(sim.freshId(), seedOnSideB);
        sim.runUntilIdle();
        assertThat(newcomer.kad().routingTable().contains(seedOnSideB.id()))
                .as("the newcomer reached its seed, which is on its side").isTrue();
        for (SimEvent e : events) {
            if (e instanceof SimEvent.RpcDelivered d && (d.from().equals(newcomer.id()) || d.to().equals(newcomer.id()))) {
                NodeId peer = d.from().equals(newcomer.id()) ? d.to() : d.from();
                assertThat(sideA).as("the newcomer exchanged a message with %s, which is on side A", peer).doesNotContain(peer);
            }
        }
    }

    @Test
    @DisplayName("an RPC in flight when a partition starts does not cross it")
    void rpcInFlightWhenPartitionStartsDoesNotCross() {
        Simulation sim = joined(config(14, kad(16, 4, 3)), 20);
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        sim.findNode(sim.nodes().get(0), sim.randomId());
        SimEvent.RpcSent first = rec.of(SimEvent.RpcSent.class).get(0);
        sim.partition(Set.of(first.from()));
        sim.runUntilIdle();
        assertThat(rec.of(SimEvent.RpcDelivered.class))
                .as("nothing is delivered from the origin to the other side after the cut")
                .noneMatch(d -> d.rpc() == first.rpc());
    }
}
