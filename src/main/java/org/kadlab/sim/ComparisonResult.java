package org.kadlab.sim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;

/**
 * What a {@link Comparison} measured: per lookup, each configuration's outcome side by side, and
 * totals per configuration; with the distribution of a measure and the CSV of the rows.
 *
 * @param request    what was compared
 * @param ids        the networks' node ids in join order (the same in every network)
 * @param rows       one per lookup run, in order (fewer than asked when cancelled)
 * @param cancelled  whether the run was stopped before every lookup ran
 */
public record ComparisonResult(Comparison.Request request, List<NodeId> ids, List<Row> rows, boolean cancelled) {
    /** The CSV header: one line per lookup and configuration. */
    public static final List<String> COLUMNS = List.of("lookup", "config", "origin_index", "origin", "target", "ended",
            "hops", "rpcs", "failures", "time_ms", "exact", "recall", "missed", "returned");

    public ComparisonResult {
        Objects.requireNonNull(request, "request");
        ids = List.copyOf(ids);
        rows = List.copyOf(rows);
    }

    /**
     * One configuration's result of one lookup.
     *
     * @param ended     whether the lookup ended within the wait (false: nothing else is meaningful)
     * @param hops      the longest referral chain among its result
     * @param rpcs      requests it sent
     * @param failures  peers that failed or timed out
     * @param timeMs    virtual time it took
     * @param exact     whether it returned exactly the true k closest
     * @param recall    the share of the true k closest it returned
     * @param returned  the closest responders it returned, closest first
     * @param truth     the true k closest live nodes other than the origin, closest first
     * @param missed    the true closest it did not return
     */
    public record Outcome(boolean ended, int hops, int rpcs, int failures, long timeMs, boolean exact, double recall,
                          List<NodeId> returned, List<NodeId> truth, List<NodeId> missed) {
        /** A lookup that did not end within the wait. */
        public static final Outcome UNFINISHED = new Outcome(false, 0, 0, 0, 0, false, 0, List.of(), List.of(), List.of());

        public Outcome {
            returned = List.copyOf(returned);
            truth = List.copyOf(truth);
            missed = List.copyOf(missed);
        }

        static Outcome of(OperationRecord r) {
            return new Outcome(true, r.hops(), r.rpcs(), r.failures(), r.latencyMs(), r.exact(), r.recall(), r.result(),
                    r.truth(), r.missed());
        }
    }

    /** A measure compared per lookup. */
    public enum Measure {
        HOPS("hops", o -> o.hops()),
        RPCS("RPCs", o -> o.rpcs()),
        TIME("time (ms)", o -> o.timeMs()),
        RECALL("recall", Outcome::recall);

        private final String label;
        private final ToDoubleFunction<Outcome> value;

        Measure(String label, ToDoubleFunction<Outcome> value) {
            this.label = label;
            this.value = value;
        }

        public String label() {
            return label;
        }

        public double of(Outcome o) {
            return value.applyAsDouble(o);
        }
    }

    /**
     * One lookup on every network.
     *
     * @param number       1-based, in the order run
     * @param originIndex  the origin's place in join order
     * @param origin       the node it started from
     * @param target       the id looked up
     * @param outcomes     one per configuration, in the request's order
     */
    public record Row(int number, int originIndex, NodeId origin, NodeId target, List<Outcome> outcomes) {
        public Row {
            outcomes = List.copyOf(outcomes);
        }

        /** Whether the configurations disagree on what the lookup found: exactness, or who was missed. */
        public boolean disagrees() {
            Outcome a = outcomes.get(0);
            for (Outcome o : outcomes) {
                if (o.ended() != a.ended() || o.exact() != a.exact() || !new HashSet<>(o.missed()).equals(new HashSet<>(a.missed()))) {
                    return true;
                }
            }
            return false;
        }

        /** Whether {@code m} differs between any two configurations. */
        public boolean differs(Measure m) {
            double a = m.of(outcomes.get(0));
            return outcomes.stream().anyMatch(o -> m.of(o) != a);
        }
    }

    /**
     * One configuration over every lookup that ran.
     *
     * @param name      the configuration's name
     * @param lookups   lookups run
     * @param ended     those that ended within the wait
     * @param hops      summed hops
     * @param rpcs      summed RPCs
     * @param failures  summed failed peers
     * @param timeMs    summed virtual time
     * @param exact     exact lookups
     * @param recallSum summed recall
     * @param missed    true closest nodes missed, summed
     */
    public record Totals(String name, int lookups, int ended, long hops, long rpcs, long failures, long timeMs, int exact,
                         double recallSum, long missed) {
        public double meanHops() {
            return mean(hops);
        }

        public double meanRpcs() {
            return mean(rpcs);
        }

        public double meanTimeMs() {
            return mean(timeMs);
        }

        /** Exact share, 0..1; NaN when no lookup ran. */
        public double exactShare() {
            return lookups == 0 ? Double.NaN : (double) exact / lookups;
        }

        /** Mean recall, 0..1; NaN when no lookup ran. */
        public double meanRecall() {
            return mean(recallSum);
        }

        private double mean(double sum) {
            return lookups == 0 ? Double.NaN : sum / lookups;
        }
    }

