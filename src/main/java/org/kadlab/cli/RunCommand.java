package org.kadlab.cli;

import org.kadlab.sim.scenario.ScenarioReader;
import org.kadlab.sim.scenario.ScenarioException;
import org.kadlab.sim.scenario.ScenarioRunner;
import org.kadlab.sim.scenario.ReportWriter;
import org.kadlab.sim.scenario.EventJsonWriter;
import org.kadlab.sim.scenario.Scenario;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.kadlab.sim.SimStats;
import org.kadlab.sim.Simulation;

/** {@code kadlab run SCENARIO.yaml --report REPORT.json [--events EVENTS.jsonl]}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a scenario on a simulated network and writes a JSON report (and optionally every event as JSON Lines).")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "the scenario to run")
    Path scenario;

    @Option(names = "--report", required = true, paramLabel = "REPORT.json", description = "where to write the report")
    Path report;

    @Option(names = "--events", paramLabel = "EVENTS.jsonl", description = "also write every event, one JSON object per line")
    Path events;

    @Option(names = "--all-events", description = "with --events, also log every routing-table touch (a known contact heard from again)")
    boolean allEvents;

    @Option(names = "--check-invariants", description = "check routing invariants after every event (default: as the scenario says)")
    boolean checkInvariants;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Scenario sc;
        try {
            sc = ScenarioReader.read(scenario);
        } catch (ScenarioException e) {
            return badInput(e.getMessage());
        }
        String problem = checkWritable(report, "--report");
        if (problem == null && events != null) {
            problem = checkWritable(events, "--events");
        }
        if (problem != null) {
            return badInput(problem);
        }
        var config = checkInvariants ? sc.config().withCheckInvariants(true) : sc.config();
        Simulation sim = new Simulation(config);
        long start = System.nanoTime();
        EventJsonWriter eventWriter = null;
        OutputStream eventOut = null;
        try {
            if (events != null) {
                eventOut = new BufferedOutputStream(Files.newOutputStream(events), 1 << 16);
                eventWriter = new EventJsonWriter(eventOut, sim.keySpace(), allEvents);
                sim.addListener(eventWriter);
            }
            new ScenarioRunner(sc, sim).run();
        } catch (ScenarioException e) {
            return badInput(e.getMessage());
        } finally {
            if (eventWriter != null) {
                eventWriter.close();
                eventOut.close();
            }
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(report), 1 << 16)) {
            new ReportWriter(sim).write(out, null);
        }
        var s = sim.stats();
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d nodes (%d live), %d operations, %s, "
                        + "%d invariant violations, %d events in %d ms%n",
                scenario, sim.nodes().size(), sim.liveCount(), sim.operations().size(), exactness(s),
                s.invariantViolations(), s.events(), wallMs);
        return 0;
    }

    /** "140 find_node judged, 90.71% exact", or "no find_node lookup judged" (a share of nothing is undefined). */
    static String exactness(SimStats s) {
        OptionalDouble share = s.exactShareIfJudged();
        return share.isPresent()
                ? String.format(Locale.ROOT, "%d find_node judged, %.2f%% exact", s.judgedLookups(), 100 * share.getAsDouble())
                : "no find_node lookup judged";
    }

    private static String checkWritable(Path p, String option) {
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            return option + " " + p + ": the folder " + parent + " does not exist";
        }
        if (Files.isDirectory(p)) {
            return option + " " + p + ": is a folder, not a file";
        }
        if (Files.exists(p) && !Files.isWritable(p)) {
            return option + " " + p + ": cannot be written";
        }
        return null;
    }

    private int badInput(String message) {
        spec.commandLine().getErr().println("kadlab run: " + message);
        return KadLabCommand.BAD_INPUT;
    }
}
