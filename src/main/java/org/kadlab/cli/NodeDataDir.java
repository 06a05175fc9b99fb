package org.kadlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.RecordStore;
import org.kadlab.net.NodeHost;

/**
 * A node's data directory: {@value #ID_FILE} keeps its id (so that a restarted node keeps it) and
 * {@value #RECORDS_FILE} the records it holds (key id, value, absolute expiry in ms since the epoch).
 * Files are replaced atomically; a malformed file is reported with its path and what is wrong.
 */
final class NodeDataDir {
    static final String ID_FILE = "node.json";
    static final String RECORDS_FILE = "records.json";
    /** Largest records file read (a full store of large values stays below this). */
    static final long MAX_FILE_BYTES = 256L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One saved record. */
    record Saved(NodeId key, String value, long expiresAtMs) {
    }

    private final Path dir;

    private NodeDataDir(Path dir) {
        this.dir = dir;
    }

    /** Opens (and creates when missing) the directory. */
    static NodeDataDir open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("--data-dir " + dir + ": cannot be created (" + e.getMessage() + ")");
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IllegalArgumentException("--data-dir " + dir + ": not a writable folder");
        }
        return new NodeDataDir(dir);
    }

    Path dir() {
        return dir;
    }

    /** The saved id, or null when none was saved. */
    NodeId readId(KeySpace space) {
        Path f = dir.resolve(ID_FILE);
        JsonNode root = read(f);
        if (root == null) {
            return null;
        }
        JsonNode bits = root.get("bits");
        JsonNode id = root.get("id");
        if (bits == null || !bits.canConvertToInt() || id == null || !id.isTextual()) {
            throw bad(f, "expected {\"bits\": <number>, \"id\": \"<hex>\"}");
        }
        if (bits.asInt() != space.bits()) {
            throw bad(f, "the saved id has " + bits.asInt() + " bits but the node runs with --bits " + space.bits()
                    + " (give --bits " + bits.asInt() + ", or another --data-dir)");
        }
        try {
            return CliInputs.parseId(space, id.asText(), "the saved id");
        } catch (IllegalArgumentException e) {
            throw bad(f, e.getMessage());
        }
    }

    void writeId(KeySpace space, NodeId id) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("bits", space.bits()).put("id", space.hex(id));
        write(dir.resolve(ID_FILE), root);
    }

    /** The saved records (expired ones included; the caller drops those). */
    List<Saved> readRecords(KeySpace space) {
        Path f = dir.resolve(RECORDS_FILE);
        JsonNode root = read(f);
        List<Saved> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        JsonNode list = root.get("records");
        if (list == null || !list.isArray()) {
            throw bad(f, "expected {\"records\": [...]}");
        }
        int i = 0;
        for (JsonNode r : list) {
            JsonNode key = r.get("key");
            JsonNode value = r.get("value");
            JsonNode exp = r.get("expiresAtMs");
            if (key == null || !key.isTextual() || value == null || !value.isTextual() || exp == null || !exp.canConvertToLong()) {
                throw bad(f, "record " + i + " needs \"key\" (hex), \"value\" (text) and \"expiresAtMs\" (a number)");
            }
            try {
                out.add(new Saved(CliInputs.parseId(space, key.asText(), "record " + i + " key"), value.asText(), exp.asLong()));
            } catch (IllegalArgumentException e) {
                throw bad(f, e.getMessage());
            }
            i++;
        }
        return out;
    }

    void writeRecords(KeySpace space, List<Saved> records) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("records");
        for (Saved s : records) {
            list.addObject().put("key", space.hex(s.key())).put("value", s.value()).put("expiresAtMs", s.expiresAtMs());
        }
        write(dir.resolve(RECORDS_FILE), root);
    }

    /** The records {@code host} holds now, read on its thread, with absolute expiry times. */
    static CompletableFuture<List<Saved>> snapshot(NodeHost host) {
        return host.inspect(n -> {
            long now = host.nowMillis();
            long wall = System.currentTimeMillis();
            List<Saved> out = new ArrayList<>();
            for (RecordStore.StoredRecord r : n.recordStore().records()) {
                if (r.expiresAt() > now) {
                    out.add(new Saved(r.key(), r.value(), wall + (r.expiresAt() - now)));
                }
            }
            return out;
        });
    }

    /** Puts the records not yet expired back into {@code host}'s store with their remaining time; completes with how many. */
    static CompletableFuture<Integer> restore(NodeHost host, List<Saved> saved) {
        return host.inspect(n -> {
            long now = host.nowMillis();
            long wall = System.currentTimeMillis();
            int restored = 0;
            for (Saved s : saved) {
                long remaining = s.expiresAtMs() - wall;
                if (remaining > 0 && n.recordStore().put(s.key(), s.value(), now, remaining,
                        now + n.config().holderRepublishMs()) != RecordStore.PutResult.FULL) {
                    restored++;
                }
            }
            return restored;
        });
    }

    private static JsonNode read(Path f) {
        if (!Files.exists(f)) {
            return null;
        }
        try {
            if (Files.size(f) > MAX_FILE_BYTES) {
                throw bad(f, "larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
            }
            JsonNode root = JSON.readTree(f.toFile());
            if (root == null || !root.isObject()) {
                throw bad(f, "not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw bad(f, "not valid JSON (" + CliInputs.oneLine(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw bad(f, "cannot be read (" + CliInputs.oneLine(e.getMessage()) + ")");
        }
    }

    private static void write(Path f, JsonNode root) throws IOException {
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
        try {
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static IllegalArgumentException bad(Path f, String what) {
        return new IllegalArgumentException("data file " + f + ": " + what);
    }
}
