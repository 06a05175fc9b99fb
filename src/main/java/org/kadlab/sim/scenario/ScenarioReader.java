package org.kadlab.sim.scenario;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.LookupMode;
import org.kadlab.sim.SimConfig;

/**
 * Reads a scenario file and checks every field, naming the file, the line and the field of the
 * first problem: an unknown field (with the nearest known name), a value of the wrong type, an
 * impossible value, a malformed step.
 */
public final class ScenarioReader {
    /** The protocol's rules under failure: max_failures, rpc_retries, peer_timeout, replication, caching, pinging. */
    private void knobs(Map<String, Yaml.Located> top, KadConfig.Builder kad) throws ScenarioException {
        if (top.containsKey("max_failures")) {
            kad.maxFailures((int) values.longValue(top.get("max_failures"), "max_failures", 1, 1_000));
        }
        if (top.containsKey("rpc_retries")) {
            kad.rpcRetries((int) values.longValue(top.get("rpc_retries"), "rpc_retries", 0, KadConfig.MAX_RETRIES));
        }
        if (top.containsKey("peer_timeout")) {
            Yaml.Located p = top.get("peer_timeout");
            long ms = values.duration(p, "peer_timeout");
            long rpc = top.containsKey("rpc_timeout_ms")
                    ? values.longValue(top.get("rpc_timeout_ms"), "rpc_timeout_ms", 1, Long.MAX_VALUE / 4)
                    : KadConfig.defaults().rpcTimeoutMs();
            if (ms < 1 || ms > rpc) {
                throw values.fail(p.line(), "peer_timeout", "must be between 1 ms and the RPC timeout (" + rpc + " ms), was " + ms + " ms");
            }
            kad.peerTimeoutMs(ms);
        }
        if (top.containsKey("replicate_on_join")) {
            kad.replicateOnJoin(values.bool(top.get("replicate_on_join"), "replicate_on_join"));
        }
        if (top.containsKey("cache_on_find_value")) {
            kad.cacheOnFindValue(values.bool(top.get("cache_on_find_value"), "cache_on_find_value"));
        }
        if (top.containsKey("ping_skip_window")) {
            kad.pingSkipWindowMs(values.duration(top.get("ping_skip_window"), "ping_skip_window"));
        }
        if (top.containsKey("evict_stale_alone")) {
            kad.evictStaleAlone(values.bool(top.get("evict_stale_alone"), "evict_stale_alone"));
        }
        if (top.containsKey("failure_backoff")) {
            Yaml.Located b = top.get("failure_backoff");
            long ms = values.duration(b, "failure_backoff");
            if (ms > KadConfig.MAX_FAILURE_BACKOFF_MS) {
                throw values.fail(b.line(), "failure_backoff", "must be at most 1 day (0s turns it off), was " + ms + " ms");
            }
            kad.failureBackoffMs(ms);
        }
        if (top.containsKey("scale_cache_ttl")) {
            kad.scaleCacheTtl(values.bool(top.get("scale_cache_ttl"), "scale_cache_ttl"));
        }
        if (top.containsKey("share_failing")) {
            kad.shareFailing(values.bool(top.get("share_failing"), "share_failing"));
        }
    }

    private static final Set<String> TOP = Set.of("seed", "bits", "k", "alpha", "lookup_mode", "latency_ms", "loss",
            "rpc_timeout_ms", "refresh_interval", "max_records", "record_ttl", "check_invariants", "max_failures",
            "rpc_retries", "peer_timeout", "replicate_on_join", "cache_on_find_value", "ping_skip_window",
            "evict_stale_alone", "share_failing", "failure_backoff",
            "scale_cache_ttl", "steps");

    private final String file;
    private final ScenarioValues values;

