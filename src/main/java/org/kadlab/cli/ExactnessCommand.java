package org.kadlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kadlab.kad.LookupMode;
import org.kadlab.sim.ExactnessSweep;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kadlab exactness}: measures the share of find_node lookups that return exactly the true k
 * closest, on networks built by real joins where every node answers, over seeds, bit widths, k,
 * alpha and both lookup modes.
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ExactnessSweep.Cell> cells = new ArrayList<>();
        try {
            for (int b : bits) {
                for (int k : ks) {
                    for (int a : alphas) {
                        for (LookupMode m : LookupMode.values()) {
                            cells.add(new ExactnessSweep.Cell(b, k, a, m));
                        }
                    }
                }
            }
            ExactnessSweep.validate(cells, nodes, seeds, lookups);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("kadlab exactness: " + e.getMessage());
            return KadLabCommand.BAD_INPUT;
        }
        out.printf("exactness: %d nodes per network, %d seeds, %d lookups each%n", nodes, seeds, lookups);
        out.println(" bits   k alpha mode     lookups   exact  share");
        long[] small = new long[2];
        long[] large = new long[2];
        for (ExactnessSweep.Cell c : cells) {
            ExactnessSweep.Result r = ExactnessSweep.measure(c, nodes, seeds, lookups);
            out.printf(Locale.ROOT, "%5d %3d %5d %-8s %7d %7d %6.2f%%%n", c.bits(), c.k(), c.alpha(),
                    c.mode().name().toLowerCase(Locale.ROOT), r.lookups(), r.exact(), 100.0 * r.exact() / Math.max(1, r.lookups()));
            out.flush();
            long[] acc = c.k() >= 4 ? large : small;
            acc[0] += r.lookups();
            acc[1] += r.exact();
        }
        out.printf(Locale.ROOT, "k >= 4: %d of %d exact (%.3f%%)%n", large[1], large[0], 100.0 * large[1] / Math.max(1, large[0]));
        out.printf(Locale.ROOT, "k <  4: %d of %d exact (%.3f%%)%n", small[1], small[0], 100.0 * small[1] / Math.max(1, small[0]));
        return 0;
    }
}
