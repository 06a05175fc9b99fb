package org.kadlab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.IntPredicate;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.LookupMode;

/**
 * Measures lookup exactness on networks built by real joins where every node answers: for one
 * setting (bits, k, alpha, mode), several seeded networks of N nodes join one at a time, then random
 * find_node lookups run one at a time and are judged against the ground truth. The networks are
 * independent, so they can run on several threads; each is seeded on its own, so the results do
 * not depend on how many.
 */
public final class ExactnessSweep {
    private ExactnessSweep() {
    }

    /** One setting of the sweep. */
    public record Cell(int bits, int k, int alpha, LookupMode mode) {
    }

    /** Lookups judged and how many of them were exact. */
    public record Result(long lookups, long exact) {
    }

    /** Rejects settings that cannot run, naming the option. */
    public static void validate(List<Cell> cells, int nodes, int seeds, int lookups) {
        if (nodes < 2 || seeds < 1 || lookups < 1) {
            throw new IllegalArgumentException("--nodes must be at least 2, --seeds and --lookups at least 1");
        }
        for (Cell c : cells) {
            KadConfig.builder().bits(c.bits()).k(c.k()).alpha(c.alpha()).build();
            if (c.bits() < 31 && nodes > (1 << c.bits())) {
                throw new IllegalArgumentException("--nodes " + nodes + " do not fit in a " + c.bits() + "-bit key space");
            }
        }
    }

    /** Measures one setting over {@code seeds} networks (seeds 1..seeds). */
    public static Result measure(Cell cell, int nodes, int seeds, int lookups) {
        long judged = 0;
        long exact = 0;
        for (int seed = 1; seed <= seeds; seed++) {
            Result r = measureSeed(cell, nodes, seed, lookups);
            judged += r.lookups();
            exact += r.exact();
        }
        return new Result(judged, exact);
    }

    /** Measures one setting on the network of one seed (one unit of a sharded sweep). */
    public static Result measureSeed(Cell cell, int nodes, long seed, int lookups) {
        KadConfig kad = KadConfig.builder().bits(cell.bits()).k(cell.k()).alpha(cell.alpha())
                .lookupMode(cell.mode()).build();
        Simulation sim = new Simulation(SimConfig.defaults().withKad(kad).withSeed(seed).withHistoryCapacity(0));
        sim.setKeepOperations(false);
        for (int i = 0; i < nodes; i++) {
            sim.addNode();
            sim.runUntilIdle();
        }
        for (int i = 0; i < lookups; i++) {
            sim.findNode(sim.randomLive(), sim.randomId());
            sim.runUntilIdle();
        }
        return new Result(sim.stats().judgedLookups(), sim.stats().exactLookups());
    }

    /**
     * Measures the units {@code include} accepts (unit u is cell u / seeds on seed u % seeds + 1)
     * with {@code threads} threads, and returns each unit's result by unit number. As soon as every
     * included unit of a cell is done, and all cells before it have been told, {@code cellDone} hears
     * the cell's index and its total on the calling thread, so a table can be printed in grid order
     * as it grows.
     */
    public static SortedMap<Integer, Result> runUnits(List<Cell> cells, int nodes, int seeds, int lookups, int threads,
                                                      IntPredicate include, BiConsumer<Integer, Result> cellDone) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "exactness");
            t.setDaemon(true);
            return t;
        });
        try {
            List<List<Future<Result>>> byCell = new ArrayList<>();
            List<List<Integer>> unitsByCell = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                List<Future<Result>> futures = new ArrayList<>();
                List<Integer> units = new ArrayList<>();
                for (int seed = 1; seed <= seeds; seed++) {
                    int unit = i * seeds + seed - 1;
                    if (include.test(unit)) {
                        Cell c = cells.get(i);
                        long s = seed;
                        futures.add(pool.submit(() -> measureSeed(c, nodes, s, lookups)));
                        units.add(unit);
                    }
                }
                byCell.add(futures);
                unitsByCell.add(units);
            }
            SortedMap<Integer, Result> out = new TreeMap<>();
            for (int i = 0; i < cells.size(); i++) {
                for (int j = 0; j < byCell.get(i).size(); j++) {
                    out.put(unitsByCell.get(i).get(j), byCell.get(i).get(j).get());
                }
                cellDone.accept(i, cellTotal(out, i, seeds));
            }
            return out;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The sum of the results of cell {@code cell}'s units in {@code units}. */
    private static Result cellTotal(SortedMap<Integer, Result> units, int cell, int seeds) {
        long judged = 0;
        long exact = 0;
        for (Result r : units.subMap(cell * seeds, (cell + 1) * seeds).values()) {
            judged += r.lookups();
            exact += r.exact();
        }
        return new Result(judged, exact);
    }
}
