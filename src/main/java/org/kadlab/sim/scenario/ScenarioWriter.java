package org.kadlab.sim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kadlab.kad.KadConfig;
import org.kadlab.sim.SimConfig;

/**
 * Writes a {@link Scenario} as YAML that {@link ScenarioReader} reads back to equal settings and
 * equal steps (line numbers aside).
 *
 * <ol>
 *   <li>A leading comment, then the settings: seed, bits, k, alpha, lookup_mode, latency_ms, loss and
 *       rpc_timeout_ms always; refresh_interval, record_ttl, max_records and check_invariants when
 *       they differ from the defaults.</li>
 *   <li>The steps in order, in block style. Text values are always double-quoted, so "yes", "null",
 *       "0x3f" or " padded" stay text; durations get the largest unit that keeps them exact.</li>
 *   <li>A setting no scenario file can express (a republish interval, max_failures, the replacement
 *       cache size, caching on find_value, each differing from its default) is refused with a message
 *       naming it, rather than silently lost. The event history capacity is not a scenario setting.</li>
 * </ol>
 */
public final class ScenarioWriter {
    /** The comment a written scenario opens with unless another is given. */
    public static final String DEFAULT_COMMENT = "KadLab scenario. Run it: java -jar kadlab.jar run this.yaml --report report.json";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScenarioWriter() {
    }

    /** The scenario as YAML, opening with {@link #DEFAULT_COMMENT}. */
    public static String toYaml(Scenario scenario) {
        return toYaml(scenario, DEFAULT_COMMENT);
    }

    /** The scenario as YAML, opening with {@code comment} as comment lines (none when null or blank). */
    public static String toYaml(Scenario scenario, String comment) {
        ObjectNode root = NODES.objectNode();
        settings(root, scenario.config());
        ArrayNode steps = root.putArray("steps");
        for (Scenario.Step step : scenario.steps()) {
            steps.add(step(step));
        }
        String body;
        try {
            body = YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the scenario as YAML", e);
        }
        return comment(comment) + body;
    }

    /** Writes the scenario to {@code file} in UTF-8, opening with {@link #DEFAULT_COMMENT}. */
    public static void write(Scenario scenario, Path file) throws IOException {
        Files.writeString(file, toYaml(scenario), StandardCharsets.UTF_8);
    }

