package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kadlab.sim.SimFixture.config;
import static org.kadlab.sim.SimFixture.kad;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.KBucket;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;

/** Routing invariants and the in-flight bound of lookups hold in normal runs. */
class SimulationInvariantsTest {

    @Test
    @DisplayName("with invariant checks on, joins, lookups, loss, crashes and refresh raise no violation")
    void normalRunRaisesNoInvariantViolation() {
        Simulation sim = new Simulation(config(41, kad(16, 3, 2)).withCheckInvariants(true).withLoss(0.05));
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        for (int i = 0; i < 40; i++) {
            sim.addNode();
            sim.runUntilIdle();
        }
        for (int i = 0; i < 30; i++) {
            sim.findNode(sim.randomLive(), sim.randomId());
        }
        sim.store(sim.randomLive(), "key", "value");
        sim.runUntilIdle();
        for (int i = 0; i < 6; i++) {
            sim.kill(sim.randomLive());
        }
        sim.advance(2 * 3_600_000L);
        sim.runUntilIdle();

        assertThat(sim.config().checkInvariants()).isTrue();
        assertThat(sim.violations()).as("no invariant was broken").isEmpty();
        assertThat(sim.stats().invariantViolations()).isZero();
        assertThat(rec.of(SimEvent.InvariantViolated.class)).isEmpty();
        // the same rules, checked from outside on the final tables
        for (SimNode n : sim.nodes()) {
            for (KBucket b : n.kad().routingTable().nonEmptyBuckets()) {
                assertThat(b.size()).isLessThanOrEqualTo(3);
                for (int i = 0; i < b.size(); i++) {
                    NodeId c = b.contact(i).id();
                    assertThat(c).isNotEqualTo(n.id());
                    assertThat(n.id().bucketIndex(c)).as("contact filed in its bucket").isEqualTo(b.index());
                }
            }
        }
    }

    @Test
    @DisplayName("a lookup never has more requests in flight than its limit: alpha, or max(k, alpha) once stalled; alpha in rounds mode")
    void lookupInFlightNeverExceedsItsLimit() {
        int[][] settings = {{8, 2}, {3, 3}, {2, 4}, {20, 3}, {6, 1}};
        for (LookupMode mode : LookupMode.values()) {
            for (int[] s : settings) {
                int k = s[0];
                int alpha = s[1];
                String where = mode + " k=" + k + " alpha=" + alpha;
                Simulation sim = new Simulation(config(42 + k, kad(16, k, alpha, mode)).withLoss(k % 2 == 0 ? 0.05 : 0.0));
                Map<Long, Lookup> byId = new HashMap<>();
                int[] checked = {0};
                int[] aboveAlpha = {0};
                sim.addListener(e -> {
                    if (e instanceof SimEvent.LookupStarted st) {
                        List<Lookup> active = sim.activeLookups();
                        byId.put(st.lookup(), active.get(active.size() - 1));
                    } else if (e instanceof SimEvent.LookupProgressed p && p.state() == Lookup.CandidateState.WAITING) {
                        Lookup l = byId.get(p.lookup());
                        assertThat(p.inFlight()).as("%s: in flight after a query", where)
                                .isEqualTo(l.inFlight())
                                .isLessThanOrEqualTo(l.inFlightLimit())
                                .isLessThanOrEqualTo(Math.max(k, alpha));
                        if (mode == LookupMode.SEED_ROUNDS) {
                            assertThat(p.inFlight()).as("%s: the seed's rounds never exceed alpha", where).isLessThanOrEqualTo(alpha);
                        }
                        if (mode == LookupMode.ROUNDS && p.inFlight() > alpha) {
                            assertThat(l.widenedRounds()).as("%s: the paper's rounds exceed alpha only in a widened round", where)
                                    .isPositive();
                        }
                        if (p.inFlight() > alpha) {
                            aboveAlpha[0]++;
                        }
                        checked[0]++;
                    } else if (e instanceof SimEvent.LookupFinished f) {
                        Lookup l = byId.remove(f.lookup());
                        assertThat(l.maxInFlightSeen()).as("%s: most ever in flight", where)
                                .isLessThanOrEqualTo(Math.max(k, alpha));
                    }
                });
                for (int i = 0; i < 30; i++) {
                    sim.addNode();
                    sim.runUntilIdle();
                }
                for (int i = 0; i < 15; i++) {
                    sim.findNode(sim.randomLive(), sim.randomId());
                    sim.runUntilIdle();
                }
                assertThat(checked[0]).as("%s: queries were checked", where).isGreaterThan(100);
                if (mode == LookupMode.SLIDING && k > alpha) {
                    System.out.printf("in-flight check %s: %d queries, %d sent while stalled above alpha%n", where,
                            checked[0], aboveAlpha[0]);
                }
            }
        }
    }
}
