package org.kadlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.LookupMode;
import org.kadlab.sim.Comparison;
import org.kadlab.sim.ComparisonResult;
import org.kadlab.sim.SimConfig;

/** kadlab compare: the engine's totals printed, CSV and JSON that agree with them, one-line refusals with exit 2. */
class CompareCommandTest {
    @TempDir
    Path dir;


    @Test
    @DisplayName("two configurations: the totals table is the engine's, the CSV is the engine's, the JSON carries the same totals")
    void totalsCsvAndJson() throws Exception {
        Path csv = dir.resolve("c.csv");
        Path json = dir.resolve("c.json");
        CliRun r = CliRun.kadlab("compare", "--nodes", "40", "--bits", "16", "--k", "4", "--lookups", "12", "--seed", "5",
                "--config", "A", "--config", "slow:alpha=1,mode=rounds,loss=0.02,retries=1", "--csv", csv.toString(),
                "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();

        SimConfig base = SimConfig.defaults().withSeed(5).withKad(KadConfig.builder().bits(16).k(4).alpha(3).build())
                .withHistoryCapacity(0);
        Comparison.Setup a = Comparison.Setup.of("A", base);
        List<Comparison.Setup> setups = List.of(a, a.withName("slow").withAlpha(1).withMode(LookupMode.ROUNDS).withLoss(0.02)
                .withRpcRetries(1));
        ComparisonResult engine = Comparison.run(Comparison.Request.random(base, 40, setups, 12), () -> false, p -> { });
        assertThat(r.out()).contains(engine.totalsTable());
        assertThat(r.out()).contains("found other nodes: " + engine.disagreements() + " of 12");
        StringBuilder expected = new StringBuilder();
        engine.writeCsv(expected);
        assertThat(Files.readString(csv)).isEqualTo(expected.toString());

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.path("configs")).hasSize(2);
        for (int c = 0; c < 2; c++) {
            JsonNode cfg = root.path("configs").get(c);
            assertThat(cfg.path("name").asText()).isEqualTo(engine.names().get(c));
            assertThat(cfg.path("rpcs").asLong()).isEqualTo(engine.totals(c).rpcs());
            assertThat(cfg.path("exact").asInt()).isEqualTo(engine.totals(c).exact());
        }
        assertThat(root.path("rows")).hasSize(12);
        assertThat(root.path("configs").get(1).path("mode").asText()).isEqualTo("rounds");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--lookups=0|lookups must be between 1 and 1000, was 0",
        "--nodes=abc|'abc' is not an int",
        "--config=A --config=B --config=C --config=D --config=E|compare 2 to 4 configurations, got 5",
        "--config=A --config=B:beta=2|unknown knob 'beta'",
        "--config=A --config=B:alpha=0|B: alpha must be between 1 and",
        "--config=A --config=B:loss=1.5|B: loss must be in [0, 1), was 1.5",
        "--config=A --config=:alpha=1|start with a name",
        "--config=A --config=B:mode=fast|mode: 'fast' is not sliding, rounds or seed_rounds",
        "--config=A --config=B:alpha=x|alpha: 'x' is not a number",
        "--preset=gamma|unknown preset 'gamma'",
        "--config=A --preset=alpha|either --preset or --config",
        "--csv=/no/such/folder/x.csv|does not exist",
        "--config=A --config=A|two configurations are called 'A'"})
    @DisplayName("every bad option exits 2 with one line naming the command and what is wrong")
    void badOptionsExitTwoWithOneLine(String args, String says) {
        String[] extra = args.split(" ");
        String[] all = new String[3 + extra.length];
        all[0] = "compare";
        all[1] = "--nodes=10";
        all[2] = "--bits=16";
        System.arraycopy(extra, 0, all, 3, extra.length);
        CliRun r = CliRun.kadlab(all);
        assertThat(r.code()).isEqualTo(KadLabCommand.BAD_INPUT);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("kadlab compare").contains(says);
        assertThat(r.out()).isEmpty();
    }
}
