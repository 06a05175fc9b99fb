package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.kadlab.sim.SimFixture.config;
import static org.kadlab.sim.SimFixture.joined;
import static org.kadlab.sim.SimFixture.kad;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KBucket;
import org.kadlab.kad.NodeId;

/** Nodes join, crash, come back, and churn. */
class SimulationMembershipTest {

    @Test
    @DisplayName("a killed node never handles or answers a request, and leaves the ground truth")
    void killedNodeNeverAnswers() {
        Simulation sim = joined(config(21, kad(16, 4, 3)), 30);
        SimNode victim = sim.nodes().get(11);
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        sim.kill(victim);

        assertThat(victim.isAlive()).isFalse();
        assertThat(sim.liveCount()).isEqualTo(29);
        assertThat(sim.groundTruth().isLive(victim.id())).isFalse();
        assertThat(rec.of(SimEvent.NodeKilled.class)).extracting(SimEvent.NodeKilled::node).containsExactly(victim.id());

        for (int i = 0; i < 20; i++) {
            OperationRecord r = run(sim, sim.findNode(sim.randomLive(), victim.id()).future());
            assertThat(r.truth()).as("the truth holds live nodes only").doesNotContain(victim.id());
            assertThat(r.result()).as("a dead node never counts as a responder").doesNotContain(victim.id());
        }
        assertThat(rec.of(SimEvent.RpcSent.class)).as("others still knew and asked the victim")
                .anyMatch(s -> s.to().equals(victim.id()));
        assertThat(rec.of(SimEvent.RpcDelivered.class)).noneMatch(d -> d.to().equals(victim.id()));
        assertThat(rec.of(SimEvent.RpcAnswered.class)).noneMatch(a -> a.to().equals(victim.id()));
        assertThat(rec.of(SimEvent.RpcSent.class)).as("a dead node sends nothing").noneMatch(s -> s.from().equals(victim.id()));
    }

    @Test
    @DisplayName("killing a node abandons its unfinished lookups with a LookupAbandoned event; they never finish")
    void killAbandonsUnfinishedLookups() {
        Simulation sim = joined(config(22, kad(16, 4, 3)), 20);
        SimNode origin = sim.nodes().get(4);
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        CompletableFuture<OperationRecord> f = sim.findNode(origin, sim.randomId()).future();
        assertThat(f).as("RPCs are in flight").isNotDone();
        long lookupId = rec.of(SimEvent.LookupStarted.class).get(0).lookup();

        sim.kill(origin);
        assertThat(rec.of(SimEvent.LookupAbandoned.class)).singleElement()
                .satisfies(a -> {
                    assertThat(a.lookup()).isEqualTo(lookupId);
                    assertThat(a.origin()).isEqualTo(origin.id());
                });
        assertThat(sim.activeLookups()).as("the simulator forgets the abandoned lookup").isEmpty();
        sim.runUntilIdle();
        assertThat(f).as("an abandoned lookup never completes").isNotDone();
        assertThat(rec.of(SimEvent.LookupFinished.class)).noneMatch(e -> e.lookup() == lookupId);
        assertThat(sim.operations()).isEmpty();

        sim.kill(sim.nodes().get(9));
        assertThat(rec.of(SimEvent.LookupAbandoned.class)).as("a node without lookups abandons nothing").hasSize(1);
    }

    @Test
    @DisplayName("an abandoned lookup stays abandoned when its origin comes back")
    void abandonedLookupStaysAbandonedAfterRevive() {
        Simulation sim = joined(config(23, kad(16, 4, 3)), 20);
        SimNode origin = sim.nodes().get(3);
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        CompletableFuture<OperationRecord> f = sim.findNode(origin, sim.randomId()).future();
        sim.kill(origin);
        sim.revive(origin);
        sim.runUntilIdle();
        assertThat(rec.of(SimEvent.LookupAbandoned.class)).hasSize(1);
        assertThat(f).as("the abandoned lookup does not complete").isNotDone();
        assertThat(sim.operations()).as("the abandoned lookup is not recorded").isEmpty();
    }

