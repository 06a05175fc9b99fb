package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.kadlab.sim.SimFixture.bruteForceClosest;
import static org.kadlab.sim.SimFixture.config;
import static org.kadlab.sim.SimFixture.joined;
import static org.kadlab.sim.SimFixture.kad;
import static org.kadlab.sim.SimFixture.sortedByDistance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.RecordStore;

/** Nodes join by real bootstrap; every user operation is judged against the brute-force truth. */
class SimulationLookupTest {

    @Test
    @DisplayName("every find_node record holds the brute-force truth, exact == (result equals truth), missed = truth minus result")
    void findNodeRecordsAreJudgedAgainstBruteForce() {
        int k = 4;
        Simulation sim = joined(config(5, kad(16, k, 3)), 40);
        assertThat(sim.liveCount()).isEqualTo(40);
        assertThat(sim.isBusy()).as("joins are over").isFalse();

        List<OperationRecord> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            SimNode origin = sim.randomLive();
            NodeId target = i % 4 == 0 ? sim.randomLiveOtherThan(origin).id() : sim.randomId();
            CompletableFuture<OperationRecord> f = sim.findNode(origin, target).future();
            sim.runUntilIdle();
            assertThat(f).as("lookup %d finished once the network is idle", i).isDone();
            OperationRecord rec = f.join();
            records.add(rec);

            List<NodeId> truth = bruteForceClosest(sim, target, k, origin.id());
            assertThat(rec.op()).isEqualTo("find_node");
            assertThat(rec.origin()).isEqualTo(origin.id());
            assertThat(rec.target()).isEqualTo(target);
            assertThat(rec.truth()).as("lookup %d: truth is the brute-force k closest live nodes other than the origin", i)
                    .containsExactlyElementsOf(truth);
            assertThat(rec.exact()).as("lookup %d: exact == (result equals truth)", i).isEqualTo(rec.result().equals(truth));
            List<NodeId> missed = new ArrayList<>(truth);
            missed.removeAll(rec.result());
            assertThat(rec.missed()).as("lookup %d: missed = truth minus result", i).containsExactlyElementsOf(missed);
            assertThat(rec.result()).as("lookup %d: at most k, never the origin", i).hasSizeLessThanOrEqualTo(k)
                    .doesNotContain(origin.id());
            assertThat(sortedByDistance(rec.result(), target)).as("lookup %d: result sorted by XOR distance", i).isTrue();
            assertThat(rec.endMs()).isGreaterThanOrEqualTo(rec.startMs());
            assertThat(rec.rpcs()).isPositive();
            assertThat(rec.failures()).as("every node answers").isZero();
        }
        assertThat(sim.operations()).as("the simulation keeps every record, in order").containsExactlyElementsOf(records);
        long exact = records.stream().filter(OperationRecord::exact).count();
        assertThat(sim.stats().judgedLookups()).isEqualTo(40);
        assertThat(sim.stats().exactLookups()).isEqualTo(exact);
    }

    @Test
    @DisplayName("after a store every one of the brute-force k closest live nodes holds the record, and find_value finds it")
    void storeReachesTheKClosestAndFindValueFindsIt() {
        int k = 4;
        KadConfig kad = KadConfig.builder().bits(16).k(k).alpha(3).cacheOnFindValue(false).build();
        Simulation sim = joined(config(12, kad), 30);
        SimNode publisher = sim.nodes().get(7);
        CompletableFuture<OperationRecord> stored = sim.store(publisher, "greeting", "hello").future();
        sim.runUntilIdle();
        OperationRecord st = stored.join();
        NodeId key = sim.keySpace().keyId("greeting");
        assertThat(st.op()).isEqualTo("store");
        assertThat(st.target()).isEqualTo(key);
        assertThat(st.truth()).containsExactlyElementsOf(bruteForceClosest(sim, key, k, publisher.id()));
        assertThat(st.exact()).as("the store's lookup found the true k closest").isTrue();

        for (NodeId holder : bruteForceClosest(sim, key, k, null)) {
            RecordStore.StoredRecord r = sim.node(holder).kad().recordStore().get(key, sim.now());
            assertThat(r).as("node %s, one of the k closest, holds the record", sim.keySpace().hex(holder)).isNotNull();
            assertThat(r.value()).isEqualTo("hello");
        }
        for (NodeId acked : st.result()) {
            assertThat(sim.node(acked).kad().recordStore().get(key, sim.now())).as("an acknowledging node holds it").isNotNull();
        }

        SimNode reader = null;
        for (SimNode n : sim.nodes()) {
            if (n.kad().recordStore().get(key, sim.now()) == null) {
                reader = n;
                break;
            }
        }
        CompletableFuture<OperationRecord> read = sim.findValue(reader, "greeting").future();
        sim.runUntilIdle();
        OperationRecord fv = read.join();
        assertThat(fv.op()).isEqualTo("find_value");
        assertThat(fv.found()).as("find_value found the value").isTrue();
        assertThat(fv.value()).isEqualTo("hello");

        CompletableFuture<OperationRecord> miss = sim.findValue(reader, "never stored").future();
        sim.runUntilIdle();
        assertThat(miss.join().found()).as("a key nobody stored is not found").isFalse();
        assertThat(miss.join().value()).isNull();
        assertThat(sim.stats().judgedLookups()).as("only find_node lookups count in the exactness figures").isZero();
    }

    @Test
    @DisplayName("operations need a live origin, and a target must fit in the key space")
    void operationsRejectDeadOriginsAndOversizedTargets() {
        Simulation sim = joined(config(2, kad(8, 4, 2)), 5);
        SimNode dead = sim.nodes().get(1);
        sim.kill(dead);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> sim.findNode(dead, sim.randomId())).withMessageContaining("live origin");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> sim.store(null, "k", "v")).withMessageContaining("live origin");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> sim.findNode(sim.nodes().get(0), NodeId.of(0x1ff))).withMessageContaining("8 bits");
    }
}
