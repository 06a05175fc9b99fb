package org.kadlab.sim;

import org.kadlab.kad.KadConfig;

/**
 * The up-front checks of a {@link ResilienceSweep.Grid}: every value in its range, each problem named
 * by the command-line option that sets it, so that nothing is measured before a bad value is refused.
 */
final class ResilienceChecks {
    /** Most nodes per network, seeds, operations per phase: enough for any study, bounded for the memory. */
    static final int MAX_NODES = 100_000;
    static final int MAX_SEEDS = 1_000;
    static final int MAX_OPERATIONS = 1_000_000;
    /** Longest churn: 30 days of virtual time. */
    static final long MAX_CHURN_MS = 30L * 86_400_000;
    /** Most durability samples of one churn cell. */
    static final int MAX_SAMPLES = 1_000;

    private ResilienceChecks() {
    }

    static void validate(ResilienceSweep.Grid g) {
        range("--nodes", g.nodes(), 2, MAX_NODES);
        range("--bits", g.bits(), 1, 160);
        if (g.bits() < 31 && g.nodes() > (1 << g.bits())) {
            throw new IllegalArgumentException("--nodes " + g.nodes() + " do not fit in a " + g.bits() + "-bit key space");
        }
        range("--k", g.k(), 1, KadConfig.MAX_K);
        range("--alpha", g.alpha(), 1, KadConfig.MAX_ALPHA);
        range("--seeds", g.seeds(), 1, MAX_SEEDS);
        range("--lookups", g.lookups(), 0, MAX_OPERATIONS);
        range("--find-values", g.findValues(), 0, MAX_OPERATIONS);
        range("--records", g.records(), 1, Simulation.MAX_STORED_KEYS);
        if (g.kinds().isEmpty()) {
            throw new IllegalArgumentException("--scenarios: name at least one of static, kill, churn");
        }
        if (g.knobs().isEmpty()) {
            throw new IllegalArgumentException("--knobs: name at least one of paper, retries1, retries2, maxfail1");
        }
        for (double l : g.losses()) {
            share("--loss", l);
        }
        for (double k : g.kills()) {
            share("--kill", k);
        }
        share("--kill-loss", g.killLoss());
        if (g.kinds().contains(ResilienceSweep.Kind.CHURN)) {
            if (g.churnKnobs().isEmpty()) {
                throw new IllegalArgumentException("--churn-knobs: name at least one of paper, retries1, retries2, maxfail1");
            }
            churn(g.churn());
        }
    }

    private static void churn(ResilienceSweep.ChurnSpec c) {
        if (!(c.meanSessionMs() >= 1 && c.meanSessionMs() <= MAX_CHURN_MS * 100.0)) {
            throw new IllegalArgumentException("--churn-median: the mean session it gives must be between 1 ms and 3000 days, was "
                    + c.meanSessionMs() + " ms");
        }
        try {
            c.model().validate(c.meanSessionMs(), c.shape());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--churn-shape: " + e.getMessage());
        }
        if (c.durationMs() < 1 || c.durationMs() > MAX_CHURN_MS) {
            throw new IllegalArgumentException("--churn-duration: must be between 1 ms and 30d, was " + c.durationMs() + " ms");
        }
        if (c.sampleEveryMs() < 1) {
            throw new IllegalArgumentException("--sample-every: must be longer than 0 ms");
        }
        if (c.durationMs() / c.sampleEveryMs() > MAX_SAMPLES) {
            throw new IllegalArgumentException("--sample-every: gives " + c.durationMs() / c.sampleEveryMs()
                    + " samples over the churn; at most " + MAX_SAMPLES + " are taken, so sample every "
                    + (c.durationMs() + MAX_SAMPLES - 1) / MAX_SAMPLES + " ms or more");
        }
        share("--churn-loss", c.loss());
        rate("--churn-lookups-per-hour", c.lookupsPerHour());
        rate("--churn-find-values-per-hour", c.findValuesPerHour());
    }

    private static void range(String option, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(option + ": must be between " + min + " and " + max + ", was " + v);
        }
    }

    private static void share(String option, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(option + ": must be at least 0 and below 1, was " + v);
        }
    }

    private static void rate(String option, double v) {
        if (!(v >= 0 && v <= Workload.MAX_PER_HOUR)) {
            throw new IllegalArgumentException(option + ": must be between 0 and " + (long) Workload.MAX_PER_HOUR + ", was " + v);
        }
    }
}
