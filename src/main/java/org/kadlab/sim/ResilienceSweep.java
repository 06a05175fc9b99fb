package org.kadlab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.kadlab.kad.KadConfig;

/**
 * Measures how Kademlia holds up under loss, mass failure and churn, over a grid of cells, each run on
 * several seeded networks of N nodes built by real joins:
 * <ol>
 *   <li><b>static</b>, per message loss: store records, then find_node and find_value;</li>
 *   <li><b>kill</b>, per share killed at once: store, crash that share of the nodes, measure right
 *       after, let one hour of virtual time pass, measure again;</li>
 *   <li><b>churn</b>: store, run churn for its duration with a background workload of lookups and
 *       find_values and a durability sample every period, then look up and fetch every record stored
 *       at the start;</li>
 * </ol>
 * each with every selected {@link Knobs} set (churn cells with their own selection: a day of churn on
 * a thousand nodes costs minutes). A cell's seeds are 1..S, the same for every cell, so
 * cells differ only in what they vary. Cells (and seeds) are independent: they may run on several
 * threads, and the results, merged in grid order, are the same to the byte.
 */
public final class ResilienceSweep {
    private ResilienceSweep() {
    }

    /** Named sets of the rules under failure. */
    public enum Knobs {
        /** The paper's defaults: max_failures 5, rpc_retries 0. */
        PAPER,
        /** One resend of a request that timed out. */
        RETRIES1,
        /** Two resends. */
        RETRIES2,
        /** A contact is stale at its first failed RPC (still replaced only when a replacement waits). */
        MAXFAIL1,
        /**
         * The seed crate's rules: a contact evicted at its first failed RPC even with nobody to take
         * its place, failing contacts handed out in answers, no backoff, cached copies with their
         * whole lifetime.
         */
        SEED;

