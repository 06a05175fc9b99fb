package org.kadlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kadlab command line: exit codes, one-line errors, the report's shape and rules, the event log, bench, exactness. */
class CommandLineTest {
    /** Refuses an object with a key twice: a reader would silently keep only one of them. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @TempDir
    Path dir;


    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** A small scenario whose membership does not change after its lookups, so the truth checks apply. */
    private static String goodScenario(int bits, long seed) {
        return """
                # a small network for the report checks
                seed: %d
                bits: %d
                k: 4
                alpha: 3
                lookup_mode: sliding
                latency_ms: [10, 40]
                check_invariants: true
                steps:
                  - add: 30
                  - lookups: 15
                  - lookup: {target: "0x3f"}
                  - store: {key: "greeting", value: "hello"}
                  - find_value: {key: "greeting"}
                  - find_value: {key: "nobody stored this"}
                """.formatted(seed, bits);
    }

    /** A scenario that exercises every kind of step, for the event log. */
    private static String busyScenario(long seed) {
        return """
                seed: %d
                bits: 16
                k: 4
                alpha: 2
                loss: 0.02
                refresh_interval: 2m
                record_ttl: 2m
                steps:
                  - add: 20
                  - lookups: 5
                  - store: {key: "a", value: "1"}
                  - kill: "20%%"
                  - lookups: 5
                  - revive: all
                  - advance: 150s
                  - churn: {model: exponential, mean_session: 3m, duration: 2m}
                  - find_value: {key: "a"}
                """.formatted(seed);
    }

    // ------------------------------------------------------------------ exit codes and error lines

    private static void assertOneLineError(CliRun r, String... fragments) {
        assertThat(r.code()).as("exit code for bad input; stderr: %s", r.err()).isEqualTo(KadLabCommand.BAD_INPUT);
        assertThat(r.errLines()).as("exactly one line on stderr").hasSize(1);
        assertThat(r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
    }

    @Test
    @DisplayName("run on a malformed scenario exits 2 with one line naming file:line and the field")
    void malformedScenarioExitsTwoWithOneLine() throws IOException {
        Path bad = write("bad.yaml", "seed: 1\nbits: 16\nalpah: 3\nsteps:\n  - add: 3\n");
        CliRun r = CliRun.kadlab("run", bad.toString(), "--report", dir.resolve("r.json").toString());
        assertOneLineError(r, bad + ":3:", "field 'alpah'", "did you mean 'alpha'");
        assertThat(dir.resolve("r.json")).as("no report for a refused scenario").doesNotExist();

        Path yaml = write("broken.yaml", "seed: 1\nlatency_ms: [10, 80\nk: 4\n");
        assertOneLineError(CliRun.kadlab("run", yaml.toString(), "--report", dir.resolve("r.json").toString()),
                yaml + ":2:", "field 'latency_ms'", "not valid YAML");
    }

    @Test
    @DisplayName("a missing scenario file, an unknown option, a missing --report and a report in a missing folder all exit 2")
    void badInvocationsExitTwo() throws IOException {
        Path missing = dir.resolve("missing.yaml");
        assertOneLineError(CliRun.kadlab("run", missing.toString(), "--report", dir.resolve("r.json").toString()),
                missing + ": no such file");

        Path good = write("good.yaml", goodScenario(8, 1));
        CliRun unknown = CliRun.kadlab("run", good.toString(), "--report", dir.resolve("r.json").toString(), "--bogus");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--bogus").doesNotContain("\tat ");

        CliRun noReport = CliRun.kadlab("run", good.toString());
        assertThat(noReport.code()).isEqualTo(2);
        assertThat(noReport.err()).contains("--report");

        Path nowhere = dir.resolve("no-such-folder").resolve("r.json");
        assertOneLineError(CliRun.kadlab("run", good.toString(), "--report", nowhere.toString()), "--report", "does not exist");
        assertOneLineError(CliRun.kadlab("run", good.toString(), "--report", dir.toString()), "--report", "is a folder");
        assertOneLineError(CliRun.kadlab("run", good.toString(), "--report", dir.resolve("r.json").toString(), "--events",
                nowhere.toString()), "--events", "does not exist");

        assertThat(CliRun.kadlab("frobnicate").code()).as("an unknown command").isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "run x.yaml", "run GOOD --report R --bogus", "run GOOD --report R --check-invariants=maybe",
            "bench", "bench --nodes many --lookups 1", "bench --nodes 5 --lookups 1 --k", "exactness --k a,b", "frobnicate",
            "--bogus"})
    @DisplayName("every parameter error prints exactly one line on stderr, naming the command and the help, and exits 2")
    void everyParameterErrorIsOneLine(String line) throws IOException {
        Path good = write("good.yaml", goodScenario(8, 1));
        String[] args = java.util.Arrays.stream(line.split(" "))
                .map(a -> a.equals("GOOD") ? good.toString() : a.equals("R") ? dir.resolve("r.json").toString() : a)
                .toArray(String[]::new);
        CliRun r = CliRun.kadlab(args);
        assertOneLineError(r, "kadlab", "--help'");
        assertThat(dir.resolve("r.json")).as("nothing ran").doesNotExist();
    }

