package org.kadlab.sim.scenario;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SessionModel;
import org.kadlab.sim.SimConfig;
import org.kadlab.sim.Workload;

/**
 * Reads a scenario file and checks every field, naming the file, the line and the field of the
 * first problem: an unknown field (with the nearest known name), a value of the wrong type, an
 * impossible value, a malformed step.
 */
public final class ScenarioReader {
    /** The protocol's rules under failure: max_failures, rpc_retries, peer_timeout, replication, caching, pinging. */
    private void knobs(Map<String, Yaml.Located> top, KadConfig.Builder kad) throws ScenarioException {
        if (top.containsKey("max_failures")) {
            kad.maxFailures((int) longValue(top.get("max_failures"), "max_failures", 1, 1_000));
        }
        if (top.containsKey("rpc_retries")) {
            kad.rpcRetries((int) longValue(top.get("rpc_retries"), "rpc_retries", 0, KadConfig.MAX_RETRIES));
        }
        if (top.containsKey("peer_timeout")) {
            Yaml.Located p = top.get("peer_timeout");
            long ms = duration(p, "peer_timeout");
            long rpc = top.containsKey("rpc_timeout_ms")
                    ? longValue(top.get("rpc_timeout_ms"), "rpc_timeout_ms", 1, Long.MAX_VALUE / 4)
                    : KadConfig.defaults().rpcTimeoutMs();
            if (ms < 1 || ms > rpc) {
                throw fail(p.line(), "peer_timeout", "must be between 1 ms and the RPC timeout (" + rpc + " ms), was " + ms + " ms");
            }
            kad.peerTimeoutMs(ms);
        }
        if (top.containsKey("replicate_on_join")) {
            kad.replicateOnJoin(bool(top.get("replicate_on_join"), "replicate_on_join"));
        }
        if (top.containsKey("cache_on_find_value")) {
            kad.cacheOnFindValue(bool(top.get("cache_on_find_value"), "cache_on_find_value"));
        }
        if (top.containsKey("ping_skip_window")) {
            kad.pingSkipWindowMs(duration(top.get("ping_skip_window"), "ping_skip_window"));
        }
        if (top.containsKey("evict_stale_alone")) {
            kad.evictStaleAlone(bool(top.get("evict_stale_alone"), "evict_stale_alone"));
        }
        if (top.containsKey("failure_backoff")) {
            Yaml.Located b = top.get("failure_backoff");
            long ms = duration(b, "failure_backoff");
            if (ms > KadConfig.MAX_FAILURE_BACKOFF_MS) {
                throw fail(b.line(), "failure_backoff", "must be at most 1 day (0s turns it off), was " + ms + " ms");
            }
            kad.failureBackoffMs(ms);
        }
        if (top.containsKey("scale_cache_ttl")) {
            kad.scaleCacheTtl(bool(top.get("scale_cache_ttl"), "scale_cache_ttl"));
        }
        if (top.containsKey("share_failing")) {
            kad.shareFailing(bool(top.get("share_failing"), "share_failing"));
        }
    }

    private boolean bool(Yaml.Located c, String field) throws ScenarioException {
        if (!(c.value() instanceof Boolean b)) {
            throw fail(c.line(), field, "must be true or false, was " + c.kind());
        }
        return b;
    }

    private static final Set<String> TOP = Set.of("seed", "bits", "k", "alpha", "lookup_mode", "latency_ms", "loss",
            "rpc_timeout_ms", "refresh_interval", "max_records", "record_ttl", "check_invariants", "max_failures",
            "rpc_retries", "peer_timeout", "replicate_on_join", "cache_on_find_value", "ping_skip_window",
            "evict_stale_alone", "share_failing", "failure_backoff",
            "scale_cache_ttl", "steps");
    private static final Set<String> STEPS = Set.of("add", "kill", "revive", "lookups", "lookup", "store",
            "find_value", "advance", "churn", "prefill");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

    private final String file;
    /** Whether a store step came before the step being read (a churn workload's find_values need a key). */
    private boolean storedBefore;
    /** The scenario's key space, known once its settings are read (ids in steps are checked against it). */
    private KeySpace keySpace;

    private ScenarioReader(String file) {
        this.file = file;
    }