        /** The set called {@code name}: paper, retries1, retries2, maxfail1 or seed. */
        public static Knobs parse(String name) {
            for (Knobs k : values()) {
                if (k.label().equalsIgnoreCase(name.strip())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown knob set '" + name + "': use paper, retries1, retries2, maxfail1 or seed");
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        KadConfig.Builder apply(KadConfig.Builder b) {
            return switch (this) {
                case PAPER -> b;
                case RETRIES1 -> b.rpcRetries(1);
                case RETRIES2 -> b.rpcRetries(2);
                case MAXFAIL1 -> b.maxFailures(1);
                case SEED -> b.maxFailures(1).evictStaleAlone(true).shareFailing(true).failureBackoffMs(0)
                        .scaleCacheTtl(false);
            };
        }
    }

    /** What a cell does. */
    public enum Kind { STATIC, KILL, CHURN }

    /** The churn of churn cells; its session model's mean, not its median. */
    public record ChurnSpec(SessionModel model, double meanSessionMs, double shape, long durationMs, double loss,
                            double lookupsPerHour, double findValuesPerHour, long sampleEveryMs) {
    }

    /** The whole grid. */
    public record Grid(int nodes, int bits, int k, int alpha, int seeds, int lookups, int findValues, int records,
                       List<Kind> kinds, List<Knobs> knobs, List<Knobs> churnKnobs, List<Double> losses, List<Double> kills,
                       double killLoss, ChurnSpec churn) {
        public Grid {
            kinds = List.copyOf(kinds);
            knobs = List.copyOf(knobs);
            churnKnobs = List.copyOf(churnKnobs);
            losses = List.copyOf(losses);
            kills = List.copyOf(kills);
        }
    }

    /** One cell: what it does, at which loss (and share killed), with which knobs. */
    public record Cell(Kind kind, double loss, double kill, Knobs knobs) {
        /** "loss 1%", "kill 30%", "churn 24h". */
        public String scenario(Grid g) {
            return switch (kind) {
                case STATIC -> "loss " + percent(loss);
                case KILL -> "kill " + percent(kill) + (loss > 0 ? " loss " + percent(loss) : "");
                case CHURN -> "churn " + hours(g.churn().durationMs()) + (loss > 0 ? " loss " + percent(loss) : "");
            };
        }

        /** The phases it measures, in order. */
        public List<String> phases() {
            return switch (kind) {
                case STATIC -> List.of("static");
                case KILL -> List.of("right after", "after 1 h");
                case CHURN -> List.of("during", "at the end");
            };
        }
    }

    /**
     * What a phase measured, summed over seeds: lookups (exact, recall, and where the missed true
     * closest nodes were), find_values (found, or failed with no live copy left, or failed with copies
     * there), the cell's stores (acknowledgements from the true k closest), the requests the lookups sent
     * (-1: not measured, as during churn, where the workload runs in the background), and the fewest of the true closest holding any
     * record at any durability sample (-1: no sample).
     */
    public static final class Tally {
        public long lookups;
        public long exact;
        public double recallSum;
        public long missedUnseen;
        public long missedUnasked;
        public long missedSilent;
        public long lookupRpcs;
        public long findValues;
        public long found;
        public long findValueNoCopy;
        public long findValueMissed;
        public long stores;
        public long storeAcks;
        public long storeTruth;
        public int minHolders = -1;
        public int truthSize;
        public int samples;

        void add(Tally o) {
            lookups += o.lookups;
            exact += o.exact;
            recallSum += o.recallSum;
            missedUnseen += o.missedUnseen;
            missedUnasked += o.missedUnasked;
            missedSilent += o.missedSilent;
            lookupRpcs = lookupRpcs < 0 || o.lookupRpcs < 0 ? -1 : lookupRpcs + o.lookupRpcs;
            findValues += o.findValues;
            found += o.found;
            findValueNoCopy += o.findValueNoCopy;
            findValueMissed += o.findValueMissed;
            addStores(o);
            if (o.minHolders >= 0) {
                minHolders = minHolders < 0 ? o.minHolders : Math.min(minHolders, o.minHolders);
            }
            truthSize = Math.max(truthSize, o.truthSize);
            samples += o.samples;
        }

        void addStores(Tally o) {
            stores += o.stores;
            storeAcks += o.storeAcks;
            storeTruth += o.storeTruth;
        }

        /** Exact share of the lookups; NaN when none ran. */
        public double exactShare() {
            return lookups == 0 ? Double.NaN : (double) exact / lookups;
        }

        /** Mean recall of the lookups; NaN when none ran. */
        public double meanRecall() {
            return lookups == 0 ? Double.NaN : recallSum / lookups;
        }

        /** Share of find_values that found the value; NaN when none ran. */
        public double foundShare() {
            return findValues == 0 ? Double.NaN : (double) found / findValues;
        }

        /** Mean number of the true k closest that acknowledged a store; NaN when none ran. */
        public double storeAcksMean() {
            return stores == 0 ? Double.NaN : (double) storeAcks / stores;
        }

        /** Mean size of a store's truth (k, or fewer nodes); NaN when none ran. */
        public double storeTruthMean() {
            return stores == 0 ? Double.NaN : (double) storeTruth / stores;
        }

        /** Requests a lookup sent, on average (its answers double the messages); NaN when not measured. */
        public double rpcsPerLookup() {
            return lookups == 0 || lookupRpcs < 0 ? Double.NaN : (double) lookupRpcs / lookups;
        }
    }

    /** One row of the results: a phase of a cell, summed over its seeds. */
    public record Row(Cell cell, String scenario, String phase, int seeds, Tally tally) {
    }

    /** The cells of {@code g} in grid order: kinds, then their values, then knob sets (churn cells: the churn knob sets). */
    public static List<Cell> cells(Grid g) {
        List<Cell> out = new ArrayList<>();
        for (Kind kind : g.kinds()) {
            List<double[]> values = switch (kind) {
                case STATIC -> g.losses().stream().map(l -> new double[] {l, 0}).toList();
                case KILL -> g.kills().stream().map(s -> new double[] {g.killLoss(), s}).toList();
                case CHURN -> List.of(new double[] {g.churn().loss(), 0});
            };
            for (double[] v : values) {
                for (Knobs knobs : kind == Kind.CHURN ? g.churnKnobs() : g.knobs()) {
                    out.add(new Cell(kind, v[0], v[1], knobs));
                }
            }
        }
        return out;
    }

    /** Rejects a grid that cannot run, naming the option (as the command spells it). */
    public static void validate(Grid g) {
        ResilienceChecks.validate(g);
    }

    /** What one unit of work finished: cell {@code cell} (index in grid order) on seed {@code seed}. */
    public record Progress(int done, int total, Cell cell, String scenario, long seed) {
    }

    /**
     * Runs every cell on every seed with {@code threads} threads, telling {@code progress} (from the
     * worker threads, one call at a time) as each cell-seed pair finishes; returns the rows in grid order.
     */
    public static List<Row> run(Grid g, int threads, Consumer<Progress> progress) throws InterruptedException {
        return rows(g, runUnits(g, threads, u -> true, progress));
    }

    /** How many units of work the grid has: one per cell and seed, unit = cell index * seeds + seed - 1. */
    public static int units(Grid g) {
        return cells(g).size() * g.seeds();
    }

    /**
     * Runs the units {@code include} accepts (a shard of the grid) with {@code threads} threads; returns
     * each unit's tallies, one per phase of its cell, by unit number. The results do not depend on the
     * threads or on which other units run.
     */
    public static SortedMap<Integer, List<Tally>> runUnits(Grid g, int threads, IntPredicate include,
                                                          Consumer<Progress> progress) throws InterruptedException {
        List<Cell> cells = cells(g);
        int total = 0;
        for (int u = 0; u < cells.size() * g.seeds(); u++) {
            total += include.test(u) ? 1 : 0;
        }
        int all = total;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "resilience");
            t.setDaemon(true);
            return t;
        });
        int[] done = {0};
        SortedMap<Integer, Future<List<Tally>>> futures = new TreeMap<>();
        try {
            // the longest work first (churn, then kill, then static), so no thread is left with a long tail;
            // the results are read back in grid order whatever the order of work
            for (Kind first : List.of(Kind.CHURN, Kind.KILL, Kind.STATIC)) {
                for (int i = 0; i < cells.size(); i++) {
                    Cell c = cells.get(i);
                    for (int seed = 1; seed <= g.seeds() && c.kind() == first; seed++) {
                        int unit = i * g.seeds() + seed - 1;
                        if (!include.test(unit)) {
                            continue;
                        }
                        long s = seed;
                        futures.put(unit, pool.submit(() -> {
                            List<Tally> phases = runCell(g, c, s);
                            synchronized (done) {
                                done[0]++;
                                progress.accept(new Progress(done[0], all, c, c.scenario(g), s));
                            }
                            return phases;
                        }));
                    }
                }
            }
            SortedMap<Integer, List<Tally>> out = new TreeMap<>();
            for (Map.Entry<Integer, Future<List<Tally>>> e : futures.entrySet()) {
                out.put(e.getKey(), e.getValue().get());
            }
            return out;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The rows of the whole grid from every unit's tallies, summed over seeds in seed order (so that
     * the sums, floating point included, are the same whichever shards ran the units).
     *
     * @throws IllegalArgumentException when a unit is missing or a unit has the wrong number of phases
     */
    public static List<Row> rows(Grid g, Map<Integer, List<Tally>> units) {
        List<Row> rows = new ArrayList<>();
        List<Cell> cells = cells(g);
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            List<Tally> sum = new ArrayList<>();
            for (int p = 0; p < c.phases().size(); p++) {
                sum.add(null);
            }
            for (int seed = 1; seed <= g.seeds(); seed++) {
                int unit = i * g.seeds() + seed - 1;
                List<Tally> phases = units.get(unit);
                if (phases == null) {
                    throw new IllegalArgumentException("unit " + unit + " (" + c.scenario(g) + ", " + c.knobs().label()
                            + ", seed " + seed + ") is missing");
                }
                if (phases.size() != sum.size()) {
                    throw new IllegalArgumentException("unit " + unit + " has " + phases.size() + " phases, its cell "
                            + sum.size());
                }
                for (int p = 0; p < sum.size(); p++) {
                    if (sum.get(p) == null) {
                        sum.set(p, new Tally()); // adding to an empty tally leaves every sum as the first seed's
                    }
                    sum.get(p).add(phases.get(p));
                }
            }
            for (int p = 0; p < sum.size(); p++) {
                rows.add(new Row(c, c.scenario(g), c.phases().get(p), g.seeds(), sum.get(p)));
            }
        }
        return rows;
    }

