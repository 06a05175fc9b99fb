package org.kadlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.RecordStore;
import org.kadlab.kad.StoreResult;
import picocli.CommandLine;

/**
 * A node started by the {@code node} command with {@code --data-dir} comes back after a stop with
 * the same id and the records it held; {@code --id} overrides the saved id; port 0 is reported as
 * the port really taken.
 */
class NodeDataDirTest {
    @TempDir
    Path dir;

    private final List<RunningNode> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(RunningNode::close);
    }

    private RunningNode start(StringWriter log, String... extra) {
        List<String> args = new ArrayList<>(List.of("node", "--listen", "127.0.0.1:0", "--bits", "32",
                "--rpc-timeout-ms", "500", "--data-dir", dir.resolve("data").toString()));
        args.addAll(List.of(extra));
        CommandLine.ParseResult parsed = KadLabCommand.commandLine().parseArgs(args.toArray(String[]::new));
        NodeCommand command = (NodeCommand) parsed.subcommand().commandSpec().userObject();
        RunningNode node = command.start(new PrintWriter(log, true));
        started.add(node);
        return node;
    }

    private static RecordStore.StoredRecord held(RunningNode node, NodeId key) throws Exception {
        return node.host().inspect(n -> n.recordStore().get(key, node.host().nowMillis())).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRestartedNodeKeepsItsIdAndItsRecords() throws Exception {
        StringWriter log1 = new StringWriter();
        RunningNode first = start(log1);
        NodeId id = first.host().self().id();
        assertThat(log1.toString()).contains("listening on 127.0.0.1:" + first.host().port() + " as "
                + new KeySpace(32).hex(id));
        assertThat(first.host().port()).isPositive();

        StoreResult stored = first.host().store("greeting", "hello").get(10, TimeUnit.SECONDS);
        assertThat(stored.storedLocally()).isTrue();
        NodeId key = new KeySpace(32).keyId("greeting");
        first.close();
        assertThat(Files.readString(dir.resolve("data").resolve(NodeDataDir.RECORDS_FILE)))
                .contains(new KeySpace(32).hex(key)).contains("hello");

        StringWriter log2 = new StringWriter();
        RunningNode second = start(log2);
        assertThat(second.host().self().id()).isEqualTo(id);
        RecordStore.StoredRecord back = held(second, key);
        assertThat(back).isNotNull();
        assertThat(back.value()).isEqualTo("hello");
        assertThat(log2.toString()).contains("1 of 1 saved records restored");
        second.close();

        RunningNode third = start(new StringWriter(), "--id", "0000beef");
        assertThat(third.host().self().id()).isEqualTo(NodeId.of(0xbeef));
        assertThat(held(third, key).value()).isEqualTo("hello");
    }

    @Test
    void expiredRecordsAreNotRestored() throws Exception {
        KeySpace space = new KeySpace(32);
        NodeDataDir data = NodeDataDir.open(dir.resolve("data"));
        NodeId live = space.keyId("live");
        NodeId gone = space.keyId("gone");
        long now = System.currentTimeMillis();
        data.writeRecords(space, List.of(new NodeDataDir.Saved(live, "yes", now + 3_600_000),
                new NodeDataDir.Saved(gone, "no", now - 1_000)));
        RunningNode node = start(new StringWriter());
        assertThat(held(node, live).value()).isEqualTo("yes");
        assertThat(held(node, gone)).isNull();
        assertThat(node.host().inspect(n -> n.recordStore().size()).get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }
}