    @Test
    @DisplayName("a revived node comes back with the routing table and records it had, and can look up again")
    void reviveKeepsRoutingTableAndRecords() {
        Simulation sim = joined(config(24, kad(16, 4, 3)), 25);
        SimNode node = sim.nodes().get(6);
        run(sim, sim.store(node, "kept", "value").future());
        List<Contact> before = node.kad().routingTable().contacts();
        int recordsBefore = node.kad().recordStore().size();

        sim.kill(node);
        for (int i = 0; i < 10; i++) {
            run(sim, sim.findNode(sim.randomLive(), sim.randomId()).future());
        }
        assertThat(node.kad().routingTable().contacts()).as("a crashed node's state is frozen").isEqualTo(before);

        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        sim.revive(node);
        assertThat(node.isAlive()).isTrue();
        assertThat(sim.liveCount()).isEqualTo(25);
        assertThat(sim.groundTruth().isLive(node.id())).isTrue();
        assertThat(rec.of(SimEvent.NodeRevived.class)).extracting(SimEvent.NodeRevived::node).containsExactly(node.id());
        assertThat(node.kad().routingTable().contacts()).as("revive keeps the routing table").isEqualTo(before);
        assertThat(node.kad().recordStore().size()).as("revive keeps the records").isEqualTo(recordsBefore);

        OperationRecord r = run(sim, sim.findNode(node, sim.randomId()).future());
        assertThat(r.result()).as("the revived node can look up again").isNotEmpty();
        sim.revive(node);
        assertThat(rec.of(SimEvent.NodeRevived.class)).as("reviving a live node does nothing").hasSize(1);
    }

    @Test
    @DisplayName("a ping-before-evict pending when a node crashes is resolved once the node is back")
    void pendingPingIsResolvedAfterRevive() {
        Simulation sim = joined(config(1, kad(16, 2, 2).toBuilder().pingSkipWindowMs(0).build()), 20); // always ping
        sim.findNode(sim.nodes().get(0), sim.randomId());
        sim.addNode();
        SimNode victim = null;
        KBucket pending = null;
        while (victim == null && sim.isBusy()) {
            sim.step();
            for (SimNode n : sim.nodes()) {
                for (KBucket b : n.kad().routingTable().nonEmptyBuckets()) {
                    if (victim == null && b.pendingPing() != null) {
                        victim = n;
                        pending = b;
                    }
                }
            }
        }
        assertThat(victim).as("some node started a ping-before-evict").isNotNull();
        sim.kill(victim);
        sim.runUntilIdle();
        sim.revive(victim);
        sim.runUntilIdle();
        sim.advance(2 * 3_600_000L);
        assertThat(victim.kad().routingTable().bucket(pending.index()).pendingPing())
                .as("two hours after revive the bucket is no longer waiting for its ping").isNull();
    }

    @Test
    @DisplayName("a node whose seed did not answer during its join is not left alone for ever")
    void joinThroughUnansweringSeedIsNotStrandedForEver() {
        Simulation sim = new Simulation(config(25, kad(16, 4, 3)));
        SimNode seed = sim.addNode(sim.keySpace().id(0x1000), null);
        SimNode newcomer = sim.addNode(sim.keySpace().id(0x2000), seed);
        sim.kill(seed);
        sim.runUntilIdle();
        sim.revive(seed);
        sim.runUntilIdle();
        sim.advance(3 * 3_600_000L);
        assertThat(newcomer.kad().routingTable().size()).as("three hours later the newcomer knows somebody").isPositive();
    }

