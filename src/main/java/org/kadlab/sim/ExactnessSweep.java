package org.kadlab.sim;

import java.util.List;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.LookupMode;

/**
 * Measures lookup exactness on networks built by real joins where every node answers: for one
 * setting (bits, k, alpha, mode), several seeded networks of N nodes join one at a time, then random
 * find_node lookups run one at a time and are judged against the ground truth.
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
}
