package org.kadlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps split into shards: three shards merged print exactly the table of one whole run (exactness
 * and resilience), and merge refuses a missing shard, a shard given twice, shards of another grid
 * and a malformed file, naming the file.
 */
class ShardMergeTest {
    @TempDir
    Path dir;


    private static String[] with(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private List<String> shards(String[] base, String command, int n) {
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String file = dir.resolve(command + "-" + i + ".json").toString();
            CliRun r = CliRun.kadlab(with(base, "--shard", i + "/" + n, "--partial", file));
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("shard " + i + "/" + n);
            files.add(file);
        }
        return files;
    }

    @Test
    void threeExactnessShardsMergeIntoTheWholeRunsTable() {
        String[] base = {"exactness", "--seeds", "2", "--nodes", "24", "--lookups", "6", "--bits", "16", "--k", "2,4",
                "--alpha", "1,3"};
        CliRun whole = CliRun.kadlab(base);
        assertThat(whole.code()).isZero();
        List<String> files = shards(base, "exactness", 3);
        CliRun merged = CliRun.kadlab(with(new String[] {"merge"}, files.toArray(String[]::new)));
        assertThat(merged.code()).as(merged.err()).isZero();
        assertThat(merged.out()).isEqualTo(whole.out()).contains("k >= 4:");
    }

    @Test
    void threeResilienceShardsMergeIntoTheWholeRunsTableAndFiles() throws Exception {
        String[] base = {"resilience", "--quick", "--nodes", "20", "--seeds", "2", "--lookups", "3", "--find-values", "3",
                "--records", "2", "--scenarios", "static,kill", "--knobs", "paper,retries1", "--loss", "0,0.05"};
        Path wholeCsv = dir.resolve("whole.csv");
        CliRun whole = CliRun.kadlab(with(base, "--csv", wholeCsv.toString()));
        assertThat(whole.code()).as(whole.err()).isZero();
        List<String> files = shards(base, "resilience", 3);
        Path mergedCsv = dir.resolve("merged.csv");
        List<String> args = new ArrayList<>(List.of("merge", "--csv", mergedCsv.toString()));
        args.addAll(files);
        CliRun merged = CliRun.kadlab(args.toArray(String[]::new));
        assertThat(merged.code()).as(merged.err()).isZero();
        assertThat(merged.out()).isEqualTo(whole.out()).contains("kill 30%");
        assertThat(Files.readString(mergedCsv)).isEqualTo(Files.readString(wholeCsv));
    }

    @Test
    void mergeRefusesIncompleteForeignDuplicateOrMalformedShards() throws Exception {
        String[] base = {"exactness", "--seeds", "1", "--nodes", "10", "--lookups", "2", "--bits", "16", "--k", "4",
                "--alpha", "2"};
        List<String> files = shards(base, "exactness", 2);
        CliRun missing = CliRun.kadlab("merge", files.get(0));
        assertThat(missing.code()).isEqualTo(KadLabCommand.BAD_INPUT);
        assertThat(missing.err()).contains("shard 2/2 missing");

        CliRun twice = CliRun.kadlab("merge", files.get(0), files.get(0));
        assertThat(twice.code()).isEqualTo(KadLabCommand.BAD_INPUT);
        assertThat(twice.err()).contains("given twice");

        String other = dir.resolve("other.json").toString();
        String[] otherGrid = base.clone();
        otherGrid[4] = "12"; // --nodes
        assertThat(CliRun.kadlab(with(otherGrid, "--shard", "2/2", "--partial", other)).code()).isZero();
        CliRun foreign = CliRun.kadlab("merge", files.get(0), other);
        assertThat(foreign.code()).isEqualTo(KadLabCommand.BAD_INPUT);
        assertThat(foreign.err()).contains("other.json").contains("grid differs");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"kadlab_partial\": 1, \"command\": \"exactness\", \"shard\": \"1/1\", \"grid\": {\"nodes\": \"x\"}}");
        CliRun malformed = CliRun.kadlab("merge", bad.toString());
        assertThat(malformed.code()).isEqualTo(KadLabCommand.BAD_INPUT);
        assertThat(malformed.err()).contains("bad.json").contains("malformed exactness partial result");
        assertThat(malformed.err().lines().count()).isEqualTo(1);

        CliRun badShard = CliRun.kadlab(with(base, "--shard", "3/2"));
        assertThat(badShard.code()).isEqualTo(KadLabCommand.BAD_INPUT);
        assertThat(badShard.err()).contains("--shard");
    }
}
