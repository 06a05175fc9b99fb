package org.kadlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** kadlab resilience: one table row per phase of every cell, CSV and JSON that agree with it, determinism, one-line refusals. */
class ResilienceCommandTest {
    @TempDir
    Path dir;


    /** The table's data rows: the lines between the header and the targets. */
    private static List<String[]> tableRows(String out) {
        List<String[]> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : out.lines().toList()) {
            if (line.startsWith("scenario ")) {
                inTable = true;
            } else if (line.startsWith("target:")) {
                break;
            } else if (inTable) {
                // scenario and phase may hold one space ("loss 1%", "right after"): they sit in fixed columns
                String[] rest = line.substring(31).trim().split("\\s+");
                String[] row = new String[2 + rest.length];
                row[0] = line.substring(0, 18).trim();
                row[1] = line.substring(19, 30).trim();
                System.arraycopy(rest, 0, row, 2, rest.length);
                rows.add(row);
            }
        }
        return rows;
    }

    private static String pct(JsonNode share) {
        return share.isNull() ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * share.asDouble());
    }

    @Test
    @DisplayName("--quick: one row per phase of every cell, CSV and JSON agree with the table, loss 0 on a static network is exact")
    void quickGridTableCsvAndJsonAgree() throws IOException {
        Path csv = dir.resolve("r.csv");
        Path json = dir.resolve("r.json");
        CliRun r = CliRun.kadlab("resilience", "--quick", "--threads", "2", "--csv", csv.toString(), "--json", json.toString());
        assertThat(r.code()).as("stderr: %s", r.err()).isZero();
        // 3 losses x 4 knob sets (one phase) + 1 kill share x 4 (two phases) + churn x 4 (two phases)
        List<String[]> rows = tableRows(r.out());
        assertThat(rows).hasSize(12 + 8 + 8);
        assertThat(r.err().lines()).as("a progress line per cell and seed").hasSize(20 * 2)
                .allMatch(l -> l.matches("resilience: \\d+/40 done \\(.+, seed [12]\\), \\d+ s"));

        List<String> csvLines = Files.readAllLines(csv);
        assertThat(csvLines.get(0)).isEqualTo(String.join(",", ResilienceTable.COLUMNS));
        JsonNode jsonRows = new ObjectMapper().readTree(json.toFile()).get("rows");
        assertThat(csvLines).hasSize(rows.size() + 1);
        assertThat(jsonRows.size()).isEqualTo(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] t = rows.get(i);
            JsonNode j = jsonRows.get(i);
            assertThat(csvLines.get(i + 1)).as("CSV row %d", i)
                    .startsWith("\"" + t[0] + "\",\"" + t[1] + "\",\"" + t[2] + "\",");
            assertThat(List.of(j.get("scenario").asText(), j.get("phase").asText(), j.get("knobs").asText()))
                    .containsExactly(t[0], t[1], t[2]);
            assertThat(j.get("lookups").asText()).isEqualTo(t[3]);
            assertThat(pct(j.get("exact_share"))).as("exact of row %d", i).isEqualTo(t[4]);
            assertThat(pct(j.get("mean_recall"))).as("recall of row %d", i).isEqualTo(t[5]);
            assertThat(j.get("find_values").asText()).isEqualTo(t[6]);
            assertThat(pct(j.get("found_share"))).as("find_value of row %d", i).isEqualTo(t[7]);
            assertThat(j.get("found").asLong() + j.get("find_value_no_copy").asLong() + j.get("find_value_missed").asLong())
                    .as("every find_value of a measured phase is found, or failed for one of two reasons")
                    .isEqualTo(t[1].equals("during") ? j.get("found").asLong() : j.get("find_values").asLong());
            String[] csvCells = csvLines.get(i + 1).split(",", -1);
            assertThat(csvCells[ResilienceTable.COLUMNS.indexOf("exact")]).isEqualTo(j.get("exact").asText());
            assertThat(csvCells[ResilienceTable.COLUMNS.indexOf("found")]).isEqualTo(j.get("found").asText());
            if (t[0].equals("loss 0%")) {
                assertThat(j.get("exact_share").asDouble()).as("%s with %s: every node answers, every lookup is exact", t[0], t[2])
                        .isEqualTo(1.0);
                assertThat(t[4]).isEqualTo("100.00%");
            }
            if (t[1].equals("during")) {
                assertThat(j.get("rpcs_per_lookup").isNull()).as("the background workload's requests are not counted").isTrue();
                assertThat(t[9]).isEqualTo("-");
            }
        }
        assertThat(r.out()).contains("target: loss 1%").doesNotContain("NaN");
    }

    @Test
    @DisplayName("the same seeds give the same table, CSV and JSON to the byte, on one thread or two")
    void sameSeedsGiveIdenticalOutput() throws IOException {
        String[] grid = {"resilience", "--quick", "--nodes", "40", "--scenarios", "static,kill", "--knobs", "paper,retries1", "--loss", "0.01"};
        CliRun one = run(grid, "1", "a");
        CliRun two = run(grid, "2", "b");
        assertThat(one.code()).isZero();
        assertThat(two.out()).isEqualTo(one.out());
        assertThat(Files.readAllBytes(dir.resolve("b.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("a.csv")));
        assertThat(Files.readAllBytes(dir.resolve("b.json"))).isEqualTo(Files.readAllBytes(dir.resolve("a.json")));
        assertThat(tableRows(one.out())).hasSize(2 + 4);
    }

    private CliRun run(String[] grid, String threads, String name) {
        List<String> args = new ArrayList<>(List.of(grid));
        args.addAll(List.of("--threads", threads, "--csv", dir.resolve(name + ".csv").toString(), "--json",
                dir.resolve(name + ".json").toString()));
        return CliRun.kadlab(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--nodes 1|--nodes",
        "--nodes many|--nodes",
        "--seeds 0|--seeds",
        "--k 0|--k",
        "--alpha 0|--alpha",
        "--bits 8 --nodes 1000|--nodes",
        "--records 0|--records",
        "--lookups -1|--lookups",
        "--loss 0,1.5|--loss",
        "--loss x|--loss",
        "--kill -0.1|--kill",
        "--kill-loss 1|--kill-loss",
        "--knobs paper,fast|--knobs",
        "--churn-knobs paper,paper|--churn-knobs",
        "--scenarios static,static|--scenarios",
        "--scenarios storms|--scenarios",
        "--churn-median 2|--churn-median",
        "--churn-model normal|--churn-model",
        "--churn-model pareto --churn-shape 0.5|--churn-shape",
        "--churn-duration 0s|--churn-duration",
        "--churn-duration 30d --sample-every 1m|--sample-every",
        "--churn-lookups-per-hour -1|--churn-lookups-per-hour",
        "--churn-loss NaN|--churn-loss",
        "--threads 0|--threads",
        "--csv /proc/r.csv|--csv",
        "--json missing-folder/r.json|--json",
        "--frobnicate|--frobnicate",
    })
    @DisplayName("a bad option exits 2 with one line naming it, before anything runs")
    void badOptionsExitTwoWithOneLine(String options, String named) {
        List<String> args = new ArrayList<>(List.of("resilience", "--quick"));
        for (String o : options.split(" ")) {
            args.add(o.replace("missing-folder", dir.resolve("missing-folder").toString()));
        }
        CliRun r = CliRun.kadlab(args.toArray(String[]::new));
        assertThat(r.code()).as("exit code for %s; stderr %s", options, r.err()).isEqualTo(2);
        assertThat(r.err().lines().toList()).as("stderr for %s", options).hasSize(1);
        assertThat(r.err()).startsWith("kadlab resilience: ").contains(named).doesNotContain("Exception");
        assertThat(r.out()).as("nothing ran").isEmpty();
    }
}
