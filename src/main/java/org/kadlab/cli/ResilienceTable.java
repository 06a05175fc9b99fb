package org.kadlab.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.kadlab.sim.ResilienceSweep;

/**
 * The resilience command's outputs, all from the same rows: 1. the table (one row per phase of a cell,
 * shares as percentages with two decimals, "-" for nothing measured); 2. the targets, each met
 * or missed and by how much; 3. CSV with one line per row and the full breakdown; 4. JSON with the
 * settings and the same rows. Numbers never depend on the locale.
 */
final class ResilienceTable {
    /** The CSV header; JSON rows carry the same fields. */
    static final List<String> COLUMNS = List.of("scenario", "phase", "knobs", "loss", "kill", "seeds", "lookups", "exact",
            "exact_share", "mean_recall", "missed_unseen", "missed_unasked", "missed_silent", "rpcs_per_lookup",
            "find_values", "found", "found_share", "find_value_no_copy", "find_value_missed", "stores", "store_acks_mean",
            "store_truth_mean", "min_holders", "truth_size");

    private ResilienceTable() {
    }

    static String table(ResilienceSweep.Grid g, List<ResilienceSweep.Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "resilience: %d nodes, %d-bit ids, k %d, alpha %d, seeds 1..%d; per phase and seed "
                        + "%d lookups and %d find_values; %d records stored first%n", g.nodes(), g.bits(), g.k(), g.alpha(),
                g.seeds(), g.lookups(), g.findValues(), g.records()));
        if (g.kinds().contains(ResilienceSweep.Kind.CHURN)) {
            ResilienceSweep.ChurnSpec c = g.churn();
            b.append(String.format(Locale.ROOT, "churn: %s, shape %s, mean session %.2f h, for %.1f h at loss %s; workload %s lookups "
                            + "and %s find_values per hour; durability sampled every %d min%n", c.model(), plain(c.shape()),
                    c.meanSessionMs() / 3_600_000, c.durationMs() / 3_600_000.0, plain(c.loss()), plain(c.lookupsPerHour()),
                    plain(c.findValuesPerHour()), c.sampleEveryMs() / 60_000));
        }
        String head = "%-18s %-11s %-8s %8s %8s %8s %8s %10s %11s %11s %8s%n";
        b.append(String.format(Locale.ROOT, head, "scenario", "phase", "knobs", "lookups", "exact", "recall", "fv_runs",
                "find_value", "store_acks", "rpcs/lookup", "holders"));
        for (ResilienceSweep.Row r : rows) {
            ResilienceSweep.Tally t = r.tally();
            b.append(String.format(Locale.ROOT, head, r.scenario(), r.phase(), r.cell().knobs().label(), t.lookups,
                    pct(t.exactShare()), pct(t.meanRecall()), t.findValues, pct(t.foundShare()),
                    Double.isNaN(t.storeAcksMean()) ? "-" : String.format(Locale.ROOT, "%.2f/%.0f", t.storeAcksMean(), t.storeTruthMean()),
                    Double.isNaN(t.rpcsPerLookup()) ? "-" : String.format(Locale.ROOT, "%.1f", t.rpcsPerLookup()),
                    t.minHolders < 0 ? "-" : t.minHolders + "/" + t.truthSize));
        }
        return b.toString();
    }

    /** One of the targets: a row (scenario, phase, knobs), a figure and its least acceptable value. */
    private record Target(String scenario, String phase, String knobs, String figure, double least,
                          ToDoubleFunction<ResilienceSweep.Tally> value, boolean share) {
    }

    private static final List<Target> TARGETS = List.of(
            new Target("loss 1%", "static", "paper", "mean recall", 0.995, ResilienceSweep.Tally::meanRecall, true),
            new Target("loss 1%", "static", "retries1", "exact", 0.99, ResilienceSweep.Tally::exactShare, true),
            new Target("loss 1%", "static", "paper", "find_value", 0.999, ResilienceSweep.Tally::foundShare, true),
            new Target("loss 5%", "static", "retries2", "exact", 0.95, ResilienceSweep.Tally::exactShare, true),
            new Target("loss 5%", "static", "paper", "find_value", 0.995, ResilienceSweep.Tally::foundShare, true),
            new Target("kill 30%", "right after", "paper", "find_value", 0.999, ResilienceSweep.Tally::foundShare, true),
            new Target("kill 30%", "after 1 h", "paper", "exact", 0.99, ResilienceSweep.Tally::exactShare, true),
            new Target("churn 24h loss 1%", "at the end", "paper", "records found", 0.99, ResilienceSweep.Tally::foundShare, true),
            new Target("churn 24h loss 1%", "during", "paper", "fewest holders", 13, t -> t.minHolders < 0 ? Double.NaN : t.minHolders,
                    false));

    /** The targets whose rows were measured, each met or missed and by how much; "" when none was. */
    static String targets(List<ResilienceSweep.Row> rows) {
        StringBuilder b = new StringBuilder();
        for (Target t : TARGETS) {
            for (ResilienceSweep.Row r : rows) {
                if (r.scenario().equals(t.scenario()) && r.phase().equals(t.phase()) && r.cell().knobs().label().equals(t.knobs())) {
                    double v = t.value().applyAsDouble(r.tally());
                    String want = t.share() ? pct(t.least()) : String.format(Locale.ROOT, "%.0f", t.least());
                    String got = t.share() ? pct(v) : String.format(Locale.ROOT, "%.0f", v);
                    String verdict = Double.isNaN(v) ? "not measured" : v >= t.least() ? "met"
                            : t.share() ? String.format(Locale.ROOT, "MISSED by %.2f points", 100 * (t.least() - v))
                            : String.format(Locale.ROOT, "MISSED by %.0f", t.least() - v);
                    b.append(String.format(Locale.ROOT, "target: %-18s %-11s %-8s %-14s >= %-7s got %-8s %s%n", t.scenario(),
                            t.phase(), t.knobs(), t.figure(), want, got, verdict));
                }
            }
        }
        return b.toString();
    }

    static void writeCsv(Path file, List<ResilienceSweep.Row> rows) throws IOException {
        StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (ResilienceSweep.Row r : rows) {
            List<Object> v = values(r);
            for (int i = 0; i < v.size(); i++) {
                Object x = v.get(i);
                b.append(i == 0 ? "" : ",").append(x == null ? "" : x instanceof String s ? '"' + s + '"' : x.toString());
            }
            b.append('\n');
        }
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    static void writeJson(Path file, ResilienceSweep.Grid g, List<ResilienceSweep.Row> rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator j = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            j.useDefaultPrettyPrinter();
            j.writeStartObject();
            j.writeObjectFieldStart("settings");
            j.writeNumberField("nodes", g.nodes());
            j.writeNumberField("bits", g.bits());
            j.writeNumberField("k", g.k());
            j.writeNumberField("alpha", g.alpha());
            j.writeNumberField("seeds", g.seeds());
            j.writeNumberField("lookups", g.lookups());
            j.writeNumberField("find_values", g.findValues());
            j.writeNumberField("records", g.records());
            ResilienceSweep.ChurnSpec c = g.churn();
            j.writeObjectFieldStart("churn");
            j.writeStringField("model", c.model().toString());
            j.writeNumberField("shape", c.shape());
            j.writeNumberField("mean_session_ms", c.meanSessionMs());
            j.writeNumberField("duration_ms", c.durationMs());
            j.writeNumberField("loss", c.loss());
            j.writeNumberField("lookups_per_hour", c.lookupsPerHour());
            j.writeNumberField("find_values_per_hour", c.findValuesPerHour());
            j.writeNumberField("sample_every_ms", c.sampleEveryMs());
            j.writeEndObject();
            j.writeEndObject();
            j.writeArrayFieldStart("rows");
            for (ResilienceSweep.Row r : rows) {
                j.writeStartObject();
                List<Object> v = values(r);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    Object x = v.get(i);
                    if (x == null) {
                        j.writeNullField(COLUMNS.get(i));
                    } else if (x instanceof String s) {
                        j.writeStringField(COLUMNS.get(i), s);
                    } else if (x instanceof Double d) {
                        j.writeNumberField(COLUMNS.get(i), d);
                    } else {
                        j.writeNumberField(COLUMNS.get(i), ((Number) x).longValue());
                    }
                }
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeEndObject();
        }
    }

    /** The row's values in {@link #COLUMNS} order; null where nothing was measured. */
    private static List<Object> values(ResilienceSweep.Row r) {
        ResilienceSweep.Tally t = r.tally();
        return java.util.Arrays.asList(r.scenario(), r.phase(), r.cell().knobs().label(), r.cell().loss(), r.cell().kill(),
                (long) r.seeds(), t.lookups, t.exact, num(t.exactShare()), num(t.meanRecall()), t.missedUnseen, t.missedUnasked,
                t.missedSilent, num(t.rpcsPerLookup()), t.findValues, t.found, num(t.foundShare()), t.findValueNoCopy,
                t.findValueMissed, t.stores, num(t.storeAcksMean()), num(t.storeTruthMean()),
                t.minHolders < 0 ? null : (Object) (long) t.minHolders, t.minHolders < 0 ? null : (Object) (long) t.truthSize);
    }

    private static Double num(double v) {
        return Double.isNaN(v) ? null : v;
    }

    static String pct(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }

    private static String plain(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
