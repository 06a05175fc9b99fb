package org.kadlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code node}, {@code cluster} and {@code ctl} exits 2 with one line naming what is
 * wrong (before anything starts); an unreachable node exits 1 with one line; the node log keeps
 * its bound and reports what it skipped.
 */
class NetCommandsTest {
    @TempDir
    Path dir;


    private static void assertBadInput(CliRun r, String... fragments) {
        assertThat(r.code()).as(r.err()).isEqualTo(KadLabCommand.BAD_INPUT);
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void aListenAddressThatIsNotHostAndPortIsRefused() {
        assertBadInput(CliRun.kadlab("node", "--listen", "localhost"), "--listen 'localhost' is not HOST:PORT");
        assertBadInput(CliRun.kadlab("node", "--listen", "127.0.0.1:70000"), "--listen '127.0.0.1:70000'", "0..65535");
        assertBadInput(CliRun.kadlab("node", "--listen", "127.0.0.1:x"), "the port 'x' is not a number");
    }

    @Test
    void aNonLoopbackListenNeedsAllowRemote() {
        // 192.0.2.1 is a documentation address: nothing is resolved or bound
        assertBadInput(CliRun.kadlab("node", "--listen", "192.0.2.1:7000"), "192.0.2.1:7000 is not a loopback address", "--allow-remote");
    }

    @Test
    void aMalformedIdIsRefusedNamingTheOption() {
        assertBadInput(CliRun.kadlab("node", "--listen", "127.0.0.1:0", "--id", "xyz"), "--id 'xyz' is not an id");
        assertBadInput(CliRun.kadlab("node", "--listen", "127.0.0.1:0", "--bits", "16", "--id", "12345"), "--id '12345'", "16-bit id");
        assertBadInput(CliRun.kadlab("node", "--listen", "127.0.0.1:0", "--bootstrap", "zz@127.0.0.1:7000"), "--bootstrap id 'zz'");
        assertBadInput(CliRun.kadlab("ctl", "--node", "127.0.0.1:7000", "find-node", "12g4"), "find-node ID '12g4' is not an id");
    }

    @Test
    void aBadTokenFileIsRefusedNamingTheFile() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty-token"), "  \n");
        assertBadInput(CliRun.kadlab("node", "--listen", "127.0.0.1:0", "--token-file", empty.toString()),
                "--token-file " + empty, "the token is empty");
        Path missing = dir.resolve("no-such-token");
        assertBadInput(CliRun.kadlab("ctl", "--node", "127.0.0.1:7000", "--token-file", missing.toString(), "ping"),
                "--token-file " + missing, "not a readable file");
    }

    @Test
    void malformedDataDirFilesAreRefusedNamingTheFileAndTheProblem() throws IOException {
        Path d1 = Files.createDirectories(dir.resolve("d1"));
        Files.writeString(d1.resolve(NodeDataDir.ID_FILE), "{\"bits\": 160, \"id\": ");
        assertBadInput(CliRun.kadlab("node", "--listen", "127.0.0.1:0", "--data-dir", d1.toString()),
                d1.resolve(NodeDataDir.ID_FILE).toString(), "not valid JSON");

        Path d2 = Files.createDirectories(dir.resolve("d2"));
        Files.writeString(d2.resolve(NodeDataDir.ID_FILE), "{\"bits\": 32, \"id\": \"0000abcd\"}");
        assertBadInput(CliRun.kadlab("node", "--listen", "127.0.0.1:0", "--data-dir", d2.toString()),
                d2.resolve(NodeDataDir.ID_FILE).toString(), "32 bits but the node runs with --bits 160");

        Path d3 = Files.createDirectories(dir.resolve("d3"));
        Files.writeString(d3.resolve(NodeDataDir.RECORDS_FILE), "{\"records\": [{\"key\": \"ab\", \"value\": 3}]}");
        assertBadInput(CliRun.kadlab("node", "--listen", "127.0.0.1:0", "--bits", "32", "--data-dir", d3.toString()),
                d3.resolve(NodeDataDir.RECORDS_FILE).toString(), "record 0 needs");
    }

    @Test
    void clusterBoundsAndBusyPortsAreRefused() throws IOException {
        assertBadInput(CliRun.kadlab("cluster", "--nodes", "0", "--base-port", "7000"), "--nodes must be 1..200");
        assertBadInput(CliRun.kadlab("cluster", "--nodes", "201", "--base-port", "7000"), "--nodes must be 1..200");
        assertBadInput(CliRun.kadlab("cluster", "--nodes", "3", "--base-port", "65534"), "ports must be 1..65535");
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = busy.getLocalPort();
            assertBadInput(CliRun.kadlab("cluster", "--nodes", "2", "--base-port", String.valueOf(port - 1),
                    "--control-port", String.valueOf(port - 2)), "port " + port + " on 127.0.0.1 is busy");
        }
    }

    @Test
    void ctlChecksItsOperationAndSaysWhenANodeCannotBeReached() throws IOException {
        assertBadInput(CliRun.kadlab("ctl", "ping"), "exactly one of --node");
        assertBadInput(CliRun.kadlab("ctl", "--node", "127.0.0.1:7000", "frobnicate"), "unknown operation 'frobnicate'");
        assertBadInput(CliRun.kadlab("ctl", "--node", "127.0.0.1:7000", "store", "only-key"), "store takes 2 arguments");
        assertBadInput(CliRun.kadlab("ctl", "--cluster", "127.0.0.1:7000", "kill", "two"), "node index 'two'");
        int port;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            port = s.getLocalPort();
        }
        CliRun r = CliRun.kadlab("ctl", "--node", "127.0.0.1:" + port, "--timeout-ms", "5000", "ping");
        assertThat(r.code()).as(r.err()).isEqualTo(KadLabCommand.INTERNAL_ERROR);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("kadlab ctl: cannot reach 127.0.0.1:" + port + ": ").doesNotContain("Exception");
    }

    @Test
    void theNodeLogPrintsAtMostItsBoundPerSecondAndCountsTheRest() {
        StringWriter sw = new StringWriter();
        AtomicLong now = new AtomicLong(10_000);
        NodeLog log = new NodeLog(new PrintWriter(sw, true), new org.kadlab.kad.KeySpace(16), 5, now::get, () -> { });
        for (int i = 0; i < 12; i++) {
            log.line("event " + i);
        }
        assertThat(log.skipped()).isEqualTo(7);
        now.addAndGet(1_000);
        log.line("later");
        List<String> lines = new ArrayList<>(sw.toString().lines().map(l -> l.substring(l.indexOf(' ') + 1)).toList());
        assertThat(lines).containsExactly("event 0", "event 1", "event 2", "event 3", "event 4", "(7 lines skipped)", "later");
    }
}
