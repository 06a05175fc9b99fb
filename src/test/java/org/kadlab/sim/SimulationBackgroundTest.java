package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.kadlab.sim.SimFixture.config;
import static org.kadlab.sim.SimFixture.joined;
import static org.kadlab.sim.SimFixture.kad;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Churn and workloads started in the background: they play out as time runs and stop when told. */
class SimulationBackgroundTest {

    @Test
    @DisplayName("background churn returns at once, acts as time runs, and does nothing after stop()")
    void churnPlaysOutAndStops() {
        Simulation sim = joined(config(31, kad(16, 4, 3)).withHistoryCapacity(0), 30);
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        long start = sim.now();
        Background churn = sim.startChurn(SessionModel.EXPONENTIAL, 60_000, 1.0, Background.UNTIL_STOPPED);

        assertThat(sim.now()).as("starting churn runs nothing").isEqualTo(start);
        assertThat(rec.of(SimEvent.NodeKilled.class)).isEmpty();
        assertThat(churn.running()).isTrue();
        assertThat(churn.endsAt()).isEqualTo(Background.UNTIL_STOPPED);

        sim.advance(300_000);
        int kills = rec.of(SimEvent.NodeKilled.class).size();
        int adds = rec.of(SimEvent.NodeAdded.class).size();
        assertThat(kills).as("sessions of a 1 min mean end within 5 min").isGreaterThan(10);
        assertThat(adds).as("newcomers arrive").isGreaterThan(10);

        churn.stop();
        assertThat(churn.running()).isFalse();
        sim.advance(600_000);
        assertThat(rec.of(SimEvent.NodeKilled.class)).as("no departure after stop").hasSize(kills);
        assertThat(rec.of(SimEvent.NodeAdded.class)).as("no arrival after stop").hasSize(adds);
    }

    @Test
    @DisplayName("a node revived during churn is not crashed by the session it had before its crash")
    void revivedNodeKeepsNoOldSession() {
        Simulation sim = joined(config(32, kad(16, 4, 3)).withHistoryCapacity(0), 12);
        Background churn = sim.startChurn(SessionModel.EXPONENTIAL, 60_000, 1.0, 3_600_000);
        SimFixture.Recorder rec = new SimFixture.Recorder();
        sim.addListener(rec);
        sim.advance(120_000);
        List<SimEvent.NodeKilled> kills = rec.of(SimEvent.NodeKilled.class);
        assertThat(kills).isNotEmpty();
        SimNode victim = sim.node(kills.get(0).node());
        sim.revive(victim);
        sim.runUntilIdle();
        long revivedAt = sim.now();
        sim.advance(3_600_000);
        assertThat(rec.of(SimEvent.NodeKilled.class)).filteredOn(e -> e.node().equals(victim.id()))
                .as("killed once, by its own session; a revived node has none").hasSize(1)
                .allSatisfy(e -> assertThat(e.time()).isLessThan(revivedAt));
        assertThat(churn.running()).as("past its end").isFalse();
    }

    @Test
    @DisplayName("a workload sends lookups and find_values of stored keys at about its rates, and tallies them")
    void workloadRunsAtItsRates() {
        Simulation sim = joined(config(33, kad(16, 4, 3)), 40);
        sim.store(sim.randomLive(), "a", "1");
        sim.store(sim.randomLive(), "b", "2");
        sim.runUntilIdle();
        assertThat(sim.storedKeys()).containsExactly("a", "b");

        Workload w = sim.startWorkload(600, 300, 3_600_000);
        sim.advance(3_600_000);
        sim.runUntilIdle();
        Workload.Tally t = w.tally();
        // Poisson with means 600 and 300: 5 standard deviations either side
        assertThat(t.lookups()).isBetween(600 - 125, 600 + 125);
        assertThat(t.findValues()).isBetween(300 - 87, 300 + 87);
        assertThat(t.exactShare()).as("a static loss-free network answers exactly").isEqualTo(1.0);
        assertThat(t.meanRecall()).isEqualTo(1.0);
        assertThat(t.foundShare()).as("stored values are found").isEqualTo(1.0);
        assertThat(w.running()).isFalse();

        long before = sim.stats().judgedLookups();
        sim.advance(3_600_000);
        assertThat(sim.stats().judgedLookups()).as("nothing after its end").isEqualTo(before);
    }

    @Test
    @DisplayName("a stopped workload sends nothing more; with no stored key find_values are skipped")
    void workloadStopsAndSkips() {
        Simulation sim = joined(config(34, kad(16, 4, 3)), 10);
        Workload w = sim.startWorkload(0, 3_600, Background.UNTIL_STOPPED);
        sim.advance(60_000);
        assertThat(w.tally().findValues()).as("no key was stored").isZero();
        assertThat(w.skipped()).isPositive();
        w.stop();
        int skipped = w.skipped();
        sim.advance(600_000);
        assertThat(w.skipped()).isEqualTo(skipped);
        Workload.Tally t = w.tally();
        assertThat(t.minus(t).lookups()).isZero();
        assertThat(t.exactShare()).as("no lookup ended: no share").isNaN();
    }