    @Test
    @DisplayName("a report or event log whose folder is a file exits 2 with one line before the run, and leaves no file behind")
    void outputUnderAFileExitsTwoBeforeTheRun() throws IOException {
        Path good = write("good.yaml", goodScenario(8, 1));
        Path file = write("file.txt", "not a folder");
        Path report = dir.resolve("r.json");
        Path events = dir.resolve("e.jsonl");

        assertOneLineError(CliRun.kadlab("run", good.toString(), "--report", file.resolve("r.json").toString(), "--events",
                events.toString()), "--report", file + " is a file, not a folder");
        assertThat(events).as("refused before the run: no event was logged").doesNotExist();

        assertOneLineError(CliRun.kadlab("run", good.toString(), "--report", report.toString(), "--events",
                file.resolve("e.jsonl").toString()), "--events", "is a file, not a folder");
        assertThat(report).as("refused before the run: the probe of --report left no file behind").doesNotExist();
        assertThat(Files.readString(file)).as("the file in the way is untouched").isEqualTo("not a folder");
    }

    @Test
    @DisplayName("a report in a folder that exists but takes no new file (/proc on Linux) exits 2 with one line before the run")
    void reportWhereNoFileCanBeCreatedExitsTwoBeforeTheRun() throws IOException {
        Path proc = Path.of("/proc");
        Assumptions.assumeTrue(Files.isDirectory(proc.resolve("self")), "no Linux /proc here");
        Path good = write("good.yaml", goodScenario(8, 1));
        Path events = dir.resolve("e.jsonl");
        CliRun r = CliRun.kadlab("run", good.toString(), "--report", "/proc/kadlab-report.json", "--events", events.toString());
        assertOneLineError(r, "--report /proc/kadlab-report.json", "cannot be written");
        assertThat(events).as("refused before the run").doesNotExist();
        assertThat(r.out()).as("no summary: nothing ran").isEmpty();
    }

    @Test
    @DisplayName("an existing report is neither truncated by the up-front check nor replaced when the run is refused")
    void upFrontCheckKeepsAnExistingReport() throws IOException {
        Path good = write("good.yaml", goodScenario(8, 1));
        Path report = write("r.json", "old report");
        Path file = write("file.txt", "x");
        assertOneLineError(CliRun.kadlab("run", good.toString(), "--report", report.toString(), "--events",
                file.resolve("e.jsonl").toString()), "--events");
        assertThat(Files.readString(report)).isEqualTo("old report");
    }