    /** The configurations compared, in order. */
    public List<Comparison.Setup> setups() {
        return request.setups();
    }

    /** Their names, in order. */
    public List<String> names() {
        return setups().stream().map(Comparison.Setup::name).toList();
    }

    public KeySpace keySpace() {
        return request.base().kad().keySpace();
    }

    /** Totals of the {@code c}-th configuration. */
    public Totals totals(int c) {
        int ended = 0;
        int exact = 0;
        long hops = 0;
        long rpcs = 0;
        long failures = 0;
        long time = 0;
        long missed = 0;
        double recall = 0;
        for (Row r : rows) {
            Outcome o = r.outcomes().get(c);
            ended += o.ended() ? 1 : 0;
            exact += o.exact() ? 1 : 0;
            hops += o.hops();
            rpcs += o.rpcs();
            failures += o.failures();
            time += o.timeMs();
            missed += o.missed().size();
            recall += o.recall();
        }
        return new Totals(setups().get(c).name(), rows.size(), ended, hops, rpcs, failures, time, exact, recall, missed);
    }

    /** Totals of every configuration, in order. */
    public List<Totals> totals() {
        List<Totals> out = new ArrayList<>();
        for (int c = 0; c < setups().size(); c++) {
            out.add(totals(c));
        }
        return out;
    }

    /** Lookups where the configurations disagree on what was found (see {@link Row#disagrees()}). */
    public int disagreements() {
        return (int) rows.stream().filter(Row::disagrees).count();
    }

    /**
     * The distribution of {@code m} under the {@code c}-th configuration: for each distinct value,
     * ascending, the share of lookups at or below it (x, share 0..1).
     */
    public List<double[]> cdf(int c, Measure m) {
        double[] v = rows.stream().mapToDouble(r -> m.of(r.outcomes().get(c))).sorted().toArray();
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (i + 1 == v.length || v[i + 1] != v[i]) {
                out.add(new double[] {v[i], (i + 1) / (double) v.length});
            }
        }
        return out;
    }

    /** The totals as a fixed-width table, one line per configuration. */
    public String totalsTable() {
        String head = "%-12s %-44s %7s %7s %8s %9s %8s %8s %7s%n";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, head, "config", "settings", "lookups", "hops",
                "RPCs", "time_ms", "exact", "recall", "missed"));
        for (int c = 0; c < setups().size(); c++) {
            Totals t = totals(c);
            b.append(String.format(Locale.ROOT, head, t.name(), setups().get(c).describe(), t.lookups(),
                    fixed(t.meanHops(), 2), fixed(t.meanRpcs(), 1), fixed(t.meanTimeMs(), 0), percent(t.exactShare()),
                    percent(t.meanRecall()), t.missed()));
        }
        return b.toString();
    }

    /** Writes one CSV line per lookup and configuration under {@link #COLUMNS}; ids in hex, lists space-separated. */
    public void writeCsv(Appendable out) throws IOException {
        out.append(String.join(",", COLUMNS)).append('\n');
        KeySpace ks = keySpace();
        for (Row r : rows) {
            for (int c = 0; c < r.outcomes().size(); c++) {
                Outcome o = r.outcomes().get(c);
                out.append(String.valueOf(r.number())).append(',').append(quote(setups().get(c).name())).append(',')
                        .append(String.valueOf(r.originIndex())).append(',').append(ks.hex(r.origin())).append(',')
                        .append(ks.hex(r.target())).append(',').append(String.valueOf(o.ended())).append(',')
                        .append(String.valueOf(o.hops())).append(',').append(String.valueOf(o.rpcs())).append(',')
                        .append(String.valueOf(o.failures())).append(',').append(String.valueOf(o.timeMs())).append(',')
                        .append(String.valueOf(o.exact())).append(',').append(String.format(Locale.ROOT, "%.4f", o.recall()))
                        .append(',').append(hexList(ks, o.missed())).append(',').append(hexList(ks, o.returned())).append('\n');
            }
        }
    }

    private static String hexList(KeySpace ks, List<NodeId> ids) {
        return String.join(" ", ids.stream().map(ks::hex).toList());
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