    @Test
    @DisplayName("the same seed gives the same workload results")
    void workloadIsDeterministic() {
        Workload.Tally a = lossyRun();
        Workload.Tally b = lossyRun();
        assertThat(a).isEqualTo(b);
        assertThat(a.lookups()).isPositive();
    }

    private static Workload.Tally lossyRun() {
        Simulation sim = joined(config(35, kad(16, 4, 3)).withLoss(0.05), 30);
        sim.store(sim.randomLive(), "k", "v");
        sim.runUntilIdle();
        Workload w = sim.startWorkload(120, 120, 3_600_000);
        sim.startChurn(SessionModel.WEIBULL, 600_000, 0.7, 3_600_000);
        sim.advance(3_600_000);
        sim.runUntilIdle();
        return w.tally();
    }

    @Test
    @DisplayName("durability counts the true k closest that hold a record, and every live holder")
    void durabilityCountsHolders() {
        Simulation sim = joined(config(36, kad(16, 4, 3)), 30);
        sim.store(sim.randomLive(), "key", "value");
        sim.runUntilIdle();
        Durability d = sim.durability("key");
        assertThat(d.truthSize()).isEqualTo(4);
        assertThat(d.holdersOfTruth()).as("a store on a quiet network reaches all k closest").isEqualTo(4);
        assertThat(d.liveHolders()).isGreaterThanOrEqualTo(4);

        List<org.kadlab.kad.NodeId> truth = SimFixture.bruteForceClosest(sim, sim.keySpace().keyId("key"), 4, null);
        sim.kill(sim.node(truth.get(0)));
        Durability after = sim.durability("key");
        assertThat(after.liveHolders()).isEqualTo(d.liveHolders() - 1);
        assertThat(after.truthSize()).isEqualTo(4);
        assertThat(after.holdersOfTruth()).as("the next node moved into the truth and holds nothing yet, or holds a copy")
                .isBetween(3, 4);
        Durability missing = sim.durability("never stored");
        assertThat(missing.holdersOfTruth()).isZero();
        assertThat(missing.liveHolders()).isZero();
    }

    @Test
    @DisplayName("impossible workload rates and a negative duration are refused with the field named")
    void workloadRejectsImpossibleSettings() {
        Simulation sim = joined(config(37, kad(16, 4, 3)), 3);
        assertThatIllegalArgumentException().isThrownBy(() -> sim.startWorkload(-1, 0, 1_000))
                .withMessageContaining("lookups_per_hour");
        assertThatIllegalArgumentException().isThrownBy(() -> sim.startWorkload(0, Double.NaN, 1_000))
                .withMessageContaining("find_values_per_hour");
        assertThatIllegalArgumentException().isThrownBy(() -> sim.startWorkload(1, 1, -5))
                .withMessageContaining("duration");
    }

    @Test
    @DisplayName("runUntilDone returns at its deadline on a network that is never idle")
    void runUntilDoneEndsAtTheDeadlineUnderEndlessTraffic() {
        Simulation sim = joined(config(38, kad(16, 4, 3)).withLoss(0.05), 20);
        sim.startWorkload(200_000, 0, Background.UNTIL_STOPPED); // a lookup every 18 ms: always busy
        long deadline = sim.now() + 60_000;
        assertThat(sim.runUntilDone(() -> false, deadline, () -> false)).isTrue();
        assertThat(sim.now()).isLessThanOrEqualTo(deadline).isGreaterThan(deadline - 1_000);
        assertThat(sim.isBusy()).as("traffic never stopped").isTrue();

        org.kadlab.sim.SimNode n = sim.addNode();
        sim.runUntilDone(() -> !n.isJoining(), sim.now() + 3_600_000, () -> false);
        assertThat(n.isJoining()).as("the join finished though the network stayed busy").isFalse();
        assertThat(sim.isBusy()).isTrue();
    }

    @Test
    @DisplayName("Weibull churn with a heavy tail (shape 0.6) keeps the population level from its first hour to its last")
    void heavyTailedChurnKeepsThePopulationLevel() {
        Simulation sim = joined(config(34, kad(32, 4, 3)).withHistoryCapacity(0), 200);
        sim.setKeepOperations(false);
        sim.startChurn(SessionModel.WEIBULL, 2 * 3_600_000, 0.6, 6 * 3_600_000);
        int lowest = Integer.MAX_VALUE;
        int highest = 0;
        for (int hour = 1; hour <= 6; hour++) {
            sim.advance(3_600_000);
            lowest = Math.min(lowest, sim.liveCount());
            highest = Math.max(highest, sim.liveCount());
        }
        // sessions under way at the start end at the equilibrium rate, not all at once as fresh
        // sessions would (a third of fresh Weibull(0.6) sessions of a 2 h mean end within 20 minutes)
        assertThat(lowest).as("fewest live in any hour").isGreaterThanOrEqualTo(160);
        assertThat(highest).as("most live in any hour").isLessThanOrEqualTo(240);
    }
}