    private ScenarioReader(String file) {
        this.file = file;
        this.values = new ScenarioValues(file);
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
            throw values.fail(doc.line(), null, "a scenario is a mapping of fields (seed, bits, k, ..., steps), not " + doc.kind());
        }
        Map<String, Yaml.Located> top = doc.map();
        values.checkKnown(top, TOP, null);
        KadConfig.Builder kad = KadConfig.builder();
        long seed = 1;
        long latMin = 10;
        long latMax = 80;
        double loss = 0;
        boolean invariants = false;
        if (top.containsKey("seed")) {
            seed = values.longValue(top.get("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        }
        Integer bits = top.containsKey("bits") ? (int) values.longValue(top.get("bits"), "bits", 1, 160) : null;
        if (bits != null) {
            kad.bits(bits);
        }
        if (top.containsKey("k")) {
            kad.k((int) values.longValue(top.get("k"), "k", 1, KadConfig.MAX_K));
        }
        if (top.containsKey("alpha")) {
            kad.alpha((int) values.longValue(top.get("alpha"), "alpha", 1, KadConfig.MAX_ALPHA));
        }
        if (top.containsKey("lookup_mode")) {
            Yaml.Located m = top.get("lookup_mode");
            String s = values.text(m, "lookup_mode");
            switch (s.toLowerCase(Locale.ROOT)) {
                case "sliding" -> kad.lookupMode(LookupMode.SLIDING);
                case "rounds" -> kad.lookupMode(LookupMode.ROUNDS);
                case "seed_rounds" -> kad.lookupMode(LookupMode.SEED_ROUNDS);
                default -> throw values.fail(m.line(), "lookup_mode", "must be sliding, rounds or seed_rounds, was '" + s + "'");
            }
        }
        if (top.containsKey("latency_ms")) {
            Yaml.Located l = top.get("latency_ms");
            if (!(l.value() instanceof List) || l.list().size() != 2) {
                throw values.fail(l.line(), "latency_ms", "must be a list of two numbers [min, max], e.g. [10, 80]");
            }
            latMin = values.longValue(l.list().get(0), "latency_ms", 0, 3_600_000);
            latMax = values.longValue(l.list().get(1), "latency_ms", 0, 3_600_000);
            if (latMax < latMin) {
                throw values.fail(l.line(), "latency_ms", "maximum " + latMax + " is below minimum " + latMin);
            }
        }
        if (top.containsKey("loss")) {
            Yaml.Located l = top.get("loss");
            loss = values.number(l, "loss");
            if (!(loss >= 0 && loss < 1)) {
                throw values.fail(l.line(), "loss", "must be at least 0 and below 1, was " + loss);
            }
        }
        if (top.containsKey("rpc_timeout_ms")) {
            kad.rpcTimeoutMs(values.longValue(top.get("rpc_timeout_ms"), "rpc_timeout_ms", 1, Long.MAX_VALUE / 4));
        }
        if (top.containsKey("refresh_interval")) {
            kad.refreshIntervalMs(values.duration(top.get("refresh_interval"), "refresh_interval"));
        }
        if (top.containsKey("record_ttl")) {
            kad.recordTtlMs(values.duration(top.get("record_ttl"), "record_ttl"));
        }
        if (top.containsKey("max_records")) {
            kad.maxRecords((int) values.longValue(top.get("max_records"), "max_records", 1, Integer.MAX_VALUE));
        }
        if (top.containsKey("check_invariants")) {
            invariants = values.bool(top.get("check_invariants"), "check_invariants");
        }
        knobs(top, kad);
        KadConfig kc;
        try {
            kc = kad.build();
        } catch (IllegalArgumentException e) {
            throw values.fail(doc.line(), null, e.getMessage());
        }
        SimConfig config = new SimConfig(seed, kc, latMin, latMax, loss, invariants, 0);
        List<Scenario.Step> steps = top.containsKey("steps")
                ? new ScenarioSteps(values, kc.keySpace()).read(top.get("steps")) : List.of();
        return new Scenario(file, config, List.copyOf(steps));
    }
}