    @Test
    @DisplayName("a binary file or Latin-1 text given as a scenario exits 2 with one line saying it is not UTF-8 text")
    void scenarioThatIsNotUtf8ExitsTwoWithOneLine() throws IOException {
        Path binary = dir.resolve("picture.yaml");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, (byte) 0xff, (byte) 0xfe});
        assertOneLineError(CliRun.kadlab("run", binary.toString(), "--report", dir.resolve("r.json").toString()),
                binary + ": not UTF-8 text");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "seed: 1\n# caf\u00e9\nsteps: []\n".getBytes(StandardCharsets.ISO_8859_1));
        assertOneLineError(CliRun.kadlab("run", latin1.toString(), "--report", dir.resolve("r.json").toString()),
                latin1 + ": not UTF-8 text");
        assertThat(dir.resolve("r.json")).doesNotExist();
    }

    @Test
    @DisplayName("a step that cannot run (a lookup from an id no node has, more nodes than ids) exits 2 with one line naming the step's line")
    void stepThatCannotRunExitsTwo() throws IOException {
        Path sc = write("runtime.yaml", "bits: 8\nsteps:\n  - add: 5\n  - lookup: {from: \"0x01\", target: \"0x02\"}\n");
        // seed 1 (the default) gives five 8-bit ids, none of them 01
        assertOneLineError(CliRun.kadlab("run", sc.toString(), "--report", dir.resolve("r.json").toString()),
                sc + ":4:", "field 'lookup.from'", "no node has id 01");
        Path full = write("full.yaml", "bits: 2\nsteps:\n  - add: 5\n");
        assertOneLineError(CliRun.kadlab("run", full.toString(), "--report", dir.resolve("r.json").toString()),
                full + ":3:", "no free id");
        Path empty = write("empty-net.yaml", "steps:\n  - lookups: 3\n");
        assertOneLineError(CliRun.kadlab("run", empty.toString(), "--report", dir.resolve("r.json").toString()),
                empty + ":2:", "no live node");
    }

    @Test
    @DisplayName("without a command kadlab prints its usage; --version prints the version")
    void usageAndVersion() {
        CliRun usage = CliRun.kadlab();
        assertThat(usage.code()).isZero();
        assertThat(usage.out()).contains("run", "bench", "exactness");
        CliRun version = CliRun.kadlab("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).contains("KadLab");
    }

    // ------------------------------------------------------------------ the report

    @ParameterizedTest(name = "{0}-bit ids")
    @ValueSource(ints = {8, 10, 16})
    @DisplayName("a good scenario exits 0 and its report has the documented shape and obeys the bucket and result rules")
    void goodScenarioWritesAReportWithTheDocumentedShape(int bits) throws IOException, InterruptedException {
        Path sc = write("good.yaml", goodScenario(bits, 5));
        Path report = dir.resolve("report.json");
        CliRun r = CliRun.kadlab("run", sc.toString(), "--report", report.toString());
        assertThat(r.code()).as("stderr: %s", r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains(sc.toString()).contains("30 nodes").contains("invariant violations");

        JsonNode rep = JSON.readTree(report.toFile());
        int width = (bits + 3) / 4;
        Pattern hex = Pattern.compile("[0-9a-f]{" + width + "}");
        int k = 4;

        JsonNode config = rep.get("config");
        assertThat(config.get("seed").asLong()).isEqualTo(5);
        assertThat(config.get("bits").asInt()).isEqualTo(bits);
        assertThat(config.get("k").asInt()).isEqualTo(k);
        assertThat(config.get("alpha").asInt()).isEqualTo(3);
        assertThat(config.get("lookup_mode").asText()).isEqualTo("sliding");

        JsonNode nodes = rep.get("nodes");
        assertThat(nodes.size()).isEqualTo(30);
        List<BigInteger> alive = new ArrayList<>();
        int recordsHeld = 0;
        for (JsonNode n : nodes) {
            assertThat(fieldNames(n)).containsExactly("id", "alive", "buckets", "records");
            String id = n.get("id").asText();
            assertThat(id).as("node id is lowercase hex of %d digits", width).matches(hex);
            assertThat(n.get("alive").isBoolean()).isTrue();
            BigInteger self = new BigInteger(id, 16);
            if (n.get("alive").asBoolean()) {
                alive.add(self);
            }
            Set<String> seen = new HashSet<>();
            for (Map.Entry<String, JsonNode> b : n.get("buckets").properties()) {
                int index = Integer.parseInt(b.getKey());
                assertThat(b.getValue().size()).as("bucket %d of %s holds at most k", index, id).isBetween(1, k);
                for (JsonNode e : b.getValue()) {
                    String entry = e.asText();
                    assertThat(entry).matches(hex);
                    assertThat(seen.add(entry)).as("%s holds %s once", id, entry).isTrue();
                    BigInteger c = new BigInteger(entry, 16);
                    assertThat(c).as("a node never holds itself").isNotEqualTo(self);
                    assertThat(self.xor(c).bitLength() - 1).as("%s sits in bucket bitLength(self XOR entry) - 1", entry)
                            .isEqualTo(index);
                }
            }
            for (JsonNode rec : n.get("records")) {
                assertThat(rec.asText()).matches(hex);
                recordsHeld++;
            }
        }
        assertThat(recordsHeld).as("the stored record is held somewhere").isGreaterThanOrEqualTo(k);

        JsonNode ops = rep.get("operations");
        assertThat(ops.size()).isEqualTo(15 + 1 + 1 + 2);
        int findNodes = 0;
        for (JsonNode o : ops) {
            assertThat(fieldNames(o)).contains("op", "origin", "target", "start_ms", "end_ms", "result", "found", "value",
                    "hops", "rpcs", "failures", "truth", "exact");
            String op = o.get("op").asText();
            assertThat(op).isIn("find_node", "find_value", "store");
            assertThat(o.get("origin").asText()).matches(hex);
            assertThat(o.get("target").asText()).matches(hex);
            assertThat(o.get("end_ms").asLong()).isGreaterThanOrEqualTo(o.get("start_ms").asLong());
            List<BigInteger> result = ids(o.get("result"), hex);
            List<BigInteger> truth = ids(o.get("truth"), hex);
            BigInteger target = new BigInteger(o.get("target").asText(), 16);
            BigInteger origin = new BigInteger(o.get("origin").asText(), 16);
            if (!op.equals("store")) {
                assertThat(result).as("%s result: at most k, never the origin", op).hasSizeLessThanOrEqualTo(k)
                        .doesNotContain(origin).doesNotHaveDuplicates();
                assertThat(result).as("%s result sorted by XOR distance", op)
                        .isSortedAccordingTo(Comparator.comparing(x -> x.xor(target)));
            }
            if (op.equals("find_node")) {
                findNodes++;
                List<BigInteger> want = alive.stream().filter(x -> !x.equals(origin))
                        .sorted(Comparator.comparing(x -> x.xor(target))).limit(k).toList();
                assertThat(truth).as("truth is the brute-force k closest live nodes").isEqualTo(want);
                assertThat(o.get("exact").asBoolean()).as("exact == (result equals truth)").isEqualTo(result.equals(truth));
                assertThat(o.get("found").isNull()).isTrue();
            }
        }
        assertThat(findNodes).isEqualTo(16);
        JsonNode hit = ops.get(17);
        assertThat(hit.get("op").asText()).isEqualTo("find_value");
        assertThat(hit.get("found").asBoolean()).isTrue();
        assertThat(hit.get("value").asText()).isEqualTo("hello");
        assertThat(hit.get("value_found_ms").asLong()).as("the value arrived while the lookup ran")
                .isBetween(hit.get("start_ms").asLong(), hit.get("end_ms").asLong());
        assertThat(hit.get("value_from").asText()).matches(hex);
        JsonNode miss = ops.get(18);
        assertThat(miss.get("found").asBoolean()).isFalse();
        assertThat(miss.get("value").isNull()).isTrue();
        assertThat(miss.get("value_found_ms").isNull()).isTrue();
        assertThat(miss.get("value_from").isNull()).isTrue();

        JsonNode stats = rep.get("stats");
        assertThat(stats.isObject()).isTrue();
        assertThat(stats.get("find_node_judged").asInt()).isEqualTo(16);
        assertThat(stats.get("live_nodes").asInt()).isEqualTo(30);
        assertThat(stats.has("wall_ms")).as("no wall-clock figure, so reports stay byte-identical").isFalse();
        assertThat(rep.get("invariant_violations").isArray()).isTrue();
        assertThat(rep.get("invariant_violations").size()).isZero();

        runChecker(report);
    }

    /**
     * Runs the shared Python checker on the report when python3 and the checker are at hand: the
     * file named by the environment variable KADLAB_REPORT_CHECKER, or ../shared/tools/check-report.py.
     */
    private static void runChecker(Path report) throws IOException, InterruptedException {
        Optional<Path> python = onPath("python3");
        String named = System.getenv("KADLAB_REPORT_CHECKER");
        List<Path> places = named == null || named.isBlank() ? List.of(Path.of("..", "shared", "tools", "check-report.py"))
                : List.of(Path.of(named), Path.of("..", "shared", "tools", "check-report.py"));
        Optional<Path> checker = places.stream().filter(Files::isRegularFile).findFirst();
        Assumptions.assumeTrue(python.isPresent(), "python3 is not on the PATH");
        Assumptions.assumeTrue(checker.isPresent(), "check-report.py is not at hand");
        Process p = new ProcessBuilder(python.get().toString(), checker.get().toString(), report.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("check-report.py says:%n%s", output).isZero();
    }

    private static Optional<Path> onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d, exe);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<BigInteger> ids(JsonNode array, Pattern hex) {
        List<BigInteger> out = new ArrayList<>();
        for (JsonNode e : array) {
            assertThat(e.asText()).matches(hex);
            out.add(new BigInteger(e.asText(), 16));
        }
        return out;
    }

    // ------------------------------------------------------------------ determinism and the event log

    @Test
    @DisplayName("the same scenario run twice gives byte-identical report and event files; another seed gives another report")
    void sameScenarioGivesByteIdenticalFiles() throws IOException {
        Path sc = write("busy.yaml", busyScenario(9));
        Path r1 = dir.resolve("r1.json");
        Path e1 = dir.resolve("e1.jsonl");
        Path r2 = dir.resolve("r2.json");
        Path e2 = dir.resolve("e2.jsonl");
        assertThat(CliRun.kadlab("run", sc.toString(), "--report", r1.toString(), "--events", e1.toString()).code()).isZero();
        assertThat(CliRun.kadlab("run", sc.toString(), "--report", r2.toString(), "--events", e2.toString()).code()).isZero();
        assertThat(Files.readAllBytes(r2)).as("report").isEqualTo(Files.readAllBytes(r1));
        assertThat(Files.readAllBytes(e2)).as("event log").isEqualTo(Files.readAllBytes(e1));
        assertThat(Files.size(e1)).isPositive();

        Path other = write("busy-10.yaml", busyScenario(10));
        Path r3 = dir.resolve("r3.json");
        assertThat(CliRun.kadlab("run", other.toString(), "--report", r3.toString()).code()).isZero();
        assertThat(Files.readAllBytes(r3)).as("a different seed").isNotEqualTo(Files.readAllBytes(r1));
    }

    private static final Set<String> ID_FIELDS = Set.of("node", "seed", "from", "to", "origin", "target", "peer",
            "contact", "other", "key");
    private static final Set<String> ID_LISTS = Set.of("result", "truth", "missed");

    @Test
    @DisplayName("every line of the event log is a JSON object with one type and no repeated key, and node ids are padded lowercase hex")
    void eventLogLinesAreTypedJsonObjectsWithPaddedIds() throws IOException {
        Path sc = write("busy.yaml", busyScenario(9));
        Path events = dir.resolve("events.jsonl");
        assertThat(CliRun.kadlab("run", sc.toString(), "--report", dir.resolve("r.json").toString(), "--events",
                events.toString()).code()).isZero();
        Pattern hex = Pattern.compile("[0-9a-f]{4}");
        List<String> lines = Files.readAllLines(events, StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThan(1_000);
        Set<String> types = new HashSet<>();
        for (String line : lines) {
            JsonNode e = JSON.readTree(line);
            assertThat(e.isObject()).as("line is a JSON object: %s", line).isTrue();
            assertThat(e.path("type").isTextual()).as("line has a type: %s", line).isTrue();
            assertThat(e.path("time").isIntegralNumber()).as("line has a time: %s", line).isTrue();
            types.add(e.get("type").asText());
            for (Map.Entry<String, JsonNode> f : e.properties()) {
                if (ID_FIELDS.contains(f.getKey()) && !f.getValue().isNull()) {
                    assertThat(f.getValue().asText()).as("%s in %s", f.getKey(), line).matches(hex);
                }
                if (ID_LISTS.contains(f.getKey())) {
                    for (JsonNode id : f.getValue()) {
                        assertThat(id.asText()).as("%s in %s", f.getKey(), line).matches(hex);
                    }
                }
            }
            if (e.get("type").asText().startsWith("rpc_")) {
                assertThat(e.path("rpc_type").asText()).as("an RPC event names the RPC's type: %s", line)
                        .isIn("ping", "find_node", "find_value", "store");
            }
            if (e.get("type").asText().equals("bucket_changed")) {
                assertThat(e.get("change").asText()).as("routine touches are left out unless asked").isNotEqualTo("updated");
            }
        }
        assertThat(types).contains("node_added", "node_killed", "node_revived", "rpc_sent", "rpc_delivered",
                "rpc_answered", "rpc_timed_out", "lookup_started", "lookup_progressed", "lookup_finished",
                "bucket_changed", "record_stored", "record_expired");

        Path all = dir.resolve("all.jsonl");
        assertThat(CliRun.kadlab("run", sc.toString(), "--report", dir.resolve("r.json").toString(), "--events",
                all.toString(), "--all-events").code()).isZero();
        assertThat(Files.readAllLines(all)).as("--all-events keeps routine touches")
                .anyMatch(l -> l.contains("\"change\":\"updated\""))
                .hasSizeGreaterThan(lines.size());
    }

    @Test
    @DisplayName("a scenario without events writes an empty event log, not a blank line")
    void emptyEventLogHasNoBlankLine() throws IOException {
        Path sc = write("nothing.yaml", "seed: 1\nsteps: []\n");
        Path events = dir.resolve("events.jsonl");
        assertThat(CliRun.kadlab("run", sc.toString(), "--report", dir.resolve("r.json").toString(), "--events",
                events.toString()).code()).isZero();
        assertThat(Files.size(events)).isZero();
    }

    @Test
    @DisplayName("a scenario that judges no find_node reports the exact share as null and says so instead of 100 %")
    void scenarioWithoutLookupsHasNoExactShare() throws IOException, InterruptedException {
        Path sc = write("joins.yaml", """
                seed: 3
                bits: 16
                k: 4
                steps:
                  - add: 12
                """);
        Path report = dir.resolve("joins.json");
        CliRun r = CliRun.kadlab("run", sc.toString(), "--report", report.toString());
        assertThat(r.code()).as("stderr: %s", r.err()).isZero();
        assertThat(r.out()).contains("no find_node lookup judged").doesNotContain("% exact");
        JsonNode stats = JSON.readTree(report.toFile()).get("stats");
        assertThat(stats.get("find_node_judged").asLong()).isZero();
        assertThat(stats.has("find_node_exact_share")).as("the field is still written").isTrue();
        assertThat(stats.get("find_node_exact_share").isNull()).as("a share of no lookups is undefined: %s", stats).isTrue();
        runChecker(report);
    }

    @Test
    @DisplayName("a scenario with lookups still reports the exact share as a number and prints it as a percentage")
    void scenarioWithLookupsReportsItsExactShare() throws IOException {
        Path sc = write("good.yaml", goodScenario(16, 7));
        Path report = dir.resolve("good.json");
        CliRun r = CliRun.kadlab("run", sc.toString(), "--report", report.toString());
        assertThat(r.code()).as("stderr: %s", r.err()).isZero();
        JsonNode stats = JSON.readTree(report.toFile()).get("stats");
        long judged = stats.get("find_node_judged").asLong();
        assertThat(judged).isEqualTo(16);
        assertThat(stats.get("find_node_exact_share").isNumber()).isTrue();
        assertThat(stats.get("find_node_exact_share").asDouble())
                .isEqualTo((double) stats.get("find_node_exact").asLong() / judged);
        assertThat(r.out()).containsPattern("16 find_node judged, \\d+\\.\\d\\d% exact");
    }

    @Test
    @DisplayName("the runner's summary line gives the mean recall next to the exact share, and find_value success when any ran")
    void summaryLineGivesRecallAndFindValueSuccess() throws IOException {
        Path sc = write("good.yaml", goodScenario(16, 7));
        Path report = dir.resolve("good.json");
        CliRun r = CliRun.kadlab("run", sc.toString(), "--report", report.toString());
        assertThat(r.code()).as("stderr: %s", r.err()).isZero();
        JsonNode stats = JSON.readTree(report.toFile()).get("stats");
        String recall = String.format(java.util.Locale.ROOT, "%.2f%%", 100 * stats.get("find_node_mean_recall").asDouble());
        assertThat(r.out()).containsPattern("16 find_node judged, \\d+\\.\\d\\d% exact, mean recall " + Pattern.quote(recall))
                .as("one hit, one miss").contains("find_value found 1 of 2 (50.00%)");

        Path joins = write("joins.yaml", "seed: 3\nbits: 16\nk: 4\nsteps:\n  - add: 12\n");
        CliRun none = CliRun.kadlab("run", joins.toString(), "--report", dir.resolve("joins.json").toString());
        assertThat(none.out()).contains("no find_node lookup judged").doesNotContain("recall").doesNotContain("find_value");
    }

    // ------------------------------------------------------------------ bench and exactness

    @Test
    @DisplayName("bench without lookups says no find_node lookup was judged instead of printing 100 %")
    void benchWithoutLookupsHasNoExactShare() {
        CliRun r = CliRun.kadlab("bench", "--nodes", "20", "--lookups", "0", "--bits", "16", "--k", "4");
        assertThat(r.code()).as("stderr: %s", r.err()).isZero();
        assertThat(r.out()).contains("exact lookups:    no find_node lookup judged").doesNotContain("100.00%");
    }

    @Test
    @DisplayName("bench with tiny numbers exits 0 and prints hops, RPCs, exactness and heap")
    void benchPrintsItsFigures() {
        CliRun r = CliRun.kadlab("bench", "--nodes", "50", "--lookups", "20", "--bits", "16", "--k", "4");
        assertThat(r.code()).as("stderr: %s", r.err()).isZero();
        assertThat(r.out()).contains("50 nodes, 20 lookups, 16-bit ids, k=4").contains("ping skip window 60000 ms")
                .contains("hops per lookup").contains("RPCs per lookup").contains("exact lookups:").contains("of 20")
                .contains("heap used");
    }

    @Test
    @DisplayName("bench with --k 0, --bits 500, --bits 0, an unknown mode or too many nodes exits 2 with a message naming the setting")
    void benchRefusesImpossibleSettings() {
        assertOneLineError(CliRun.kadlab("bench", "--nodes", "5", "--lookups", "1", "--k", "0"), "kadlab bench:", "k must be between 1 and 10000");
        assertOneLineError(CliRun.kadlab("bench", "--nodes", "5", "--lookups", "1", "--bits", "500"), "kadlab bench:",
                "bits must be between 1 and 160");
        assertOneLineError(CliRun.kadlab("bench", "--nodes", "5", "--lookups", "1", "--bits", "0"), "kadlab bench:",
                "bits must be between 1 and 160");
        assertOneLineError(CliRun.kadlab("bench", "--nodes", "5", "--lookups", "1", "--mode", "fast"), "--mode");
        assertOneLineError(CliRun.kadlab("bench", "--nodes", "300", "--lookups", "1", "--bits", "8"), "8-bit");
        assertOneLineError(CliRun.kadlab("bench", "--nodes", "5", "--lookups", "1", "--ping-skip-window-ms", "-1"),
                "--ping-skip-window-ms must not be negative");
        assertThat(CliRun.kadlab("bench", "--nodes", "many", "--lookups", "1").code()).isEqualTo(2);
    }

    @Test
    @DisplayName("exactness with a tiny grid exits 0 and prints a row per setting and the two totals")
    void exactnessWithTinyGrid() {
        CliRun r = CliRun.kadlab("exactness", "--seeds", "1", "--nodes", "12", "--lookups", "3", "--bits", "8,16", "--k", "2,4",
                "--alpha", "1,3");
        assertThat(r.code()).as("stderr: %s", r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.matches("\\s*(8|16)\\s+[24]\\s+[13]\\s+(sliding|rounds)\\s.*")).count())
                .as("one row per setting").isEqualTo(2 * 2 * 2 * 2);
        assertThat(r.out()).contains("k >= 4: ").contains("k <  4: ");
        assertOneLineError(CliRun.kadlab("exactness", "--nodes", "1"), "kadlab exactness:", "--nodes");
        assertOneLineError(CliRun.kadlab("exactness", "--k", "0"), "kadlab exactness:", "k");
    }

    @Test
    @DisplayName("exactness on several threads prints the very table of one thread, in grid order")
    void exactnessOnThreadsPrintsTheSameTable() {
        String[] grid = {"exactness", "--seeds", "3", "--nodes", "16", "--lookups", "4", "--bits", "16", "--k", "2,4", "--alpha", "1,3"};
        CliRun one = CliRun.kadlab(grid);
        List<String> threaded = new ArrayList<>(List.of(grid));
        threaded.addAll(List.of("--threads", "3"));
        CliRun three = CliRun.kadlab(threaded.toArray(new String[0]));
        assertThat(one.code()).as("stderr: %s", one.err()).isZero();
        assertThat(three.code()).as("stderr: %s", three.err()).isZero();
        assertThat(three.out()).isEqualTo(one.out());
        assertOneLineError(CliRun.kadlab("exactness", "--threads", "0"), "kadlab exactness:", "--threads");
    }
}
