package org.kadlab.sim;

import java.util.List;

/**
 * Durability of many stored records at one moment, summed up from one {@link Durability} per key:
 * 1. for each key, how many of its true k closest live nodes hold an unexpired copy; 2. the fewest
 * and the mean of those counts over the keys; 3. how many keys have at least one live holder anywhere.
 *
 * @param atMs            virtual time of the sample
 * @param liveNodes       live nodes at that moment
 * @param keys            records looked at (0: nothing stored yet; the figures below are then 0)
 * @param truthSize       the true closest looked at per key (k, or fewer when fewer nodes live)
 * @param minHolders      the fewest of its true closest holding any one record
 * @param meanHolders     the mean number of its true closest holding a record
 * @param withLiveHolder  records held by at least one live node
 */
public record DurabilitySample(long atMs, int liveNodes, int keys, int truthSize, int minHolders, double meanHolders,
                               int withLiveHolder) {

    /** Samples every key of {@code keys} on {@code sim} now. */
    public static DurabilitySample of(Simulation sim, List<String> keys) {
        int min = Integer.MAX_VALUE;
        long sum = 0;
        int truth = 0;
        int alive = 0;
        for (String key : keys) {
            Durability d = sim.durability(key);
            min = Math.min(min, d.holdersOfTruth());
            sum += d.holdersOfTruth();
            truth = Math.max(truth, d.truthSize());
            alive += d.liveHolders() > 0 ? 1 : 0;
        }
        int n = keys.size();
        return new DurabilitySample(sim.now(), sim.liveCount(), n, truth, n == 0 ? 0 : min,
                n == 0 ? 0 : (double) sum / n, alive);
    }

    /** Share of the records with at least one live holder, 0..1; NaN when no record was looked at. */
    public double liveShare() {
        return keys == 0 ? Double.NaN : (double) withLiveHolder / keys;
    }
}
