package org.kadlab.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.Comparison;
import org.kadlab.sim.ComparisonResult;
import org.kadlab.sim.SimConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kadlab compare}: the same random lookups on one network built under 2 to 4 configurations
 * ({@code --config NAME:knob=value,...}, or a {@code --preset}); prints the totals per configuration
 * and how many lookups found other nodes; writes one CSV line per lookup and configuration, and JSON
 * with the settings, totals and rows. A bad option exits 2 with one line.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Runs the same lookups on one network built under 2 to 4 configurations and compares hops, RPCs, time and exactness.")
final class CompareCommand implements Callable<Integer> {
    @Option(names = "--nodes", defaultValue = "100", description = "nodes in the network (default ${DEFAULT-VALUE})") int nodes;
    @Option(names = "--lookups", defaultValue = "100", description = "random lookups, 1..1000 (default ${DEFAULT-VALUE})") int lookups;
    @Option(names = "--seed", defaultValue = "1", description = "the seed of ids, joins and lookups (default ${DEFAULT-VALUE})") long seed;
    @Option(names = "--bits", defaultValue = "160", description = "id width (default ${DEFAULT-VALUE})") int bits;
    @Option(names = "--k", defaultValue = "20", description = "bucket size of the base (default ${DEFAULT-VALUE})") int k;
    @Option(names = "--alpha", defaultValue = "3", description = "lookup parallelism of the base (default ${DEFAULT-VALUE})") int alpha;
    @Option(names = "--config", paramLabel = "NAME:KNOB=V,...", description = "a configuration: a name, then knobs that differ "
            + "from the base: k, alpha, mode (sliding, rounds, seed_rounds), loss (0..1), retries; 2 to 4 of them "
            + "(default A: the base, B: alpha=1)") List<String> configs;
    @Option(names = "--preset", description = "instead of --config: alpha (alpha 1 vs 3) or modes (sliding vs rounds)") String preset;
    @Option(names = "--csv", paramLabel = "FILE", description = "also write one line per lookup and configuration as CSV") Path csv;
    @Option(names = "--json", paramLabel = "FILE", description = "also write the settings, totals and rows as JSON") Path json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Comparison.Request req;
        try {
            SimConfig base = SimConfig.defaults().withSeed(seed)
                    .withKad(KadConfig.builder().bits(bits).k(k).alpha(alpha).build()).withHistoryCapacity(0);
            req = Comparison.Request.random(base, nodes, setups(base), lookups);
            Comparison.validate(req);
            String problem = csv == null ? null : RunCommand.checkWritable(csv, "--csv");
            if (problem == null && json != null) {
                problem = RunCommand.checkWritable(json, "--json");
            }
            if (problem == null && csv != null && json != null && csv.toAbsolutePath().normalize().equals(json.toAbsolutePath().normalize())) {
                problem = "--json " + json + ": is the same file as --csv";
            }
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("kadlab compare: " + String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " "));
            return KadLabCommand.BAD_INPUT;
        }
        PrintWriter err = spec.commandLine().getErr();
        int[] shown = {-1};
        ComparisonResult r = Comparison.run(req, () -> false, p -> {
            int tenth = (int) (10 * p.fraction());
            if (tenth != shown[0]) {
                shown[0] = tenth;
                err.printf(Locale.ROOT, "compare: %d%% (%s)%n", 10 * tenth, p.phase());
                err.flush();
            }
        });
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "compare: %d nodes, %d-bit ids, seed %d, %d random lookups%n", nodes, bits, seed, r.rows().size());
        out.print(r.totalsTable());
        out.printf(Locale.ROOT, "lookups where the configurations found other nodes: %d of %d%n", r.disagreements(), r.rows().size());
        out.flush();
        try {
            if (csv != null) {
                try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    r.writeCsv(w);
                }
            }
            if (json != null) {
                writeJson(json, r);
            }
        } catch (IOException e) {
            err.println("kadlab compare: cannot write the results: " + e.getMessage());
            return KadLabCommand.BAD_INPUT;
        }
        return 0;
    }

    private List<Comparison.Setup> setups(SimConfig base) {
        Comparison.Setup b = Comparison.Setup.of("A", base);
        if (preset != null) {
            if (configs != null) {
                throw new IllegalArgumentException("--preset: give either --preset or --config, not both");
            }
            return switch (preset.strip().toLowerCase(Locale.ROOT)) {
                case "alpha" -> List.of(b.withName("alpha1").withAlpha(1), b.withName("alpha3").withAlpha(3));
                case "modes" -> List.of(b.withName("sliding").withMode(LookupMode.SLIDING), b.withName("rounds").withMode(LookupMode.ROUNDS));
                default -> throw new IllegalArgumentException("--preset: unknown preset '" + preset + "': use alpha or modes");
            };
        }
        if (configs == null) {
            return List.of(b, b.withName("B").withAlpha(1));
        }
        List<Comparison.Setup> out = new ArrayList<>();
        for (String c : configs) {
            out.add(parse(c, base));
        }
        return out;
    }

    /** "B:alpha=1,mode=rounds" on the base; a bad knob names the option and the knob. */
    static Comparison.Setup parse(String spec, SimConfig base) {
        String where = "--config '" + spec + "': ";
        int colon = spec.indexOf(':');
        String name = (colon < 0 ? spec : spec.substring(0, colon)).strip();
        if (name.isEmpty() || name.contains("=")) {
            throw new IllegalArgumentException(where + "start with a name, as in B:alpha=1");
        }
        Comparison.Setup s = Comparison.Setup.of(name, base);
        String knobs = colon < 0 ? "" : spec.substring(colon + 1).strip();
        for (String kv : knobs.isEmpty() ? new String[0] : knobs.split(",")) {
            int eq = kv.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(where + "'" + kv.strip() + "' is not knob=value");
            }
            String key = kv.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String v = kv.substring(eq + 1).strip();
            try {
                s = switch (key) {
                    case "k" -> s.withK(Integer.parseInt(v));
                    case "alpha" -> s.withAlpha(Integer.parseInt(v));
                    case "retries", "rpc_retries" -> s.withRpcRetries(Integer.parseInt(v));
                    case "loss" -> s.withLoss(Double.parseDouble(v));
                    case "mode", "lookup_mode" -> s.withMode(mode(v));
                    default -> throw new IllegalArgumentException("unknown knob '" + key + "': use k, alpha, mode, loss or retries");
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + key + ": '" + v + "' is not a number");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage());
            }
        }
        return s;
    }

    private static LookupMode mode(String v) {
        for (LookupMode m : LookupMode.values()) {
            if (m.name().equalsIgnoreCase(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException("mode: '" + v + "' is not sliding, rounds or seed_rounds");
    }

    private static void writeJson(Path file, ComparisonResult r) throws IOException {
        KeySpace ks = r.keySpace();
        try (OutputStream os = Files.newOutputStream(file); JsonGenerator j = new JsonFactory().createGenerator(os, JsonEncoding.UTF8)) {
            j.useDefaultPrettyPrinter();
            j.writeStartObject();
            j.writeObjectFieldStart("settings");
            j.writeNumberField("nodes", r.request().nodes());
            j.writeNumberField("bits", ks.bits());
            j.writeNumberField("seed", r.request().base().seed());
            j.writeNumberField("lookups", r.rows().size());
            j.writeEndObject();
            j.writeArrayFieldStart("configs");
            for (int c = 0; c < r.setups().size(); c++) {
                Comparison.Setup s = r.setups().get(c);
                ComparisonResult.Totals t = r.totals(c);
                j.writeStartObject();
                j.writeStringField("name", s.name());
                j.writeNumberField("k", s.k());
                j.writeNumberField("alpha", s.alpha());
                j.writeStringField("mode", s.mode().name().toLowerCase(Locale.ROOT));
                j.writeNumberField("loss", s.loss());
                j.writeNumberField("rpc_retries", s.rpcRetries());
                j.writeNumberField("hops", t.hops());
                j.writeNumberField("rpcs", t.rpcs());
                j.writeNumberField("time_ms", t.timeMs());
                j.writeNumberField("exact", t.exact());
                j.writeNumberField("mean_recall", t.meanRecall());
                j.writeNumberField("missed", t.missed());
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeArrayFieldStart("rows");
            for (ComparisonResult.Row row : r.rows()) {
                j.writeStartObject();
                j.writeNumberField("lookup", row.number());
                j.writeStringField("origin", ks.hex(row.origin()));
                j.writeStringField("target", ks.hex(row.target()));
                j.writeBooleanField("disagree", row.disagrees());
                j.writeArrayFieldStart("outcomes");
                for (int c = 0; c < row.outcomes().size(); c++) {
                    ComparisonResult.Outcome o = row.outcomes().get(c);
                    j.writeStartObject();
                    j.writeStringField("config", r.names().get(c));
                    j.writeBooleanField("ended", o.ended());
                    j.writeNumberField("hops", o.hops());
                    j.writeNumberField("rpcs", o.rpcs());
                    j.writeNumberField("time_ms", o.timeMs());
                    j.writeBooleanField("exact", o.exact());
                    j.writeNumberField("recall", o.recall());
                    j.writeArrayFieldStart("missed");
                    for (NodeId id : o.missed()) {
                        j.writeString(ks.hex(id));
                    }
                    j.writeEndArray();
                    j.writeEndObject();
                }
                j.writeEndArray();
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeEndObject();
        }
    }
}
