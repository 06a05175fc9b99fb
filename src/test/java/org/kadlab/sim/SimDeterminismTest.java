package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;

/** Property 9: the same seed and the same calls give the same events and the same operation records. */
class SimDeterminismTest {

    record Outcome(List<String> events, List<OperationRecord> operations, String history) {
    }

    /** A scripted run that touches every feature: joins, lookups, store, find_value, crashes, partition, loss, upkeep, churn. */
    private static Outcome run(long seed, LookupMode mode) {
        KadConfig kad = KadConfig.builder().bits(32).k(5).alpha(3).lookupMode(mode).refreshIntervalMs(120_000)
                .recordTtlMs(400_000).holderRepublishMs(90_000).publisherRepublishMs(200_000).build();
        Simulation sim = new Simulation(SimConfig.defaults().withKad(kad).withSeed(seed).withLoss(0.02)
                .withCheckInvariants(true).withHistoryCapacity(50));
        List<String> events = new ArrayList<>();
        sim.addListener(e -> events.add(e.toString()));
        for (int i = 0; i < 25; i++) {
            sim.addNode();
            if (i % 3 == 0) {
                sim.runUntilIdle();
            } else {
                sim.advance(15);
            }
        }
        sim.runUntilIdle();
        for (int i = 0; i < 10; i++) {
            sim.findNode(sim.randomLive(), sim.randomId());
        }
        sim.store(sim.randomLive(), "alpha", "1");
        sim.runUntilIdle();
        sim.findValue(sim.randomLive(), "alpha");
        sim.kill(sim.randomLive());
        sim.kill(sim.randomLive());
        sim.runUntilIdle();
        Set<NodeId> side = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            side.add(sim.nodes().get(i).id());
        }
        sim.partition(side);
        for (int i = 0; i < 5; i++) {
            sim.findNode(sim.randomLive(), sim.randomId());
        }
        sim.runUntilIdle();
        sim.heal();
        sim.revive(sim.nodes().get(sim.nodes().size() - 1));
        sim.advance(250_000);
        sim.churn(SessionModel.WEIBULL, 100_000, 0.7, 200_000);
        sim.runUntilIdle();
        for (int i = 0; i < 5; i++) {
            sim.findNode(sim.randomLive(), sim.randomId());
            sim.runUntilIdle();
        }
        return new Outcome(events, List.copyOf(sim.operations()), sim.history().events().toString());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LookupMode.class)
    @DisplayName("two runs with the same seed and calls give identical events and operation records; another seed differs")
    void sameSeedSameEventsAndRecords(LookupMode mode) {
        Outcome first = run(2024, mode);
        Outcome second = run(2024, mode);
        assertThat(first.events()).as("the run did a lot").hasSizeGreaterThan(5_000);
        assertThat(second.events()).as("%s: event stream", mode).isEqualTo(first.events());
        assertThat(second.operations()).as("%s: operation records", mode).isEqualTo(first.operations());
        assertThat(second.history()).isEqualTo(first.history());

        Outcome other = run(2025, mode);
        assertThat(other.events()).as("%s: a different seed gives a different run", mode).isNotEqualTo(first.events());
        assertThat(other.operations()).isNotEqualTo(first.operations());
    }
}
