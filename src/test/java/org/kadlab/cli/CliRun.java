package org.kadlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** One run of the {@code kadlab} command line in this JVM, with its exit code and what it printed. */
record CliRun(int code, String out, String err) {

    /** Runs {@code kadlab args...} with KadLab's exit codes and error printing, capturing both streams. */
    static CliRun kadlab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = KadLabCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The error output, a line each. */
    List<String> errLines() {
        return err.lines().toList();
    }
}
