package org.kadlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.kadlab.sim.ExactnessSweep;
import org.kadlab.sim.ResilienceSweep;
import org.kadlab.sim.Shard;

/**
 * The partial result a shard of a sweep writes, and its reading back for {@code kadlab merge}: the
 * command, the whole grid (so that shards of different grids are never merged), which shard, and
 * each unit's raw counts (not shares), so that merged shards give exactly the numbers of one run.
 */
final class PartialResults {
    /** The format's version, written in every file. */
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PartialResults() {
    }

    /** A partial result read back. */
    sealed interface Part {
        String command();

        Shard shard();

        Path file();

        /** The grid, to compare shards by. */
        Object grid();

        /** Each unit's result, by unit number. */
        Map<Integer, ?> results();

        /** The units this shard ran. */
        default java.util.Set<Integer> units() {
            return results().keySet();
        }
    }

    record ExactnessPart(Path file, Shard shard, ExactnessCommand.Grid grid, SortedMap<Integer, ExactnessSweep.Result> results)
            implements Part {
        @Override
        public String command() {
            return "exactness";
        }
    }

    record ResiliencePart(Path file, Shard shard, ResilienceSweep.Grid grid, SortedMap<Integer, List<ResilienceSweep.Tally>> results)
            implements Part {
        @Override
        public String command() {
            return "resilience";
        }
    }

    static void writeExactness(Path file, ExactnessCommand.Grid grid, Shard shard,
                               Map<Integer, ExactnessSweep.Result> units) throws IOException {
        write(file, "exactness", grid, shard, units);
    }

    static void writeResilience(Path file, ResilienceSweep.Grid grid, Shard shard,
                                Map<Integer, List<ResilienceSweep.Tally>> units) throws IOException {
        write(file, "resilience", grid, shard, units);
    }

    private static void write(Path file, String command, Object grid, Shard shard, Map<Integer, ?> units) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("kadlab_partial", VERSION);
        root.put("command", command);
        root.put("shard", shard.toString());
        root.set("grid", JSON.valueToTree(grid));
        root.set("units", JSON.valueToTree(units));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), root);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Reads one partial result.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    static Part read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not a partial result (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read it (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject() || root.path("kadlab_partial").asInt(-1) != VERSION) {
            throw new IllegalArgumentException(file + ": not a KadLab partial result of version " + VERSION);
        }
        Shard shard;
        try {
            shard = Shard.parse(root.path("shard").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage().replace("--shard", "shard"));
        }
        String command = root.path("command").asText("");
        try {
            return switch (command) {
                case "exactness" -> new ExactnessPart(file, shard, JSON.treeToValue(root.get("grid"), ExactnessCommand.Grid.class),
                        new TreeMap<>(JSON.convertValue(root.get("units"),
                                new TypeReference<Map<Integer, ExactnessSweep.Result>>() { })));
                case "resilience" -> new ResiliencePart(file, shard, JSON.treeToValue(root.get("grid"), ResilienceSweep.Grid.class),
                        new TreeMap<>(JSON.convertValue(root.get("units"),
                                new TypeReference<Map<Integer, List<ResilienceSweep.Tally>>>() { })));
                default -> throw new IllegalArgumentException(file + ": unknown command '" + command
                        + "' (exactness or resilience)");
            };
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith(file.toString())) {
                throw iae;
            }
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(e.getMessage());
            throw new IllegalArgumentException(file + ": a malformed " + command + " partial result (" + why.replaceAll("\\s*\\R\\s*", " ") + ")");
        }
    }
}