    /** Reads and checks the scenario at {@code path}. */
    public static Scenario read(Path path) throws ScenarioException {
        String name = path.toString();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return new ScenarioReader(name).scenario(Yaml.read(in, name));
        } catch (NoSuchFileException e) {
            throw new ScenarioException(name + ": no such file");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ScenarioException(name + ": not UTF-8 text (a scenario is a YAML text file saved as UTF-8)");
        } catch (IOException e) {
            throw new ScenarioException(name + ": cannot read: " + e.getMessage());
        }
    }

    /** Reads and checks a scenario given as text; {@code name} is used in messages. */
    public static Scenario parse(String yaml, String name) throws ScenarioException {
        return new ScenarioReader(name).scenario(Yaml.read(new StringReader(yaml), name));
    }

    private Scenario scenario(Yaml.Located doc) throws ScenarioException {
        if (!(doc.value() instanceof Map)) {
            throw fail(doc.line(), null, "a scenario is a mapping of fields (seed, bits, k, ..., steps), not " + doc.kind());
        }
        Map<String, Yaml.Located> top = doc.map();
        checkKnown(top, TOP, null);
        KadConfig.Builder kad = KadConfig.builder();
        long seed = 1;
        long latMin = 10;
        long latMax = 80;
        double loss = 0;
        boolean invariants = false;
        if (top.containsKey("seed")) {
            seed = longValue(top.get("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        }
        Integer bits = top.containsKey("bits") ? (int) longValue(top.get("bits"), "bits", 1, 160) : null;
        if (bits != null) {
            kad.bits(bits);
        }
        if (top.containsKey("k")) {
            kad.k((int) longValue(top.get("k"), "k", 1, KadConfig.MAX_K));
        }
        if (top.containsKey("alpha")) {
            kad.alpha((int) longValue(top.get("alpha"), "alpha", 1, KadConfig.MAX_ALPHA));
        }
        if (top.containsKey("lookup_mode")) {
            Yaml.Located m = top.get("lookup_mode");
            String s = text(m, "lookup_mode");
            switch (s.toLowerCase(Locale.ROOT)) {
                case "sliding" -> kad.lookupMode(LookupMode.SLIDING);
                case "rounds" -> kad.lookupMode(LookupMode.ROUNDS);
                case "seed_rounds" -> kad.lookupMode(LookupMode.SEED_ROUNDS);
                default -> throw fail(m.line(), "lookup_mode", "must be sliding, rounds or seed_rounds, was '" + s + "'");
            }
        }
        if (top.containsKey("latency_ms")) {
            Yaml.Located l = top.get("latency_ms");
            if (!(l.value() instanceof List) || l.list().size() != 2) {
                throw fail(l.line(), "latency_ms", "must be a list of two numbers [min, max], e.g. [10, 80]");
            }
            latMin = longValue(l.list().get(0), "latency_ms", 0, 3_600_000);
            latMax = longValue(l.list().get(1), "latency_ms", 0, 3_600_000);
            if (latMax < latMin) {
                throw fail(l.line(), "latency_ms", "maximum " + latMax + " is below minimum " + latMin);
            }
        }
        if (top.containsKey("loss")) {
            Yaml.Located l = top.get("loss");
            loss = number(l, "loss");
            if (!(loss >= 0 && loss < 1)) {
                throw fail(l.line(), "loss", "must be at least 0 and below 1, was " + loss);
            }
        }
        if (top.containsKey("rpc_timeout_ms")) {
            kad.rpcTimeoutMs(longValue(top.get("rpc_timeout_ms"), "rpc_timeout_ms", 1, Long.MAX_VALUE / 4));
        }
        if (top.containsKey("refresh_interval")) {
            kad.refreshIntervalMs(duration(top.get("refresh_interval"), "refresh_interval"));
        }
        if (top.containsKey("record_ttl")) {
            kad.recordTtlMs(duration(top.get("record_ttl"), "record_ttl"));
        }
        if (top.containsKey("max_records")) {
            kad.maxRecords((int) longValue(top.get("max_records"), "max_records", 1, Integer.MAX_VALUE));
        }
        if (top.containsKey("check_invariants")) {
            invariants = bool(top.get("check_invariants"), "check_invariants");
        }
        knobs(top, kad);
        KadConfig kc;
        try {
            kc = kad.build();
        } catch (IllegalArgumentException e) {
            throw fail(doc.line(), null, e.getMessage());
        }
        SimConfig config = new SimConfig(seed, kc, latMin, latMax, loss, invariants, 0);
        keySpace = kc.keySpace();
        List<Scenario.Step> steps = new ArrayList<>();
        if (top.containsKey("steps")) {
            Yaml.Located s = top.get("steps");
            if (s.value() != null) {
                if (!(s.value() instanceof List)) {
                    throw fail(s.line(), "steps", "must be a list of steps, each like '- add: 20', not " + s.kind());
                }
                for (Yaml.Located item : s.list()) {
                    Scenario.Step step = step(item);
                    if (step instanceof Scenario.Prefill && !steps.isEmpty()) {
                        throw fail(step.line(), "prefill", "must be the first step: only an empty network can be prefilled");
                    }
                    storedBefore |= step instanceof Scenario.Store;
                    steps.add(step);
                }
            }
        }
        return new Scenario(file, config, List.copyOf(steps));
    }

    private Scenario.Step step(Yaml.Located item) throws ScenarioException {
        if (!(item.value() instanceof Map) || item.map().size() != 1) {
            throw fail(item.line(), "steps", "each step is one 'name: value' pair such as '- add: 20'; known steps: "
                    + String.join(", ", sorted(STEPS)));
        }
        Map.Entry<String, Yaml.Located> e = item.map().entrySet().iterator().next();
        String name = e.getKey();
        Yaml.Located v = e.getValue();
        int line = v.line();
        if (!STEPS.contains(name)) {
            throw fail(line, name, "unknown step" + suggestion(name, STEPS) + "; known steps: " + String.join(", ", sorted(STEPS)));
        }
        return switch (name) {
            case "add" -> add(v);
            case "kill" -> kill(v);
            case "revive" -> {
                if ("all".equals(v.value())) {
                    yield new Scenario.Revive(line, -1);
                }
                if (v.value() instanceof String) {
                    throw fail(line, "revive", "must be 'all' or a number of nodes, was '" + v.value() + "'");
                }
                yield new Scenario.Revive(line, (int) longValue(v, "revive", 0, 10_000_000));
            }
            case "lookups" -> new Scenario.Lookups(line, (int) longValue(v, "lookups", 0, 100_000_000));
            case "lookup" -> {
                Map<String, Yaml.Located> m = fields(v, "lookup", Set.of("from", "target"));
                yield new Scenario.LookupOne(line, optionalText(m, "from", "lookup.from"), requiredText(m, v, "target", "lookup.target"));
            }
            case "store" -> {
                Map<String, Yaml.Located> m = fields(v, "store", Set.of("key", "value", "from"));
                yield new Scenario.Store(line, requiredText(m, v, "key", "store.key"), requiredText(m, v, "value", "store.value"),
                        optionalText(m, "from", "store.from"));
            }
            case "find_value" -> {
                Map<String, Yaml.Located> m = fields(v, "find_value", Set.of("key", "from"));
                yield new Scenario.FindValue(line, requiredText(m, v, "key", "find_value.key"), optionalText(m, "from", "find_value.from"));
            }
            case "advance" -> new Scenario.Advance(line, duration(v, "advance"));
            case "prefill" -> new Scenario.Prefill(line, (int) longValue(v, "prefill", 1, 10_000_000));
            default -> churn(v);
        };
    }

    /** {@code add: N}, or {@code add: {ids: [...], count: N}} with ids of the scenario's width, each once. */
    private Scenario.Step add(Yaml.Located v) throws ScenarioException {
        if (!(v.value() instanceof Map)) {
            return new Scenario.Add(v.line(), (int) longValue(v, "add", 1, 10_000_000));
        }
        Map<String, Yaml.Located> m = fields(v, "add", Set.of("ids", "count"));
        if (!m.containsKey("ids")) {
            throw fail(v.line(), "add.ids", "is required in the mapping form, e.g. add: {ids: [\"3f2a\"]}; "
                    + "for random ids write add: 20");
        }
        Yaml.Located list = m.get("ids");
        if (!(list.value() instanceof List) || list.list().isEmpty()) {
            throw fail(list.line(), "add.ids", "must be a list of one or more ids, e.g. [\"3f2a\", \"0b01\"], not " + describe(list));
        }
        List<String> ids = new ArrayList<>();
        Set<NodeId> seen = new HashSet<>();
        for (Yaml.Located item : list.list()) {
            String text = text(item, "add.ids");
            NodeId id;
            try {
                id = keySpace.parse(text);
            } catch (IllegalArgumentException e) {
                throw fail(item.line(), "add.ids", e.getMessage());
            }
            if (!seen.add(id)) {
                throw fail(item.line(), "add.ids", "id " + keySpace.hex(id) + " is listed twice");
            }
            ids.add(text);
        }
        int count = ids.size();
        if (m.containsKey("count")) {
            Yaml.Located c = m.get("count");
            count = (int) longValue(c, "add.count", 1, 10_000_000);
            if (count < ids.size()) {
                throw fail(c.line(), "add.count", "must be at least the number of ids (" + ids.size() + "), was " + count);
            }
        }
        return new Scenario.Add(v.line(), count, ids);
    }

    private Scenario.Step kill(Yaml.Located v) throws ScenarioException {
        if (v.value() instanceof Map) {
            Map<String, Yaml.Located> m = fields(v, "kill", Set.of("node"));
            return new Scenario.KillNode(v.line(), requiredText(m, v, "node", "kill.node"));
        }
        if (v.value() instanceof String s && s.strip().endsWith("%")) {
            String num = s.strip().substring(0, s.strip().length() - 1).strip();
            BigDecimal pct;
            try {
                pct = new BigDecimal(num);
            } catch (NumberFormatException ex) {
                throw fail(v.line(), "kill", "'" + s + "' is not a percentage such as \"30%\"");
            }
            if (pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw fail(v.line(), "kill", "a percentage must be between 0% and 100%, was " + s);
            }
            // divided exactly, rounded once: every fraction has a percentage that reads back to it
            return new Scenario.Kill(v.line(), -1, pct.movePointLeft(2).doubleValue());
        }
        return new Scenario.Kill(v.line(), (int) longValue(v, "kill", 0, 10_000_000), -1);
    }

    private Scenario.Step churn(Yaml.Located v) throws ScenarioException {
        Map<String, Yaml.Located> m = fields(v, "churn", Set.of("model", "mean_session", "shape", "duration",
                "lookups_per_hour", "find_values_per_hour", "sample_every"));
        String modelName = requiredText(m, v, "model", "churn.model");
        SessionModel model;
        try {
            model = SessionModel.parse(modelName);
        } catch (IllegalArgumentException e) {
            throw fail(m.get("model").line(), "churn.model", e.getMessage());
        }
        if (!m.containsKey("mean_session")) {
            throw fail(v.line(), "churn.mean_session", "is required, e.g. mean_session: 600s");
        }
        if (!m.containsKey("duration")) {
            throw fail(v.line(), "churn.duration", "is required, e.g. duration: 3600s");
        }
        long mean = duration(m.get("mean_session"), "churn.mean_session");
        long dur = duration(m.get("duration"), "churn.duration");
        double shape = m.containsKey("shape") ? number(m.get("shape"), "churn.shape") : (model == SessionModel.PARETO ? 2.0 : 1.0);
        try {
            model.validate(mean, shape);
        } catch (IllegalArgumentException e) {
            throw fail(m.containsKey("shape") ? m.get("shape").line() : v.line(), "churn.shape", e.getMessage());
        }
        double lookups = rate(m, "lookups_per_hour");
        double findValues = rate(m, "find_values_per_hour");
        if (findValues > 0 && !storedBefore) {
            throw fail(m.get("find_values_per_hour").line(), "churn.find_values_per_hour",
                    "looks up keys stored earlier, but no store step comes before this churn: add one, e.g. "
                            + "'- store: {key: \"k1\", value: \"v1\"}'");
        }
        long every = 0;
        if (m.containsKey("sample_every")) {
            Yaml.Located e = m.get("sample_every");
            every = duration(e, "churn.sample_every");
            if (every < 1) {
                throw fail(e.line(), "churn.sample_every", "must be longer than 0 ms");
            }
            long samples = dur / every;
            if (samples > ScenarioRunner.MAX_DURABILITY_SAMPLES) {
                long least = (dur + ScenarioRunner.MAX_DURABILITY_SAMPLES - 1) / ScenarioRunner.MAX_DURABILITY_SAMPLES;
                throw fail(e.line(), "churn.sample_every", "gives " + samples + " samples over the churn's "
                        + ScenarioWriter.duration(dur) + "; at most " + ScenarioRunner.MAX_DURABILITY_SAMPLES
                        + " are kept per churn step, so sample every " + least + " ms or more");
            }
        }
        return new Scenario.Churn(v.line(), model, mean, shape, dur, lookups, findValues, every);
    }

    /** An optional rate per hour of virtual time: a number from 0 to {@link Workload#MAX_PER_HOUR}; 0 when absent. */
    private double rate(Map<String, Yaml.Located> m, String name) throws ScenarioException {
        if (!m.containsKey(name)) {
            return 0;
        }
        Yaml.Located r = m.get(name);
        double perHour = number(r, "churn." + name);
        if (!(perHour >= 0 && perHour <= Workload.MAX_PER_HOUR)) {
            throw fail(r.line(), "churn." + name, "must be between 0 and " + (long) Workload.MAX_PER_HOUR
                    + " per hour of virtual time, was " + r.value());
        }
        return perHour;
    }

    // ------------------------------------------------------------------ field helpers

    private Map<String, Yaml.Located> fields(Yaml.Located v, String step, Set<String> known) throws ScenarioException {
        if (!(v.value() instanceof Map)) {
            throw fail(v.line(), step, "needs fields " + String.join(", ", sorted(known)) + " as a mapping, e.g. {"
                    + sorted(known).get(0) + ": ...}, not " + v.kind());
        }
        checkKnown(v.map(), known, step);
        return v.map();
    }

    private void checkKnown(Map<String, Yaml.Located> m, Set<String> known, String parent) throws ScenarioException {
        for (Map.Entry<String, Yaml.Located> e : m.entrySet()) {
            if (!known.contains(e.getKey())) {
                String field = parent == null ? e.getKey() : parent + "." + e.getKey();
                throw fail(e.getValue().line(), field, "unknown field" + suggestion(e.getKey(), known)
                        + "; known fields: " + String.join(", ", sorted(known)));
            }
        }
    }

    private String requiredText(Map<String, Yaml.Located> m, Yaml.Located parent, String name, String field) throws ScenarioException {
        if (!m.containsKey(name)) {
            throw fail(parent.line(), field, "is required");
        }
        return text(m.get(name), field);
    }

    private String optionalText(Map<String, Yaml.Located> m, String name, String field) throws ScenarioException {
        return m.containsKey(name) ? text(m.get(name), field) : null;
    }

    private String text(Yaml.Located v, String field) throws ScenarioException {
        if (v.value() instanceof String s) {
            return s;
        }
        if (v.value() instanceof Number || v.value() instanceof Boolean) {
            return String.valueOf(v.value());
        }
        throw fail(v.line(), field, "must be text, was " + v.kind());
    }

    private long longValue(Yaml.Located v, String field, long min, long max) throws ScenarioException {
        if (!(v.value() instanceof BigInteger b)) {
            throw fail(v.line(), field, "must be a whole number, was " + describe(v));
        }
        if (b.compareTo(BigInteger.valueOf(min)) < 0 || b.compareTo(BigInteger.valueOf(max)) > 0) {
            String range = max >= Long.MAX_VALUE / 4 ? "at least " + min : "between " + min + " and " + max;
            throw fail(v.line(), field, "must be " + range + ", was " + b);
        }
        return b.longValue();
    }

    private double number(Yaml.Located v, String field) throws ScenarioException {
        if (v.value() instanceof Number n) {
            return n.doubleValue();
        }
        throw fail(v.line(), field, "must be a number, was " + describe(v));
    }

    /** A duration with a unit: 500ms, 30s, 10m, 1h, 2d. */
    private long duration(Yaml.Located v, String field) throws ScenarioException {
        if (v.value() instanceof String s) {
            Matcher m = DURATION.matcher(s.strip());
            if (m.matches()) {
                double amount = Double.parseDouble(m.group(1));
                long unit = switch (m.group(2)) {
                    case "ms" -> 1L;
                    case "s" -> 1_000L;
                    case "m" -> 60_000L;
                    case "h" -> 3_600_000L;
                    default -> 86_400_000L;
                };
                double ms = amount * unit;
                if (ms > 1e15) {
                    throw fail(v.line(), field, "duration '" + s + "' is too long");
                }
                return Math.round(ms);
            }
        }
        throw fail(v.line(), field, "must be a duration with a unit (500ms, 30s, 10m, 1h, 2d), was " + describe(v));
    }

    private static String describe(Yaml.Located v) {
        return v.value() instanceof String s ? "'" + s + "'" : v.kind();
    }

    private ScenarioException fail(int line, String field, String problem) {
        return ScenarioException.at(file, line, field, problem);
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    /** " (did you mean 'k'?)" for a near miss, or "". */
    private static String suggestion(String typed, Set<String> known) {
        return NearestName.suggestion(typed, known);
    }
}
