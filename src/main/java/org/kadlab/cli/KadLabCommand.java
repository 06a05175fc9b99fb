package org.kadlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kadlab} command line: {@code run} a scenario into a report, {@code bench} the engine,
 * measure lookup {@code exactness} over many networks, {@code compare} configurations on one network,
 * measure {@code resilience} under loss, mass
 * failure and churn; run a real {@code node}, a loopback {@code cluster} of node processes, and
 * send one operation to either with {@code ctl}. Exit codes: 0 success, 2 bad input, 1
 * internal error.
 */
@Command(name = "kadlab", mixinStandardHelpOptions = true, version = "KadLab 0.1",
        description = "KadLab: a laboratory for the Kademlia DHT. Without a command the desktop app starts.",
        subcommands = {RunCommand.class, BenchCommand.class, ExactnessCommand.class, ResilienceCommand.class, CompareCommand.class,
                MergeCommand.class, NodeCommand.class, ClusterCommand.class, CtlCommand.class})
public final class KadLabCommand implements Runnable {
    /** Exit code for bad input: an unknown field, a wrong type, an impossible value, an unreadable file. */
    public static final int BAD_INPUT = 2;
    /** Exit code for an internal error. */
    public static final int INTERNAL_ERROR = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line wired with KadLab's exit codes and error printing. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new KadLabCommand());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            err.println("kadlab: internal error: " + ex);
            ex.printStackTrace(err);
            return INTERNAL_ERROR;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println(parameterError(ex));
            return BAD_INPUT;
        });
        return cl;
    }

    /**
     * A parameter error as the one promised line: the command, picocli's message (any line breaks
     * folded), a suggestion when picocli has one, and where to find the usage.
     */
    static String parameterError(CommandLine.ParameterException ex) {
        CommandLine at = ex.getCommandLine();
        String command = at.getCommandSpec().qualifiedName(" ");
        String message = String.valueOf(ex.getMessage()).replaceAll("\\s*\\R\\s*", " ").strip();
        String hint = "";
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            hint = " (did you mean " + String.join(" or ", u.getSuggestions().stream().map(x -> "'" + x + "'").toList()) + "?)";
        }
        return command + ": " + message + hint + "; see '" + command + " --help'";
    }

    /** Runs the command line and returns its exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }
}
