package org.kadlab.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kadlab.kad.KBucket;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.LookupMode;
import org.kadlab.sim.SimConfig;
import org.kadlab.sim.SimNode;
import org.kadlab.sim.SimStats;
import org.kadlab.sim.Simulation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kadlab bench}: builds a network by real joins (each node bootstraps over simulated RPCs:
 * self-lookup and bucket refresh), then runs lookups, and prints wall time, events, messages and
 * lookups per second, heap used, and hops and RPCs per lookup.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures the simulator: N nodes join by real bootstrap, then M find_node lookups run.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--nodes", required = true, description = "nodes that join the network") int nodes;
    @Option(names = "--lookups", required = true, description = "find_node lookups after the joins") int lookups;
    @Option(names = "--k", defaultValue = "20", description = "bucket size (default ${DEFAULT-VALUE})") int k;
    @Option(names = "--alpha", defaultValue = "3", description = "lookup parallelism (default ${DEFAULT-VALUE})") int alpha;
    @Option(names = "--bits", defaultValue = "160", description = "id width (default ${DEFAULT-VALUE})") int bits;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})") long seed;
    @Option(names = "--mode", defaultValue = "sliding", description = "lookup mode: sliding, rounds or seed_rounds (default ${DEFAULT-VALUE})") String mode;
    @Option(names = "--ping-skip-window-ms", defaultValue = "60000",
            description = "a full bucket does not ping a head heard from this recently; 0 pings every time (default ${DEFAULT-VALUE})")
    long pingSkipWindowMs;
    @Option(names = "--join-gap-ms", defaultValue = "10",
            description = "virtual ms between two arrivals; 0 joins one at a time, each waiting for the previous (default ${DEFAULT-VALUE})")
    long joinGapMs;
    @Option(names = "--parallel-lookups", defaultValue = "100",
            description = "lookups running at the same time (default ${DEFAULT-VALUE})") int parallel;

    @Option(names = "--prefill", description = "build the routing tables from the global view (up to k random nodes per bucket, "
            + "as PeerSim's initialiser does) instead of real joins: a labelled warm start, no join messages") boolean prefill;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SimConfig config;
        try {
            if (nodes < 1 || lookups < 0 || parallel < 1 || joinGapMs < 0) {
                throw new IllegalArgumentException("--nodes and --parallel-lookups must be at least 1; --lookups and --join-gap-ms not negative");
            }
            LookupMode m = switch (mode.toLowerCase(Locale.ROOT)) {
                case "sliding" -> LookupMode.SLIDING;
                case "rounds" -> LookupMode.ROUNDS;
                case "seed_rounds" -> LookupMode.SEED_ROUNDS;
                default -> throw new IllegalArgumentException("--mode must be sliding, rounds or seed_rounds, was " + mode);
            };
            if (pingSkipWindowMs < 0) {
                throw new IllegalArgumentException("--ping-skip-window-ms must not be negative, was " + pingSkipWindowMs);
            }
            KadConfig kad = KadConfig.builder().bits(bits).k(k).alpha(alpha).lookupMode(m).pingSkipWindowMs(pingSkipWindowMs).build();
            if (bits < 63 && nodes > (1L << bits)) {
                throw new IllegalArgumentException("--nodes " + nodes + " do not fit in a " + bits + "-bit key space");
            }
            config = SimConfig.defaults().withKad(kad).withSeed(seed).withHistoryCapacity(0);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("kadlab bench: " + e.getMessage());
            return KadLabCommand.BAD_INPUT;
        }
        Simulation sim = new Simulation(config);
        sim.setKeepOperations(false);
        out.printf("bench: %d nodes, %d lookups, %d-bit ids, k=%d, alpha=%d, %s, seed %d, join gap %d ms, ping skip window %d ms%n",
                nodes, lookups, bits, k, alpha, mode, seed, joinGapMs, pingSkipWindowMs);
        if (prefill) {
            out.println("  tables PREFILLED from the global view (not built by joins): up to k random nodes per bucket, no join messages");
        }
        out.flush();

        long t0 = System.nanoTime();
        if (prefill) {
            sim.prefill(nodes);
        }
        int progressEvery = Math.max(1000, nodes / 10);
        for (int i = 0; i < (prefill ? 0 : nodes); i++) {
            if (i > 0 && i % progressEvery == 0) {
                out.printf(Locale.ROOT, "  ... %,d nodes joined after %.1f s%n", i, (System.nanoTime() - t0) / 1e9);
                out.flush();
            }
            sim.addNode();
            if (joinGapMs == 0) {
                sim.runUntilIdle();
            } else {
                sim.runUntil(sim.now() + joinGapMs);
            }
        }
        sim.runUntilIdle();
        long t1 = System.nanoTime();
        SimStats s = sim.stats();
        long joinEvents = s.events();
        long joinMessages = s.messages();
        phase(out, prefill ? "prefill" : "join", t1 - t0, joinEvents, joinMessages, nodes, prefill ? "nodes" : "joins");
        tables(out, sim);

        for (int done = 0; done < lookups; ) {
            int batch = Math.min(parallel, lookups - done);
            for (int i = 0; i < batch; i++) {
                sim.findNode(sim.randomLive(), sim.randomId());
            }
            sim.runUntilIdle();
            done += batch;
        }
        long t2 = System.nanoTime();
        phase(out, "lookups", t2 - t1, s.events() - joinEvents, s.messages() - joinMessages, lookups, "lookups");
        phase(out, "total", t2 - t0, s.events(), s.messages(), 0, null);

        SimStats.Summary hops = s.hops();
        SimStats.Summary rpcs = s.rpcsPerLookup();
        out.printf(Locale.ROOT, "  hops per lookup:  mean %.2f  p50 %d  p95 %d  (log2 N = %.1f)%n",
                hops.mean(), hops.p50(), hops.p95(), Math.log(nodes) / Math.log(2));
        out.printf(Locale.ROOT, "  RPCs per lookup:  mean %.1f  p50 %d  p95 %d%n", rpcs.mean(), rpcs.p50(), rpcs.p95());
        if (s.judgedLookups() == 0) {
            out.println("  exact lookups:    no find_node lookup judged");
        } else {
            out.printf(Locale.ROOT, "  exact lookups:    %d of %d (%.2f%%)%n", s.exactLookups(), s.judgedLookups(), 100 * s.exactShare());
        }
        out.printf(Locale.ROOT, "  virtual time:     %.1f s; RPCs timed out: %d%n", sim.now() / 1000.0, s.rpcsTimedOut());
        if (prefill && pingSkipWindowMs > 0 && sim.now() > pingSkipWindowMs) {
            out.printf(Locale.ROOT, "  note: the lookups ran past the %d ms ping-skip window; prefilled tables are one-sided (a node rarely "
                    + "holds the nodes that hold it), so from then on pings-before-evict cascade: see the README%n", pingSkipWindowMs);
        }
        System.gc();
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long used = mem.getHeapMemoryUsage().getUsed();
        out.printf(Locale.ROOT, "  heap used:        %.1f MiB after GC (%.0f bytes per node), max heap %.0f MiB%n",
                used / 1048576.0, (double) used / nodes, mem.getHeapMemoryUsage().getMax() / 1048576.0);
        out.flush();
        // keep the network reachable until the heap was measured
        return sim.liveCount() >= 0 ? 0 : 1;
    }

    /**
     * How full the tables are: contacts per node, buckets in use, the share of those that are full,
     * and the mean size of each bucket from the farthest (bucket bits-1) inwards.
     */
    private void tables(PrintWriter out, Simulation sim) {
        long contacts = 0;
        long buckets = 0;
        long full = 0;
        long[] bySize = new long[bits];
        for (SimNode n : sim.nodes()) {
            for (KBucket b : n.kad().routingTable().nonEmptyBuckets()) {
                buckets++;
                contacts += b.size();
                full += b.size() >= k ? 1 : 0;
                bySize[bits - 1 - b.index()] += b.size();
            }
        }
        int count = Math.max(1, sim.nodes().size());
        out.printf(Locale.ROOT, "  tables (%s):  %.1f contacts per node in %.1f buckets, %.1f%% of them full%n",
                prefill ? "prefilled" : "joined", (double) contacts / count, (double) buckets / count,
                100.0 * full / Math.max(1, buckets));
        StringBuilder fill = new StringBuilder();
        for (int j = 0; j < bits && (double) bySize[j] / count >= 0.05; j++) {
            fill.append(String.format(Locale.ROOT, " %.2f", (double) bySize[j] / count));
        }
        out.printf(Locale.ROOT, "  mean bucket fill, farthest bucket first:%s%n", fill);
    }

    private static void phase(PrintWriter out, String name, long nanos, long events, long messages, long ops, String opName) {
        double sec = nanos / 1e9;
        out.printf(Locale.ROOT, "  %-8s %8.2f s wall  %,12d events (%,.0f/s)  %,12d messages (%,.0f/s)%s%n",
                name, sec, events, events / sec, messages, messages / sec,
                opName == null ? "" : String.format(Locale.ROOT, "  %,.0f %s/s", ops / sec, opName));
        out.flush();
    }
}
