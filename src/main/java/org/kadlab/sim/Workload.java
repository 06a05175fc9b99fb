package org.kadlab.sim;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A background workload: find_node lookups to random targets and find_values of keys stored earlier,
 * each from a random live node, arriving as two Poisson processes at the given rates per hour of
 * virtual time. It keeps a running {@link Tally} of what ended, judged against the ground truth.
 */
public final class Workload extends Background {
    /** What the workload's queries gave so far; differences of two tallies cover the time between. */
    public record Tally(int lookups, int exact, double recallSum, int findValues, int found) {
        /** The queries that ended after {@code earlier} was taken. */
        public Tally minus(Tally earlier) {
            return new Tally(lookups - earlier.lookups, exact - earlier.exact, recallSum - earlier.recallSum,
                    findValues - earlier.findValues, found - earlier.found);
        }

        /** Exact share of the lookups, 0..1; NaN when none ended. */
        public double exactShare() {
            return lookups == 0 ? Double.NaN : (double) exact / lookups;
        }

        /** Mean recall of the lookups, 0..1; NaN when none ended. */
        public double meanRecall() {
            return lookups == 0 ? Double.NaN : recallSum / lookups;
        }

        /** Share of the find_values that found the value, 0..1; NaN when none ended. */
        public double foundShare() {
            return findValues == 0 ? Double.NaN : (double) found / findValues;
        }
    }

    /** Most queries in one hour of virtual time, per kind. */
    public static final double MAX_PER_HOUR = 1_000_000;
    private static final double HOUR_MS = 3_600_000.0;

    private final Simulation sim;
    private final SimClock clock;
    private final SplittableRandom random;
    private final Supplier<List<String>> keys;
    private final boolean recorded;
    private int lookups;
    private int exact;
    private double recallSum;
    private int findValues;
    private int found;
    private int skipped;

    Workload(Simulation sim, SimClock clock, SplittableRandom random, Supplier<List<String>> keys, long durationMs,
             boolean recorded) {
        super("workload", clock, durationMs);
        this.recorded = recorded;
        this.sim = sim;
        this.clock = clock;
        this.random = random;
        this.keys = keys;
    }

    static void checkRate(String name, double perHour) {
        if (!(perHour >= 0 && perHour <= MAX_PER_HOUR)) {
            throw new IllegalArgumentException(name + " must be between 0 and " + (long) MAX_PER_HOUR + ", was " + perHour);
        }
    }

    void start(double lookupsPerHour, double findValuesPerHour) {
        if (lookupsPerHour > 0) {
            next(HOUR_MS / lookupsPerHour, false);
        }
        if (findValuesPerHour > 0) {
            next(HOUR_MS / findValuesPerHour, true);
        }
    }

    private void next(double meanGapMs, boolean findValue) {
        long gap = Math.max(1, (long) Math.ceil(-meanGapMs * Math.log(1.0 - random.nextDouble())));
        long at = clock.now() + gap;
        if (!covers(at)) {
            return;
        }
        clock.schedule(at, new SimClock.Background() {
            @Override
            void fire() {
                if (!covers(at)) {
                    return;
                }
                if (findValue) {
                    findValue();
                } else {
                    lookup();
                }
                next(meanGapMs, findValue);
            }
        });
    }

    private void lookup() {
        SimNode origin = sim.randomLive();
        if (origin == null) {
            skipped++;
            return;
        }
        sim.findNode(origin, sim.keySpace().randomId(random), recorded).future().thenAccept(r -> {
            lookups++;
            exact += r.exact() ? 1 : 0;
            recallSum += r.recall();
        });
    }

    private void findValue() {
        List<String> known = keys.get();
        SimNode origin = sim.randomLive();
        if (origin == null || known.isEmpty()) {
            skipped++;
            return;
        }
        String key = known.get(random.nextInt(known.size()));
        sim.findValue(origin, key, recorded).future().thenAccept(r -> {
            findValues++;
            found += Boolean.TRUE.equals(r.found()) ? 1 : 0;
        });
    }

    /** What ended so far. */
    public Tally tally() {
        return new Tally(lookups, exact, recallSum, findValues, found);
    }

    /** Queries not sent because no node was live or no key had been stored. */
    public int skipped() {
        return skipped;
    }
}
