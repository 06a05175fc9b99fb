package org.kadlab.sim;

import java.util.List;

/**
 * The "during" phase of a churn cell: churn and a background workload run together for the churn's
 * duration while the durability of the records stored before it is sampled every period (and at the
 * start and the end); the workload's tally and the fewest holders seen become the phase's figures.
 */
final class ResilienceChurn {
    private ResilienceChurn() {
    }

    static ResilienceSweep.Tally during(Simulation sim, ResilienceSweep.ChurnSpec c, List<String> keys,
                                        ResilienceSweep.Tally stored) {
        ResilienceSweep.Tally t = new ResilienceSweep.Tally();
        t.lookupRpcs = -1;
        long start = sim.now();
        Background churn = sim.startChurn(c.model(), c.meanSessionMs(), c.shape(), c.durationMs());
        Workload w = sim.startWorkload(c.lookupsPerHour(), c.findValuesPerHour(), c.durationMs(), false);
        ResilienceProbe.sample(sim, keys, t);
        long end = churn.endsAt();
        for (long at = start; at < end; ) {
            at = Math.min(end, at + c.sampleEveryMs());
            sim.runUntil(at);
            ResilienceProbe.sample(sim, keys, t);
        }
        sim.awaitIdle(() -> false);
        churn.stop();
        w.stop();
        Workload.Tally wt = w.tally();
        t.lookups = wt.lookups();
        t.exact = wt.exact();
        t.recallSum = wt.recallSum();
        t.findValues = wt.findValues();
        t.found = wt.found();
        t.addStores(stored);
        return t;
    }
}
