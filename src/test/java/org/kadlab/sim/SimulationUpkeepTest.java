package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kadlab.sim.SimFixture.config;
import static org.kadlab.sim.SimFixture.joined;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.RecordStore;

/** advance() lets virtual time pass: buckets are refreshed, records expire and are republished. */
class SimulationUpkeepTest {
    private static final long HOURS_10 = 10 * 3_600_000L;

    @Test
    @DisplayName("refresh lookups start once a bucket has gone refresh_interval without a lookup into it, never sooner")
    void advanceRunsBucketRefreshAfterTheInterval() {
        long interval = 60_000;
        KadConfig kad = KadConfig.builder().bits(16).k(4).alpha(3).refreshIntervalMs(interval)
                .recordTtlMs(HOURS_10).publisherRepublishMs(HOURS_10).holderRepublishMs(HOURS_10).build();
        Simulation sim = new Simulation(config(31, kad));
        // the last lookup of each node into each bucket, from the first event on (a table is born when its node is added)
        Map<NodeId, Long> born = new HashMap<>();
        Map<String, Long> lastLookup = new HashMap<>();
        List<long[]> refreshGaps = new ArrayList<>();
        boolean[] checking = {false};
        sim.addListener(e -> {
            if (e instanceof SimEvent.NodeAdded a) {
                born.put(a.node(), a.time());
            } else if (e instanceof SimEvent.LookupStarted s) {
                int bucket = s.origin().bucketIndex(s.target());
                if (bucket < 0) {
                    return;
                }
                String key = s.origin() + "/" + bucket;
                long previous = lastLookup.getOrDefault(key, born.get(s.origin()));
                if (checking[0] && s.purpose() == LookupPurpose.REFRESH) {
                    refreshGaps.add(new long[] {s.time(), previous});
                }
                lastLookup.put(key, s.time());
            }
        });
        for (int i = 0; i < 20; i++) {
            sim.addNode();
            sim.runUntilIdle();
        }
        long joinedAt = sim.now();
        checking[0] = true;
        sim.advance(interval + 1);
        assertThat(sim.now()).isEqualTo(joinedAt + interval + 1);
        sim.advance(2 * interval);

        assertThat(refreshGaps).as("buckets were refreshed while time passed").hasSizeGreaterThan(20);
        for (long[] gap : refreshGaps) {
            assertThat(gap[0] - gap[1]).as("refresh at %d: the bucket's previous lookup was at %d", gap[0], gap[1])
                    .isGreaterThanOrEqualTo(interval);
        }
    }

    @Test
    @DisplayName("a record expires at every holder exactly when its TTL runs out, and is swept")
    void advanceExpiresRecords() {
        KadConfig kad = KadConfig.builder().bits(16).k(4).alpha(3).recordTtlMs(30_000).refreshIntervalMs(HOURS_10)
                .publisherRepublishMs(HOURS_10).holderRepublishMs(HOURS_10).cacheOnFindValue(false).build();
        Simulation sim = joined(config(32, kad), 20);
        SimNode publisher = sim.nodes().get(3);
        sim.store(publisher, "ephemeral", "soon gone");
        sim.runUntilIdle();
        NodeId key = sim.keySpace().keyId("ephemeral");
        Map<NodeId, Long> expiresAt = new HashMap<>();
        for (SimNode n : sim.nodes()) {
            RecordStore.StoredRecord r = n.kad().recordStore().get(key, sim.now());
            if (r != null) {
                expiresAt.put(n.id(), r.expiresAt());
            }
        }
        assertThat(expiresAt).as("k nodes hold the record").hasSizeGreaterThanOrEqualTo(4);

        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        sim.advance(31_000);
        List<SimEvent.RecordExpired> expired = rec.of(SimEvent.RecordExpired.class);
        assertThat(expired).extracting(SimEvent.RecordExpired::node)
                .as("every holder reports the expiry").containsExactlyInAnyOrderElementsOf(expiresAt.keySet());
        for (SimEvent.RecordExpired e : expired) {
            assertThat(e.key()).isEqualTo(key);
            assertThat(e.time()).as("swept exactly when the TTL ran out").isEqualTo(expiresAt.get(e.node()));
        }
        for (SimNode n : sim.nodes()) {
            assertThat(n.kad().recordStore().records()).as("swept from the store")
                    .noneMatch(r -> r.key().equals(key));
        }
        sim.findValue(sim.nodes().get(0), "ephemeral");
        sim.runUntilIdle();
        assertThat(sim.operations().get(sim.operations().size() - 1).found()).as("an expired value is not found").isFalse();
    }

    private static Simulation republishNetwork() {
        KadConfig kad = KadConfig.builder().bits(16).k(4).alpha(3).recordTtlMs(HOURS_10).refreshIntervalMs(HOURS_10)
                .holderRepublishMs(20_000).publisherRepublishMs(50_000).build();
        return joined(config(33, kad), 20);
    }

    @Test
    @DisplayName("holders republish after the holder interval, and a publisher holding a copy republishes exactly on its interval")
    void advanceRepublishesRecords() {
        Simulation sim = republishNetwork();
        NodeId key = sim.keySpace().keyId("durable");
        SimNode publisher = sim.node(SimFixture.bruteForceClosest(sim, key, 1, null).get(0));
        long storedAt = sim.now();
        sim.store(publisher, "durable", "still here");
        sim.runUntilIdle();
        assertThat(publisher.kad().recordStore().get(key, sim.now())).as("the closest node keeps a copy").isNotNull();
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);

        sim.advance(25_000);
        List<SimEvent.RecordRepublished> holders = rec.of(SimEvent.RecordRepublished.class);
        assertThat(holders).as("a holder republished within the holder interval").isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.original()).isFalse();
                    assertThat(e.node()).as("the publisher does not republish as a holder").isNotEqualTo(publisher.id());
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.time()).isGreaterThanOrEqualTo(storedAt + 20_000);
                });
        assertThat(rec.of(SimEvent.LookupStarted.class)).as("republishing looks the key up again")
                .anyMatch(s -> s.purpose() == LookupPurpose.REPUBLISH && s.target().equals(key));

        sim.advance(30_000);
        assertThat(rec.of(SimEvent.RecordRepublished.class)).filteredOn(SimEvent.RecordRepublished::original)
                .as("the publisher republished once its interval passed").singleElement()
                .satisfies(e -> {
                    assertThat(e.node()).isEqualTo(publisher.id());
                    assertThat(e.time()).as("exactly when due").isEqualTo(storedAt + 50_000);
                });
    }

    @Test
    @DisplayName("a publisher that holds no copy itself still republishes exactly on its interval")
    void publisherWithoutCopyRepublishesOnTime() {
        Simulation sim = republishNetwork();
        NodeId key = sim.keySpace().keyId("durable");
        List<NodeId> order = SimFixture.bruteForceClosest(sim, key, 20, null);
        SimNode publisher = sim.node(order.get(order.size() - 1));
        long storedAt = sim.now();
        sim.store(publisher, "durable", "still here");
        sim.runUntilIdle();
        assertThat(publisher.kad().recordStore().get(key, sim.now())).as("the farthest node keeps no copy").isNull();
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        sim.advance(60_000);
        assertThat(rec.of(SimEvent.RecordRepublished.class)).filteredOn(SimEvent.RecordRepublished::original)
                .as("the publisher republished once its interval passed").singleElement()
                .satisfies(e -> assertThat(e.time()).isEqualTo(storedAt + 50_000));
    }
}
