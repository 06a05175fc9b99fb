package org.kadlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.kadlab.sim.ExactnessSweep;
import org.kadlab.sim.ResilienceSweep;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kadlab merge}: combines the partial results of every shard of one sweep ({@code exactness}
 * or {@code resilience} run with {@code --shard I/N}) into the table one whole run prints. Refuses,
 * with the file named, shards of another command or grid, a shard given twice, and a missing shard.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combines the partial results of all shards of one exactness or resilience sweep into its table.")
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "the partial results, one per shard") List<Path> files;
    @Option(names = "--csv", paramLabel = "FILE", description = "resilience: also write the rows as CSV") Path csv;
    @Option(names = "--json", paramLabel = "FILE", description = "resilience: also write the settings and rows as JSON") Path json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<PartialResults.Part> parts = new ArrayList<>();
        try {
            for (Path f : files) {
                parts.add(PartialResults.read(f));
            }
            check(parts);
            for (Path p : new Path[] {csv, json}) {
                String problem = p == null ? null : RunCommand.checkWritable(p, p == csv ? "--csv" : "--json");
                if (problem != null) {
                    throw new IllegalArgumentException(problem);
                }
            }
            if (parts.get(0) instanceof PartialResults.ExactnessPart && (csv != null || json != null)) {
                throw new IllegalArgumentException("--csv and --json are for resilience results");
            }
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("kadlab merge: " + e.getMessage());
            return KadLabCommand.BAD_INPUT;
        }
        if (parts.get(0) instanceof PartialResults.ExactnessPart first) {
            SortedMap<Integer, ExactnessSweep.Result> all = new TreeMap<>();
            parts.forEach(p -> all.putAll(((PartialResults.ExactnessPart) p).results()));
            ExactnessCommand.Grid g = first.grid();
            out.print(ExactnessCommand.header(g));
            long[][] sums = new long[2][2];
            List<ExactnessSweep.Cell> cells = g.cells();
            for (int c = 0; c < cells.size(); c++) {
                long lookups = 0;
                long exact = 0;
                for (int seed = 0; seed < g.seeds(); seed++) {
                    ExactnessSweep.Result r = all.get(c * g.seeds() + seed);
                    lookups += r.lookups();
                    exact += r.exact();
                }
                out.print(ExactnessCommand.row(cells.get(c), new ExactnessSweep.Result(lookups, exact), sums));
            }
            out.print(ExactnessCommand.summary(sums));
        } else {
            PartialResults.ResiliencePart first = (PartialResults.ResiliencePart) parts.get(0);
            SortedMap<Integer, List<ResilienceSweep.Tally>> all = new TreeMap<>();
            parts.forEach(p -> all.putAll(((PartialResults.ResiliencePart) p).results()));
            List<ResilienceSweep.Row> rows;
            try {
                rows = ResilienceSweep.rows(first.grid(), all);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("kadlab merge: " + e.getMessage());
                return KadLabCommand.BAD_INPUT;
            }
            out.print(ResilienceTable.table(first.grid(), rows));
            out.print(ResilienceTable.targets(rows));
            try {
                if (csv != null) {
                    ResilienceTable.writeCsv(csv, rows);
                }
                if (json != null) {
                    ResilienceTable.writeJson(json, first.grid(), rows);
                }
            } catch (IOException e) {
                spec.commandLine().getErr().println("kadlab merge: cannot write the results: " + e.getMessage());
                return KadLabCommand.BAD_INPUT;
            }
        }
        out.flush();
        return 0;
    }

    /** Same command, same grid, same shard count, each shard once, every unit of the grid there once. */
    private static void check(List<PartialResults.Part> parts) {
        PartialResults.Part first = parts.get(0);
        int n = first.shard().count();
        PartialResults.Part[] byIndex = new PartialResults.Part[n + 1];
        for (PartialResults.Part p : parts) {
            if (!p.command().equals(first.command())) {
                throw new IllegalArgumentException(p.file() + ": a " + p.command() + " result, but " + first.file()
                        + " is a " + first.command() + " result");
            }
            if (!p.grid().equals(first.grid())) {
                throw new IllegalArgumentException(p.file() + ": its grid differs from that of " + first.file()
                        + " (other settings or seeds)");
            }
            if (p.shard().count() != n) {
                throw new IllegalArgumentException(p.file() + ": shard " + p.shard() + ", but " + first.file()
                        + " is one of " + n);
            }
            if (byIndex[p.shard().index()] != null) {
                throw new IllegalArgumentException(p.file() + ": shard " + p.shard() + " is given twice (also "
                        + byIndex[p.shard().index()].file() + ")");
            }
            byIndex[p.shard().index()] = p;
            for (int u : p.units()) {
                if (!p.shard().includes(u)) {
                    throw new IllegalArgumentException(p.file() + ": unit " + u + " does not belong to shard " + p.shard());
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            if (byIndex[i] == null) {
                missing.add(i + "/" + n);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("shard " + String.join(", ", missing) + " missing: give the partial results of all " + n);
        }
        int expected = first instanceof PartialResults.ExactnessPart e ? e.grid().cells().size() * e.grid().seeds()
                : ResilienceSweep.units(((PartialResults.ResiliencePart) first).grid());
        int got = parts.stream().mapToInt(p -> p.units().size()).sum();
        if (got != expected) {
            throw new IllegalArgumentException("the shards hold " + got + " units of work, the grid has " + expected);
        }
    }
}