    private static String comment(String comment) {
        if (comment == null || comment.isBlank()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String line : comment.split("\\R", -1)) {
            b.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ settings

    private static void settings(ObjectNode root, SimConfig c) {
        KadConfig k = c.kad();
        KadConfig d = KadConfig.defaults();
        List<String> lost = new ArrayList<>();
        if (k.publisherRepublishMs() != d.publisherRepublishMs()) {
            lost.add("publisher republish interval " + k.publisherRepublishMs() + " ms");
        }
        if (k.holderRepublishMs() != d.holderRepublishMs()) {
            lost.add("holder republish interval " + k.holderRepublishMs() + " ms");
        }
        if (k.replacementCacheSize() != d.replacementCacheSize()) {
            lost.add("replacement cache size " + k.replacementCacheSize());
        }
        if (!lost.isEmpty()) {
            throw new IllegalArgumentException("a scenario file cannot hold these settings, so they would be lost: "
                    + String.join(", ", lost));
        }
        root.put("seed", c.seed());
        root.put("bits", k.bits());
        root.put("k", k.k());
        root.put("alpha", k.alpha());
        root.put("lookup_mode", k.lookupMode().name().toLowerCase(Locale.ROOT));
        root.putArray("latency_ms").add(c.latencyMinMs()).add(c.latencyMaxMs());
        root.put("loss", c.loss());
        root.put("rpc_timeout_ms", k.rpcTimeoutMs());
        if (k.refreshIntervalMs() != d.refreshIntervalMs()) {
            root.put("refresh_interval", duration(k.refreshIntervalMs()));
        }
        if (k.recordTtlMs() != d.recordTtlMs()) {
            root.put("record_ttl", duration(k.recordTtlMs()));
        }
        if (k.maxRecords() != d.maxRecords()) {
            root.put("max_records", k.maxRecords());
        }
        if (c.checkInvariants()) {
            root.put("check_invariants", true);
        }
        if (k.maxFailures() != d.maxFailures()) {
            root.put("max_failures", k.maxFailures());
        }
        if (k.rpcRetries() != d.rpcRetries()) {
            root.put("rpc_retries", k.rpcRetries());
        }
        if (k.peerTimeoutMs() != Math.min(d.peerTimeoutMs(), k.rpcTimeoutMs())) {
            root.put("peer_timeout", duration(k.peerTimeoutMs()));
        }
        if (k.replicateOnJoin() != d.replicateOnJoin()) {
            root.put("replicate_on_join", k.replicateOnJoin());
        }
        if (k.cacheOnFindValue() != d.cacheOnFindValue()) {
            root.put("cache_on_find_value", k.cacheOnFindValue());
        }
        if (k.pingSkipWindowMs() != d.pingSkipWindowMs()) {
            root.put("ping_skip_window", duration(k.pingSkipWindowMs()));
        }
        if (k.evictStaleAlone() != d.evictStaleAlone()) {
            root.put("evict_stale_alone", k.evictStaleAlone());
        }
        if (k.failureBackoffMs() != d.failureBackoffMs()) {
            root.put("failure_backoff", duration(k.failureBackoffMs()));
        }
        if (k.scaleCacheTtl() != d.scaleCacheTtl()) {
            root.put("scale_cache_ttl", k.scaleCacheTtl());
        }
        if (k.shareFailing() != d.shareFailing()) {
            root.put("share_failing", k.shareFailing());
        }
    }

    // ------------------------------------------------------------------ steps

    private static ObjectNode step(Scenario.Step step) {
        ObjectNode s = NODES.objectNode();
        if (step instanceof Scenario.Prefill p) {
            s.put("prefill", p.count());
        } else if (step instanceof Scenario.Add a && a.ids().isEmpty()) {
            s.put("add", a.count());
        } else if (step instanceof Scenario.Add a) {
            ObjectNode m = s.putObject("add");
            ArrayNode ids = m.putArray("ids");
            for (String id : a.ids()) {
                ids.add(text(id, "add.ids"));
            }
            if (a.count() != a.ids().size()) {
                m.put("count", a.count());
            }
        } else if (step instanceof Scenario.Kill k) {
            if (k.count() >= 0 && k.fraction() == -1) {
                s.put("kill", k.count());
            } else if (k.count() == -1 && k.fraction() >= 0 && k.fraction() <= 1) {
                s.put("kill", percent(k.fraction()));
            } else {
                throw new IllegalArgumentException("a kill step has a count (fraction -1) or a fraction in [0, 1] (count -1), was "
                        + k);
            }
        } else if (step instanceof Scenario.KillNode k) {
            s.putObject("kill").put("node", text(k.node(), "kill.node"));
        } else if (step instanceof Scenario.Revive r) {
            if (r.count() == -1) {
                s.put("revive", "all");
            } else {
                s.put("revive", r.count());
            }
        } else if (step instanceof Scenario.Lookups l) {
            s.put("lookups", l.count());
        } else if (step instanceof Scenario.LookupOne l) {
            ObjectNode m = s.putObject("lookup");
            optional(m, "from", l.from());
            m.put("target", text(l.target(), "lookup.target"));
        } else if (step instanceof Scenario.Store st) {
            ObjectNode m = s.putObject("store");
            m.put("key", text(st.key(), "store.key"));
            m.put("value", text(st.value(), "store.value"));
            optional(m, "from", st.from());
        } else if (step instanceof Scenario.FindValue f) {
            ObjectNode m = s.putObject("find_value");
            m.put("key", text(f.key(), "find_value.key"));
            optional(m, "from", f.from());
        } else if (step instanceof Scenario.Advance a) {
            s.put("advance", duration(a.ms()));
        } else if (step instanceof Scenario.Churn c) {
            if (!Double.isFinite(c.shape())) {
                throw new IllegalArgumentException("churn.shape must be a finite number, was " + c.shape());
            }
            ObjectNode m = s.putObject("churn");
            m.put("model", c.model().name().toLowerCase(Locale.ROOT));
            m.put("mean_session", duration(c.meanSessionMs()));
            m.put("shape", c.shape());
            m.put("duration", duration(c.durationMs()));
            rate(m, "lookups_per_hour", c.lookupsPerHour());
            rate(m, "find_values_per_hour", c.findValuesPerHour());
            if (c.sampleEveryMs() > 0) {
                m.put("sample_every", duration(c.sampleEveryMs()));
            }
        }
        return s;
    }

    /** A workload rate, left out when 0; a whole rate is written as a whole number. */
    private static void rate(ObjectNode m, String name, double perHour) {
        if (!(perHour >= 0 && perHour <= org.kadlab.sim.Workload.MAX_PER_HOUR)) {
            throw new IllegalArgumentException("churn." + name + " must be between 0 and "
                    + (long) org.kadlab.sim.Workload.MAX_PER_HOUR + ", was " + perHour);
        }
        if (perHour == Math.rint(perHour) && perHour != 0) {
            m.put(name, (long) perHour);
        } else if (perHour != 0) {
            m.put(name, perHour);
        }
    }

    private static String text(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required but missing");
        }
        return value;
    }

    private static void optional(ObjectNode m, String name, String value) {
        if (value != null) {
            m.put(name, value);
        }
    }

    /** A duration in the largest unit that keeps it exact: 2d, 3h, 10m, 30s, 1500ms. */
    static String duration(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("a duration must not be negative, was " + ms + " ms");
        }
        if (ms == 0) {
            return "0s";
        }
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (ms % units[i] == 0) {
                return ms / units[i] + names[i];
            }
        }
        return ms + "ms";
    }

    /**
     * The fraction as the shortest percentage the reader turns back into exactly this fraction: "30%"
     * for 0.3, "33.33333333333333%" for 1/3 (the reader divides the decimal by 100 exactly).
     */
    static String percent(double fraction) {
        String pct = new BigDecimal(Double.toString(fraction)).movePointRight(2).stripTrailingZeros().toPlainString();
        if (new BigDecimal(pct).movePointLeft(2).doubleValue() != fraction) {
            throw new IllegalArgumentException("kill fraction " + fraction + " cannot be written exactly as a percentage");
        }
        return pct + "%";
    }
}
