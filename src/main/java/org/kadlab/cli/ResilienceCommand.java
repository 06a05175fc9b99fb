package org.kadlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import org.kadlab.sim.ResilienceSweep;
import org.kadlab.sim.SessionModel;
import org.kadlab.sim.Shard;
import org.kadlab.sim.scenario.Durations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kadlab resilience}: measures find_node, find_value and record durability under message loss,
 * a mass failure and churn, over a grid of cells and knob sets (see {@link ResilienceSweep}):
 * 1. resolves every option (given, else the {@code --quick} preset, else the default) and checks it,
 * output paths included, before any work; 2. runs the cells, a progress line per cell and seed on
 * stderr; 3. prints the table and the targets met or missed; 4. writes CSV and JSON. With
 * {@code --shard I/N} it runs one part of the units (cell and seed) and writes a partial result instead.
 */
@Command(name = "resilience", mixinStandardHelpOptions = true,
        description = "Measures lookups, find_values and record durability under loss, mass failure and churn, over a grid of knob sets and seeds.")
final class ResilienceCommand implements Callable<Integer> {
    @Option(names = "--nodes", description = "nodes per network (default 1000; quick 64)") Integer nodes;
    @Option(names = "--bits", description = "id width (default 160)") Integer bits;
    @Option(names = "--k", description = "bucket size (default 20)") Integer k;
    @Option(names = "--alpha", description = "lookup parallelism (default 3)") Integer alpha;
    @Option(names = "--seeds", description = "networks per cell, seeds 1..S (default 2, quick 2)") Integer seeds;
    @Option(names = "--lookups", description = "find_node lookups per phase and seed (default 200; quick 10)") Integer lookups;
    @Option(names = "--find-values", description = "find_values per phase and seed (default 200; quick 10)") Integer findValues;
    @Option(names = "--records", description = "records stored per network before the measurements (default 100; quick 8)") Integer records;
    @Option(names = "--scenarios", split = ",", description = "which cells: static, kill, churn (default all)") List<String> scenarios;
    @Option(names = "--knobs", split = ",", description = "knob sets: paper, retries1, retries2, maxfail1, seed (the seed crate's rules) (default paper,retries1,retries2; quick the first four)") List<String> knobs;
    @Option(names = "--churn-knobs", split = ",", description = "knob sets of the churn cells (default paper; quick: as --knobs)") List<String> churnKnobs;
    @Option(names = "--loss", split = ",", description = "message loss of the static cells (default 0,0.01,0.05)") List<Double> losses;
    @Option(names = "--kill", split = ",", description = "shares killed at once (default 0.3)") List<Double> kills;
    @Option(names = "--kill-loss", description = "message loss of the kill cells (default 0)") Double killLoss;
    @Option(names = "--churn-model", description = "session model: exponential, pareto, weibull (default weibull)") String churnModel;
    @Option(names = "--churn-shape", description = "session model shape (default 0.6 for weibull, 2 for pareto)") Double churnShape;
    @Option(names = "--churn-median", description = "median session, e.g. 2h (default 2h)") String churnMedian;
    @Option(names = "--churn-duration", description = "how long churn runs, e.g. 24h (default 24h; quick 1h)") String churnDuration;
    @Option(names = "--churn-loss", description = "message loss of the churn cells (default 0.01)") Double churnLoss;
    @Option(names = "--churn-lookups-per-hour", description = "workload lookups per hour of churn (default 50; quick 30)") Double churnLookups;
    @Option(names = "--churn-find-values-per-hour", description = "workload find_values per hour of churn (default 50; quick 30)") Double churnFindValues;
    @Option(names = "--sample-every", description = "durability sampling period during churn (default 1h; quick 20m)") String sampleEvery;
    @Option(names = "--threads", description = "cells run at once, 1..16; the results do not depend on it (default 1)") Integer threads;
    @Option(names = "--csv", paramLabel = "FILE", description = "also write the rows as CSV") Path csv;
    @Option(names = "--json", paramLabel = "FILE", description = "also write the settings and rows as JSON") Path json;
    @Option(names = "--shard", paramLabel = "I/N", description = "run only part I of N of the grid (cells and seeds dealt round-robin) and write a partial result (see kadlab merge)") String shard;
    @Option(names = "--partial", paramLabel = "FILE", description = "where a shard writes its partial result (default resilience-shard-I-of-N.json)") Path partial;
    @Option(names = "--quick", description = "a small preset (64 nodes, 2 seeds, 1 h of churn) for a first look and for tests") boolean quick;


    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ResilienceSweep.Grid grid;
        int threadCount = or(threads, 1, 1);
        Shard part = null;
        try {
            grid = grid();
            ResilienceSweep.validate(grid);
            if (shard != null) {
                part = Shard.parse(shard);
                if (csv != null || json != null) {
                    throw new IllegalArgumentException("--csv and --json: a shard writes a partial result; "
                            + "give them to kadlab merge");
                }
                partial = partial != null ? partial : Path.of("resilience-shard-" + part.index() + "-of-" + part.count() + ".json");
                String problem = RunCommand.checkWritable(partial, "--partial");
                if (problem != null) {
                    throw new IllegalArgumentException(problem);
                }
            } else if (partial != null) {
                throw new IllegalArgumentException("--partial: only a shard writes a partial result; give --shard I/N too");
            }
            if (threadCount < 1 || threadCount > 16) {
                throw new IllegalArgumentException("--threads: must be between 1 and 16, was " + threadCount);
            }
            String problem = csv == null ? null : RunCommand.checkWritable(csv, "--csv");
            if (problem == null && json != null) {
                problem = RunCommand.checkWritable(json, "--json");
            }
            if (problem == null && csv != null && json != null && csv.toAbsolutePath().normalize().equals(json.toAbsolutePath().normalize())) {
                problem = "--json " + json + ": is the same file as --csv";
            }
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("kadlab resilience: " + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
            return KadLabCommand.BAD_INPUT;
        }
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        Shard only = part == null ? Shard.WHOLE : part;
        SortedMap<Integer, List<ResilienceSweep.Tally>> units = ResilienceSweep.runUnits(grid, threadCount, only::includes, p -> {
            err.printf(Locale.ROOT, "resilience: %d/%d done (%s, %s, seed %d), %d s%n", p.done(), p.total(), p.scenario(),
                    p.cell().knobs().label(), p.seed(), (System.nanoTime() - start) / 1_000_000_000L);
            err.flush();
        });
        PrintWriter out = spec.commandLine().getOut();
        if (part != null) {
            try {
                PartialResults.writeResilience(partial, grid, part, units);
            } catch (IOException e) {
                err.println("kadlab resilience: cannot write " + partial + ": " + e.getMessage());
                return KadLabCommand.BAD_INPUT;
            }
            out.printf("resilience shard %s: %d of %d units (cell and seed) run; partial result in %s; "
                    + "combine all %d with kadlab merge%n", part, units.size(), ResilienceSweep.units(grid), partial, part.count());
            out.flush();
            return 0;
        }
        List<ResilienceSweep.Row> rows = ResilienceSweep.rows(grid, units);
        out.print(ResilienceTable.table(grid, rows));
        out.print(ResilienceTable.targets(rows));
        out.flush();
        try {
            if (csv != null) {
                ResilienceTable.writeCsv(csv, rows);
            }
            if (json != null) {
                ResilienceTable.writeJson(json, grid, rows);
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("kadlab resilience: cannot write the results: " + e.getMessage());
            return KadLabCommand.BAD_INPUT;
        }
        return 0;
    }

    /** The grid from the options: each one as given, else the quick preset's, else the default. */
    private ResilienceSweep.Grid grid() {
        List<ResilienceSweep.Kind> kinds = new ArrayList<>();
        for (String s : names("--scenarios", scenarios, List.of("static", "kill", "churn"))) {
            kinds.add(switch (s) {
                case "static" -> ResilienceSweep.Kind.STATIC;
                case "kill" -> ResilienceSweep.Kind.KILL;
                case "churn" -> ResilienceSweep.Kind.CHURN;
                default -> throw new IllegalArgumentException("--scenarios: unknown scenario '" + s + "': use static, kill or churn");
            });
        }
        List<String> all = List.of("paper", "retries1", "retries2", "maxfail1");
        List<ResilienceSweep.Knobs> knobSets = knobSets("--knobs", names("--knobs", knobs,
                quick ? all : List.of("paper", "retries1", "retries2")));
        List<ResilienceSweep.Knobs> churnSets = churnKnobs != null ? knobSets("--churn-knobs", names("--churn-knobs", churnKnobs, all))
                : quick ? knobSets : List.of(ResilienceSweep.Knobs.PAPER);
        SessionModel model;
        try {
            model = SessionModel.parse(churnModel == null ? "weibull" : churnModel.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--churn-model: " + e.getMessage());
        }
        double shape = churnShape != null ? churnShape : model == SessionModel.PARETO ? 2.0 : model == SessionModel.WEIBULL ? 0.6 : 1.0;
        long median = duration("--churn-median", churnMedian, "2h");
        if (median < 1) {
            throw new IllegalArgumentException("--churn-median: must be longer than 0 ms");
        }
        if (model == SessionModel.PARETO && !(shape > 1)) {
            throw new IllegalArgumentException("--churn-shape: must be above 1 for a Pareto model (its mean is infinite otherwise), was " + shape);
        }
        if (!(shape > 0 && shape <= 100)) {
            throw new IllegalArgumentException("--churn-shape: must be above 0 and at most 100, was " + shape);
        }
        ResilienceSweep.ChurnSpec churn = new ResilienceSweep.ChurnSpec(model,
                ResilienceSweep.meanForMedian(model, median, shape), shape,
                duration("--churn-duration", churnDuration, quick ? "1h" : "24h"), churnLoss == null ? 0.01 : churnLoss,
                or(churnLookups, 30.0, 50.0), or(churnFindValues, 30.0, 50.0),
                duration("--sample-every", sampleEvery, quick ? "20m" : "1h"));
        return new ResilienceSweep.Grid(or(nodes, 64, 1000), or(bits, 160, 160), or(k, 20, 20), or(alpha, 3, 3),
                or(seeds, 2, 2), or(lookups, 10, 200), or(findValues, 10, 200), or(records, 8, 100), kinds, knobSets, churnSets,
                losses == null ? List.of(0.0, 0.01, 0.05) : losses, kills == null ? List.of(0.3) : kills,
                killLoss == null ? 0.0 : killLoss, churn);
    }

    private static List<ResilienceSweep.Knobs> knobSets(String option, List<String> names) {
        List<ResilienceSweep.Knobs> out = new ArrayList<>();
        for (String s : names) {
            try {
                out.add(ResilienceSweep.Knobs.parse(s));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + ": " + e.getMessage());
            }
        }
        return out;
    }

    private <T> T or(T given, T quickValue, T normal) {
        return given != null ? given : quick ? quickValue : normal;
    }

    /** Names given in a list option, lower-cased, each once. */
    private static List<String> names(String option, List<String> given, List<String> all) {
        if (given == null) {
            return all;
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String s : given) {
            String name = s.strip().toLowerCase(Locale.ROOT);
            if (!out.add(name)) {
                throw new IllegalArgumentException(option + ": '" + name + "' is given twice");
            }
        }
        return List.copyOf(out);
    }

    /** A duration with a unit (500ms, 30s, 10m, 2h, 1d), or {@code fallback} when not given. */
    static long duration(String option, String given, String fallback) {
        String text = given == null ? fallback : given.strip();
        Long ms;
        try {
            ms = Durations.millis(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
        if (ms == null) {
            throw new IllegalArgumentException(option + ": must be a duration with a unit (500ms, 30s, 10m, 2h, 1d), was '" + text + "'");
        }
        return ms;
    }
}