    /** Runs one cell on one seed; one tally per phase. */
    static List<Tally> runCell(Grid g, Cell c, long seed) {
        KadConfig kad = c.knobs().apply(KadConfig.builder().bits(g.bits()).k(g.k()).alpha(g.alpha())).build();
        Simulation sim = new Simulation(SimConfig.defaults().withKad(kad).withSeed(seed).withLoss(c.loss())
                .withHistoryCapacity(0));
        sim.setKeepOperations(false);
        for (int i = 0; i < g.nodes(); i++) {
            sim.awaitJoin(sim.addNode(), () -> false); // each join, as a scenario's add step
        }
        sim.awaitIdle(() -> false);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < g.records(); i++) {
            keys.add("record " + i);
        }
        Tally stored = ResilienceProbe.store(sim, keys);
        List<Tally> phases = new ArrayList<>();
        switch (c.kind()) {
            case STATIC -> phases.add(phase(sim, g, keys, draws(sim, keys, g.findValues()), stored, false));
            case KILL -> {
                int victims = (int) Math.round(c.kill() * sim.liveCount());
                for (int i = 0; i < victims && sim.liveCount() > 1; i++) {
                    sim.kill(sim.randomLive());
                }
                phases.add(phase(sim, g, keys, draws(sim, keys, g.findValues()), stored, false));
                sim.advance(3_600_000);
                sim.awaitIdle(() -> false);
                phases.add(phase(sim, g, keys, draws(sim, keys, g.findValues()), stored, false));
            }
            case CHURN -> {
                phases.add(ResilienceChurn.during(sim, g.churn(), keys, stored));
                // every record stored at the start, once, fetched as the churn ends; then the lookups
                phases.add(phase(sim, g, keys, keys, stored, true));
            }
        }
        return phases;
    }

    private static Tally phase(Simulation sim, Grid g, List<String> keys, List<String> fetch, Tally stored,
                               boolean fetchFirst) {
        Tally t = ResilienceProbe.measure(sim, g.lookups(), fetch, fetchFirst);
        t.addStores(stored);
        ResilienceProbe.sample(sim, keys, t);
        return t;
    }

    /** {@code n} keys drawn at random from {@code keys}. */
    private static List<String> draws(Simulation sim, List<String> keys, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n && !keys.isEmpty(); i++) {
            out.add(keys.get(sim.random().nextInt(keys.size())));
        }
        return out;
    }

    static String percent(double share) {
        String s = new java.math.BigDecimal(Double.toString(share * 100)).stripTrailingZeros().toPlainString();
        return s + "%";
    }

    static String hours(long ms) {
        return ms % 3_600_000 == 0 ? ms / 3_600_000 + "h" : ms % 60_000 == 0 ? ms / 60_000 + "m" : ms + "ms";
    }

    /** The mean session of {@code model} with {@code shape} whose median is {@code medianMs}. */
    public static double meanForMedian(SessionModel model, double medianMs, double shape) {
        return switch (model) {
            case EXPONENTIAL -> medianMs / Math.log(2);
            // median x_m 2^(1/a), mean x_m a / (a - 1)
            case PARETO -> medianMs / Math.pow(2, 1 / shape) * shape / (shape - 1);
            // median l (ln 2)^(1/c), mean l Gamma(1 + 1/c)
            case WEIBULL -> medianMs / Math.pow(Math.log(2), 1 / shape) * SessionModel.gamma(1 + 1 / shape);
        };
    }
}
