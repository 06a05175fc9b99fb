package org.kadlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.kadlab.kad.LookupMode;
import org.kadlab.sim.ExactnessSweep;
import org.kadlab.sim.Shard;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kadlab exactness}: measures the share of find_node lookups that return exactly the true k
 * closest, on networks built by real joins where every node answers, over seeds, bit widths, k,
 * alpha and both lookup modes. With {@code --shard I/N} it runs one part of the grid and writes a
 * partial result that {@code kadlab merge} combines with the others into the same table.
 */
@Command(name = "exactness", mixinStandardHelpOptions = true,
        description = "Measures how often find_node returns exactly the true k closest nodes on networks built by real joins.")
final class ExactnessCommand implements Callable<Integer> {
    @Option(names = "--seeds", defaultValue = "5", description = "networks per setting (default ${DEFAULT-VALUE})") int seeds;
    @Option(names = "--nodes", defaultValue = "100", description = "nodes per network (default ${DEFAULT-VALUE})") int nodes;
    @Option(names = "--lookups", defaultValue = "50", description = "lookups per network (default ${DEFAULT-VALUE})") int lookups;
    @Option(names = "--bits", split = ",", defaultValue = "8,16,160", description = "id widths (default ${DEFAULT-VALUE})") int[] bits;
    @Option(names = "--k", split = ",", defaultValue = "1,2,3,4,5,6,8,10,12,16,20", description = "bucket sizes (default ${DEFAULT-VALUE})") int[] ks;
    @Option(names = "--alpha", split = ",", defaultValue = "1,2,3,4,5", description = "parallelism values (default ${DEFAULT-VALUE})") int[] alphas;
    @Option(names = "--threads", defaultValue = "1", description = "networks built at once, 1..16; the results do not depend on it (default ${DEFAULT-VALUE})") int threads;
    @Option(names = "--shard", paramLabel = "I/N", description = "run only part I of N of the grid and write a partial result (see kadlab merge)") String shard;
    @Option(names = "--partial", paramLabel = "FILE", description = "where a shard writes its partial result (default exactness-shard-I-of-N.json)") Path partial;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The grid of a run: what a partial result records so that merged shards print the same table. */
    record Grid(int nodes, int seeds, int lookups, List<Integer> bits, List<Integer> k, List<Integer> alpha) {
        /** The cells in grid order: bits, then k, then alpha, then mode. */
        List<ExactnessSweep.Cell> cells() {
            List<ExactnessSweep.Cell> cells = new ArrayList<>();
            for (int b : bits) {
                for (int kk : k) {
                    for (int a : alpha) {
                        for (LookupMode m : LookupMode.values()) {
                            cells.add(new ExactnessSweep.Cell(b, kk, a, m));
                        }
                    }
                }
            }
            return cells;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Grid grid = new Grid(nodes, seeds, lookups, list(bits), list(ks), list(alphas));
        List<ExactnessSweep.Cell> cells = grid.cells();
        Shard part = null;
        try {
            ExactnessSweep.validate(cells, nodes, seeds, lookups);
            if (threads < 1 || threads > 16) {
                throw new IllegalArgumentException("--threads: must be between 1 and 16, was " + threads);
            }
            if (shard != null) {
                part = Shard.parse(shard);
                partial = partial != null ? partial : Path.of("exactness-shard-" + part.index() + "-of-" + part.count() + ".json");
                String problem = RunCommand.checkWritable(partial, "--partial");
                if (problem != null) {
                    throw new IllegalArgumentException(problem);
                }
            } else if (partial != null) {
                throw new IllegalArgumentException("--partial: only a shard writes a partial result; give --shard I/N too");
            }
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("kadlab exactness: " + e.getMessage());
            return KadLabCommand.BAD_INPUT;
        }
        if (part != null) {
            return runShard(grid, cells, part);
        }
        out.print(header(grid));
        out.flush();
        long[][] sums = new long[2][2];
        try {
            ExactnessSweep.runUnits(cells, nodes, seeds, lookups, threads, u -> true, (i, total) -> {
                out.print(row(cells.get(i), total, sums)); // in grid order, as each cell completes
                out.flush();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        out.print(summary(sums));
        out.flush();
        return 0;
    }

    private int runShard(Grid grid, List<ExactnessSweep.Cell> cells, Shard part) {
        PrintWriter out = spec.commandLine().getOut();
        SortedMap<Integer, ExactnessSweep.Result> units;
        int total = cells.size() * seeds;
        try {
            units = ExactnessSweep.runUnits(cells, nodes, seeds, lookups, threads, part::includes, (cell, result) -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        try {
            PartialResults.writeExactness(partial, grid, part, units);
        } catch (IOException e) {
            spec.commandLine().getErr().println("kadlab exactness: cannot write " + partial + ": " + e.getMessage());
            return KadLabCommand.BAD_INPUT;
        }
        out.printf("exactness shard %s: %d of %d units (cell and seed) run; partial result in %s; "
                + "combine all %d with kadlab merge%n", part, units.size(), total, partial, part.count());
        out.flush();
        return 0;
    }

    static String header(Grid g) {
        return String.format("exactness: %d nodes per network, %d seeds, %d lookups each%n", g.nodes(), g.seeds(), g.lookups())
                + String.format(" bits   k alpha mode        lookups   exact  share%n");
    }

    /** One cell's line; adds its counts to {@code sums} (k >= 4 in [0], k < 4 in [1]). */
    static String row(ExactnessSweep.Cell c, ExactnessSweep.Result r, long[][] sums) {
        long[] acc = c.k() >= 4 ? sums[0] : sums[1];
        acc[0] += r.lookups();
        acc[1] += r.exact();
        return String.format(Locale.ROOT, "%5d %3d %5d %-11s %7d %7d %6.2f%%%n", c.bits(), c.k(), c.alpha(),
                c.mode().name().toLowerCase(Locale.ROOT), r.lookups(), r.exact(), 100.0 * r.exact() / Math.max(1, r.lookups()));
    }

    static String summary(long[][] sums) {
        long[] large = sums[0];
        long[] small = sums[1];
        return String.format(Locale.ROOT, "k >= 4: %d of %d exact (%.3f%%)%n", large[1], large[0], 100.0 * large[1] / Math.max(1, large[0]))
                + String.format(Locale.ROOT, "k <  4: %d of %d exact (%.3f%%)%n", small[1], small[0], 100.0 * small[1] / Math.max(1, small[0]));
    }

    private static List<Integer> list(int[] values) {
        List<Integer> out = new ArrayList<>();
        for (int v : values) {
            out.add(v);
        }
        return out;
    }
}
