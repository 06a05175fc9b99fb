package org.kadlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The shipped churn demo: it measures recall and find_value success through the churn, and its report keeps the contract. */
class ChurnDemoTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("churn.yaml stores records, churns with a workload and sampling, and says how recall and find_value fared")
    void churnDemoReportsRecallAndFindValueSuccessDuringChurn() throws Exception {
        Path report = dir.resolve("churn.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = KadLabCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("run", "assets/scenarios/churn.yaml", "--report", report.toString());
        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(out.toString().lines().toList()).hasSize(1).first().asString()
                .containsPattern("during churn: \\d+ lookups, mean recall \\d+\\.\\d\\d% \\(\\d+\\.\\d\\d% exact\\), "
                        + "find_value found \\d+ of \\d+ \\(\\d+\\.\\d\\d%\\), each record held by at least \\d+ of its true 20 closest");

        JsonNode churn = new ObjectMapper().readTree(report.toFile()).get("churn").get(0);
        JsonNode w = churn.get("workload");
        assertThat(w.get("lookups").asInt()).as("lookups during the churn").isGreaterThan(100);
        assertThat(w.get("find_values").asInt()).as("find_values during the churn").isGreaterThan(100);
        assertThat(churn.get("durability").get("samples").size()).as("every 20 minutes for 4 hours, and the start").isEqualTo(13);
        assertThat(churn.get("durability").get("samples").get(0).get("keys").asInt()).as("the records stored first").isEqualTo(5);
        checkContract(report);
    }

    /** The shared report checker, when python3 and the checker are at hand (see CommandLineTest). */
    private static void checkContract(Path report) throws Exception {
        Optional<Path> python = Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(p -> java.util.Arrays.stream(p.split(File.pathSeparator)))
                .map(d -> Path.of(d, "python3")).filter(Files::isExecutable).findFirst();
        String named = System.getenv("KADLAB_REPORT_CHECKER");
        Path checker = named == null || named.isBlank() ? Path.of("..", "shared", "tools", "check-report.py") : Path.of(named);
        Assumptions.assumeTrue(python.isPresent(), "python3 is not on the PATH");
        Assumptions.assumeTrue(Files.isRegularFile(checker), "check-report.py is not at hand");
        Process p = new ProcessBuilder(python.get().toString(), checker.toString(), report.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("check-report.py says:%n%s", said).isZero();
    }
}
