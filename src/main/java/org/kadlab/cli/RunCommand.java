package org.kadlab.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.kadlab.sim.SimStats;
import org.kadlab.sim.Simulation;
import org.kadlab.sim.scenario.ChurnOutcome;
import org.kadlab.sim.scenario.EventJsonWriter;
import org.kadlab.sim.scenario.ReportWriter;
import org.kadlab.sim.scenario.Scenario;
import org.kadlab.sim.scenario.ScenarioException;
import org.kadlab.sim.scenario.ScenarioReader;
import org.kadlab.sim.scenario.ScenarioRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kadlab run SCENARIO.yaml --report REPORT.json [--events EVENTS.jsonl]}: 1. reads the
 * scenario (refusing a file that is not UTF-8 text); 2. opens every output path for writing before
 * the run, so a path that cannot be written is refused in one line before any work; 3. runs the
 * scenario; 4. writes the report and prints a one-line summary.
 */
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
        String notText = notUtf8Text(scenario);
        if (notText != null) {
            return badInput(notText);
        }
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
        ScenarioRunner runner = new ScenarioRunner(sc, sim);
        String failed = runWithEventLog(runner, sim);
        if (failed != null) {
            return badInput(failed);
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(report), 1 << 16)) {
            new ReportWriter(sim, runner.churnOutcomes()).write(out, null);
        } catch (IOException e) {
            return badInput(cannotWrite("--report", report, e));
        }
        var s = sim.stats();
        String churn = runner.churnOutcomes().isEmpty() ? ", " : "; " + ChurnOutcome.describe(runner.churnOutcomes()) + "; ";
        String prefilled = sim.prefilled() > 0 ? " [" + sim.prefilled() + " tables PREFILLED from the global view, not joined]" : "";
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d nodes (%d live)%s, %d operations, %s%s"
                        + "%d invariant violations, %d events in %d ms%n",
                scenario, sim.nodes().size(), sim.liveCount(), prefilled, sim.operations().size(), exactness(s), churn,
                s.invariantViolations(), s.events(), wallMs);
        return 0;
    }

    /** Runs the scenario, logging events when asked; the one-line reason it failed, or null. */
    private String runWithEventLog(ScenarioRunner runner, Simulation sim) {
        if (events == null) {
            try {
                runner.run();
                return null;
            } catch (ScenarioException e) {
                return e.getMessage();
            }
        }
        try (OutputStream eventOut = new BufferedOutputStream(Files.newOutputStream(events), 1 << 16);
             EventJsonWriter eventWriter = new EventJsonWriter(eventOut, sim.keySpace(), allEvents)) {
            sim.addListener(eventWriter);
            runner.run();
            return null;
        } catch (ScenarioException e) {
            return e.getMessage();
        } catch (IOException e) {
            return cannotWrite("--events", events, e);
        } catch (UncheckedIOException e) {
            return cannotWrite("--events", events, e.getCause());
        }
    }

    /**
     * "140 find_node judged, 90.71% exact, mean recall 99.12%" or "no find_node lookup judged" (a
     * share of nothing is undefined), followed by ", find_value found 9 of 10 (90.00%)" when any ran.
     */
    static String exactness(SimStats s) {
        OptionalDouble share = s.exactShareIfJudged();
        OptionalDouble recall = s.meanRecallIfJudged();
        String lookups = share.isPresent()
                ? String.format(Locale.ROOT, "%d find_node judged, %.2f%% exact", s.judgedLookups(), 100 * share.getAsDouble())
                + (recall.isPresent() ? String.format(Locale.ROOT, ", mean recall %.2f%%", 100 * recall.getAsDouble()) : "")
                : "no find_node lookup judged";
        OptionalDouble found = s.findValueSuccessIfAny();
        return found.isPresent()
                ? lookups + String.format(Locale.ROOT, ", find_value found %d of %d (%.2f%%)", s.findValuesFound(),
                        s.findValues(), 100 * found.getAsDouble())
                : lookups;
    }

    /** Why {@code p} is not UTF-8 text, or null when it is (or cannot be read: the reader says why). */
    static String notUtf8Text(Path p) {
        if (!Files.isRegularFile(p)) {
            return null;
        }
        try (Reader in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            CharBuffer buf = CharBuffer.allocate(8192);
            while (in.read(buf) >= 0) {
                buf.clear();
            }
            return null;
        } catch (CharacterCodingException e) {
            return p + ": not UTF-8 text (a scenario is a YAML text file saved as UTF-8; is this a binary file?)";
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Why {@code p} cannot be written, or null when it can: its folder must exist and be a folder, the
     * path must not be a folder, and opening it for writing must succeed. The probe neither truncates
     * an existing file nor leaves a new one behind.
     */
    static String checkWritable(Path p, String option) {
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null && !Files.exists(parent)) {
            return option + " " + p + ": the folder " + parent + " does not exist";
        }
        if (parent != null && !Files.isDirectory(parent)) {
            return option + " " + p + ": " + parent + " is a file, not a folder";
        }
        if (Files.isDirectory(p)) {
            return option + " " + p + ": is a folder, not a file";
        }
        boolean existed = Files.exists(p);
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            return null;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return option + " " + p + ": cannot be written (" + reason(e) + ")";
        } finally {
            if (!existed) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // the probe could not create it either
                }
            }
        }
    }

    private static String cannotWrite(String option, Path p, IOException e) {
        return option + " " + p + ": cannot be written (" + reason(e) + ")";
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the file cannot be created there";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return oneLine(f.getReason());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private int badInput(String message) {
        spec.commandLine().getErr().println("kadlab run: " + oneLine(message));
        return KadLabCommand.BAD_INPUT;
    }
}
