package org.kadlab.sim;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Running totals of a simulation: events, messages, RPC outcomes, per find_node lookup the hops,
 * RPCs, whether the result was exact and its recall (kept as a sum and a count), and per find_value
 * whether it found the value. Hop and RPC samples are kept for the first 16 million
 * judged lookups (two ints each); counts go on beyond that.
 */
public final class SimStats {
    long events;
    long messages;
    long rpcsSent;
    long rpcsTimedOut;
    long lookupsStarted;
    long lookupsFinished;
    long judged;
    long exact;
    long invariantViolations;
    private long recallJudged;
    private double recallSum;
    private long findValues;
    private long findValuesFound;
    private int[] hops = new int[256];
    private int[] rpcs = new int[256];

    private static final int MAX_SAMPLES = 1 << 24;
    private int samples;

    void judgedLookup(int hopCount, int rpcCount, boolean wasExact) {
        judged++;
        if (wasExact) {
            exact++;
        }
        if (samples == MAX_SAMPLES) {
            return;
        }
        if (samples == hops.length) {
            hops = Arrays.copyOf(hops, hops.length * 2);
            rpcs = Arrays.copyOf(rpcs, rpcs.length * 2);
        }
        hops[samples] = hopCount;
        rpcs[samples] = rpcCount;
        samples++;
    }

    /** Adds one judged find_node's recall (the share of the true k closest it returned, 0..1). */
    void lookupRecall(double recall) {
        if (recall < 0 || recall > 1) {
            throw new IllegalArgumentException("recall must be between 0 and 1, was " + recall);
        }
        recallJudged++;
        recallSum += recall;
    }

    /** Counts one user find_value that ended, found or not. */
    void findValueEnded(boolean found) {
        findValues++;
        if (found) {
            findValuesFound++;
        }
    }

    /** Events processed. */
    public long events() {
        return events;
    }

    /** Messages carried: requests plus responses. */
    public long messages() {
        return messages;
    }

    /** Requests sent. */
    public long rpcsSent() {
        return rpcsSent;
    }

    /** Requests that got no answer in time. */
    public long rpcsTimedOut() {
        return rpcsTimedOut;
    }

    /** Lookups of any purpose started and finished. */
    public long lookupsStarted() {
        return lookupsStarted;
    }

    public long lookupsFinished() {
        return lookupsFinished;
    }

    /** User find_node lookups judged against the ground truth. */
    public long judgedLookups() {
        return judged;
    }

    /** Of those, how many returned exactly the true k closest. */
    public long exactLookups() {
        return exact;
    }

    /**
     * Share of judged find_node lookups that were exact, or NaN when none was judged: no lookup is no
     * evidence of exactness. Check {@link #judgedLookups()} (or {@link #exactShareIfJudged()}) first.
     */
    public double exactShare() {
        return judged == 0 ? Double.NaN : (double) exact / judged;
    }

    /** The share of exact find_node lookups, or empty when none was judged. */
    public OptionalDouble exactShareIfJudged() {
        return judged == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) exact / judged);
    }

    /**
     * Mean recall of the judged find_node lookups (each lookup's share of the true k closest it
     * returned), or empty when none was judged.
     */
    public OptionalDouble meanRecallIfJudged() {
        return recallJudged == 0 ? OptionalDouble.empty() : OptionalDouble.of(recallSum / recallJudged);
    }

    /** User find_value operations that ended. */
    public long findValues() {
        return findValues;
    }

    /** Of those, how many found the value. */
    public long findValuesFound() {
        return findValuesFound;
    }

    /** The share of find_value operations that found the value, or empty when none ran. */
    public OptionalDouble findValueSuccessIfAny() {
        return findValues == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) findValuesFound / findValues);
    }

    public long invariantViolations() {
        return invariantViolations;
    }

    /** Summary of hops per judged find_node: mean, p50, p95. */
    public Summary hops() {
        return Summary.of(hops, samples);
    }

    /** Summary of RPCs per judged find_node: mean, p50, p95. */
    public Summary rpcsPerLookup() {
        return Summary.of(rpcs, samples);
    }

    /** Mean, median and 95th percentile of a sample. */
    public record Summary(double mean, int p50, int p95, int max) {
        static Summary of(int[] values, int n) {
            if (n == 0) {
                return new Summary(0, 0, 0, 0);
            }
            int[] v = Arrays.copyOf(values, n);
            Arrays.sort(v);
            long sum = 0;
            for (int x : v) {
                sum += x;
            }
            return new Summary((double) sum / n, v[(n - 1) / 2], v[(int) Math.ceil(0.95 * n) - 1], v[n - 1]);
        }
    }
}