    @Test
    @DisplayName("addNode rejects an id already taken, an id too wide, and a dead seed; a full key space has no fresh id")
    void addNodeRejectsImpossibleJoins() {
        Simulation sim = new Simulation(config(26, kad(2, 2, 1)));
        SimNode a = sim.addNode(sim.keySpace().id(1), null);
        assertThatIllegalArgumentException().isThrownBy(() -> sim.addNode(sim.keySpace().id(1), a))
                .withMessageContaining("already exists");
        assertThatIllegalArgumentException().isThrownBy(() -> sim.addNode(NodeId.of(4), a))
                .withMessageContaining("2 bits");
        SimNode b = sim.addNode(sim.keySpace().id(2), a);
        sim.runUntilIdle();
        sim.kill(b);
        assertThatIllegalArgumentException().isThrownBy(() -> sim.addNode(sim.keySpace().id(3), b))
                .withMessageContaining("not alive");
        sim.addNode();
        sim.addNode();
        sim.runUntilIdle();
        assertThat(sim.nodes()).hasSize(4);
        assertThatIllegalStateException().isThrownBy(sim::freshId).withMessageContaining("no free id");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SessionModel.class)
    @DisplayName("churn keeps running with every session model: nodes crash and arrive during the period, none after it")
    void churnKillsAndAddsNodesWithEveryModel(SessionModel model) {
        double shape = switch (model) {
            case PARETO -> 1.5;
            case WEIBULL -> 0.6;
            case EXPONENTIAL -> 1.0;
        };
        Simulation sim = joined(config(27, kad(16, 4, 3)).withHistoryCapacity(0), 30);
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        long start = sim.now();
        sim.churn(model, 60_000, shape, 300_000);
        long end = start + 300_000;

        assertThat(sim.now()).as("churn runs to the end of its period").isEqualTo(end);
        List<SimEvent.NodeKilled> kills = rec.of(SimEvent.NodeKilled.class);
        List<SimEvent.NodeAdded> adds = rec.of(SimEvent.NodeAdded.class);
        assertThat(kills).as("%s: sessions ended", model).hasSizeGreaterThan(10);
        assertThat(adds).as("%s: newcomers arrived", model).hasSizeGreaterThan(10);
        assertThat(kills).allSatisfy(e -> assertThat(e.time()).isBetween(start, end));
        assertThat(adds).allSatisfy(e -> {
            assertThat(e.time()).isBetween(start, end);
            assertThat(e.seed()).as("a newcomer joins through a node").isNotNull();
        });
        assertThat(sim.liveCount()).as("%s: the network survives", model).isPositive();
        assertThat(sim.nodes()).hasSize(30 + adds.size());

        sim.runUntilIdle();
        OperationRecord r = run(sim, sim.findNode(sim.randomLive(), sim.randomId()).future());
        assertThat(r.rpcs()).as("lookups still run after churn").isPositive();
        int killsDuring = kills.size();
        int addsDuring = adds.size();
        sim.advance(600_000);
        assertThat(rec.of(SimEvent.NodeKilled.class)).as("no departures after the period").hasSize(killsDuring);
        assertThat(rec.of(SimEvent.NodeAdded.class)).as("no arrivals after the period").hasSize(addsDuring);
    }

    @Test
    @DisplayName("churn rejects a Pareto shape of 1, a non-positive mean and a negative duration")
    void churnRejectsImpossibleSettings() {
        Simulation sim = joined(config(28, kad(16, 4, 3)), 3);
        assertThatIllegalArgumentException().isThrownBy(() -> sim.churn(SessionModel.PARETO, 60_000, 1.0, 1_000))
                .withMessageContaining("shape");
        assertThatIllegalArgumentException().isThrownBy(() -> sim.churn(SessionModel.EXPONENTIAL, 0, 1.0, 1_000))
                .withMessageContaining("mean_session");
        assertThatIllegalArgumentException().isThrownBy(() -> sim.churn(SessionModel.EXPONENTIAL, 60_000, 1.0, -1))
                .withMessageContaining("duration");
    }

    private static OperationRecord run(Simulation sim, CompletableFuture<OperationRecord> f) {
        sim.runUntilIdle();
        assertThat(f).isDone();
        return f.join();
    }
}
