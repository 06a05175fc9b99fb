package org.kadlab.ui.model;

import java.util.Locale;
import java.util.Map;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.LookupMode;
import org.kadlab.sim.SimConfig;

/**
 * The settings the window builds a network from: how many nodes, id width, k, alpha, lookup mode,
 * latency, loss and seed, and the rules under failure (max_failures, rpc_retries, peer_timeout_ms,
 * replicate_on_join, ping_skip_window_ms, failure_backoff_ms, cache_on_find_value, scale_cache_ttl,
 * share_failing, evict_stale_alone; the window's defaults are the protocol's, its timeouts scaled to
 * its 1 s RPC timeout). {@link #parse(Map)} reads them from the text of the settings fields and
 * {@link #toSimConfig()} checks them; both refuse a bad value with a message naming the field.
 */
public record NetworkSettings(int nodes, int bits, int k, int alpha, LookupMode mode, long latencyMinMs,
                              long latencyMaxMs, double loss, long seed, int maxFailures, int rpcRetries,
                              long peerTimeoutMs, boolean replicateOnJoin, long pingSkipWindowMs,
                              long failureBackoffMs, boolean cacheOnFindValue, boolean scaleCacheTtl,
                              boolean shareFailing, boolean evictStaleAlone) {
    /** The window's peer timeout: a fifth of its RPC timeout, as 1 s is of the protocol's 5 s. */
    public static final long PEER_TIMEOUT_MS = 200;
    /** The window's failure backoff: its RPC timeout, as the protocol's 5 s is its own. */
    public static final long FAILURE_BACKOFF_MS = 1_000;

    /** Settings with these rules under failure and the protocol's for the rest. */
    public NetworkSettings(int nodes, int bits, int k, int alpha, LookupMode mode, long latencyMinMs, long latencyMaxMs,
                           double loss, long seed, int maxFailures, int rpcRetries, long peerTimeoutMs,
                           boolean replicateOnJoin, long pingSkipWindowMs) {
        this(nodes, bits, k, alpha, mode, latencyMinMs, latencyMaxMs, loss, seed, maxFailures, rpcRetries, peerTimeoutMs,
                replicateOnJoin, pingSkipWindowMs, FAILURE_BACKOFF_MS, KadConfig.defaults().cacheOnFindValue(),
                KadConfig.defaults().scaleCacheTtl(), KadConfig.defaults().shareFailing(),
                KadConfig.defaults().evictStaleAlone());
    }

    /** Settings with the protocol's rules under failure. */
    public NetworkSettings(int nodes, int bits, int k, int alpha, LookupMode mode, long latencyMinMs, long latencyMaxMs,
                           double loss, long seed) {
        this(nodes, bits, k, alpha, mode, latencyMinMs, latencyMaxMs, loss, seed, KadConfig.defaults().maxFailures(),
                KadConfig.defaults().rpcRetries(), PEER_TIMEOUT_MS, KadConfig.defaults().replicateOnJoin(),
                KadConfig.defaults().pingSkipWindowMs());
    }

    /** RPC timeout of every network the window builds, in ms (short, so that timeouts are watchable). */
    public static final long RPC_TIMEOUT_MS = 1_000;
    /** Events of history the window keeps (what the event log export writes). */
    public static final int HISTORY = 2_000;
    /** The field names, as the settings form and the messages use them. */
    public static final String[] FIELDS = {"nodes", "bits", "k", "alpha", "lookup_mode", "latency_min", "latency_max",
            "loss", "seed", "max_failures", "rpc_retries", "peer_timeout_ms", "replicate_on_join", "ping_skip_window_ms",
            "failure_backoff_ms", "cache_on_find_value", "scale_cache_ttl", "share_failing", "evict_stale_alone"};

    /** The settings of {@code config} with {@code nodes} nodes. */
    public static NetworkSettings of(SimConfig config, int nodes) {
        KadConfig k = config.kad();
        return new NetworkSettings(nodes, k.bits(), k.k(), k.alpha(), k.lookupMode(), config.latencyMinMs(),
                config.latencyMaxMs(), config.loss(), config.seed(), k.maxFailures(), k.rpcRetries(), k.peerTimeoutMs(),
                k.replicateOnJoin(), k.pingSkipWindowMs(), k.failureBackoffMs(), k.cacheOnFindValue(), k.scaleCacheTtl(),
                k.shareFailing(), k.evictStaleAlone());
    }

    /**
     * Reads settings from field texts keyed by {@link #FIELDS}; a missing or malformed field fails
     * with an IllegalArgumentException whose message starts with the field's name.
     */
    public static NetworkSettings parse(Map<String, String> text) {
        int nodes = (int) whole(text, "nodes", 1, NetworkCommands.MAX_NODES);
        int bits = (int) whole(text, "bits", 1, 160);
        int k = (int) whole(text, "k", 1, 1_000);
        int alpha = (int) whole(text, "alpha", 1, 1_000);
        String m = value(text, "lookup_mode").toLowerCase(Locale.ROOT);
        LookupMode mode = switch (m) {
            case "sliding" -> LookupMode.SLIDING;
            case "rounds" -> LookupMode.ROUNDS;
            case "seed_rounds" -> LookupMode.SEED_ROUNDS;
            default -> throw new IllegalArgumentException("lookup_mode must be sliding, rounds or seed_rounds, was '" + m + "'");
        };
        long min = whole(text, "latency_min", 0, 3_600_000);
        long max = whole(text, "latency_max", 0, 3_600_000);
        double loss;
        try {
            loss = Double.parseDouble(value(text, "loss"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("loss must be a number in [0, 1), was '" + value(text, "loss") + "'");
        }
        long seed = whole(text, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        // the rules under failure: a form without them keeps the protocol's
        NetworkSettings d = new NetworkSettings(nodes, bits, k, alpha, mode, min, max, loss, seed);
        int maxFailures = text.containsKey("max_failures") ? (int) whole(text, "max_failures", 1, 1_000) : d.maxFailures();
        int retries = text.containsKey("rpc_retries") ? (int) whole(text, "rpc_retries", 0, KadConfig.MAX_RETRIES) : d.rpcRetries();
        long peer = text.containsKey("peer_timeout_ms") ? whole(text, "peer_timeout_ms", 1, RPC_TIMEOUT_MS) : d.peerTimeoutMs();
        boolean replicate = flag(text, "replicate_on_join", d.replicateOnJoin());
        long window = text.containsKey("ping_skip_window_ms") ? whole(text, "ping_skip_window_ms", 0, 86_400_000L)
                : d.pingSkipWindowMs();
        long backoff = text.containsKey("failure_backoff_ms")
                ? whole(text, "failure_backoff_ms", 0, KadConfig.MAX_FAILURE_BACKOFF_MS) : d.failureBackoffMs();
        NetworkSettings s = new NetworkSettings(nodes, bits, k, alpha, mode, min, max, loss, seed, maxFailures, retries,
                peer, replicate, window, backoff, flag(text, "cache_on_find_value", d.cacheOnFindValue()),
                flag(text, "scale_cache_ttl", d.scaleCacheTtl()), flag(text, "share_failing", d.shareFailing()),
                flag(text, "evict_stale_alone", d.evictStaleAlone()));
        s.toSimConfig();
        return s;
    }

    /** The simulation settings; throws IllegalArgumentException naming the field when one is impossible. */
    public SimConfig toSimConfig() {
        if (nodes < 1 || nodes > NetworkCommands.MAX_NODES) {
            throw new IllegalArgumentException("nodes must be between 1 and " + NetworkCommands.MAX_NODES + ", was " + nodes);
        }
        if (bits >= 1 && bits < 31 && nodes > (1L << bits)) {
            throw new IllegalArgumentException("nodes must fit the id space: at most " + (1L << bits) + " with "
                    + bits + "-bit ids, was " + nodes);
        }
        if (latencyMaxMs < latencyMinMs) {
            throw new IllegalArgumentException("latency_max " + latencyMaxMs + " is below latency_min " + latencyMinMs);
        }
        KadConfig kad = KadConfig.builder().bits(bits).k(k).alpha(alpha).lookupMode(mode).rpcTimeoutMs(RPC_TIMEOUT_MS)
                .maxFailures(maxFailures).rpcRetries(rpcRetries).peerTimeoutMs(peerTimeoutMs).replicateOnJoin(replicateOnJoin)
                .pingSkipWindowMs(pingSkipWindowMs).failureBackoffMs(failureBackoffMs).cacheOnFindValue(cacheOnFindValue)
                .scaleCacheTtl(scaleCacheTtl).shareFailing(shareFailing).evictStaleAlone(evictStaleAlone).build();
        return SimConfig.defaults().withSeed(seed).withKad(kad).withLatency(latencyMinMs, latencyMaxMs).withLoss(loss)
                .withHistoryCapacity(HISTORY);
    }

    /** The text of each field, keyed by {@link #FIELDS}. */
    public Map<String, String> toText() {
        return Map.ofEntries(Map.entry("nodes", String.valueOf(nodes)), Map.entry("bits", String.valueOf(bits)),
                Map.entry("k", String.valueOf(k)), Map.entry("alpha", String.valueOf(alpha)),
                Map.entry("lookup_mode", mode.name().toLowerCase(Locale.ROOT)),
                Map.entry("latency_min", String.valueOf(latencyMinMs)), Map.entry("latency_max", String.valueOf(latencyMaxMs)),
                Map.entry("loss", String.valueOf(loss)), Map.entry("seed", String.valueOf(seed)),
                Map.entry("max_failures", String.valueOf(maxFailures)), Map.entry("rpc_retries", String.valueOf(rpcRetries)),
                Map.entry("peer_timeout_ms", String.valueOf(peerTimeoutMs)),
                Map.entry("replicate_on_join", String.valueOf(replicateOnJoin)),
                Map.entry("ping_skip_window_ms", String.valueOf(pingSkipWindowMs)),
                Map.entry("failure_backoff_ms", String.valueOf(failureBackoffMs)),
                Map.entry("cache_on_find_value", String.valueOf(cacheOnFindValue)),
                Map.entry("scale_cache_ttl", String.valueOf(scaleCacheTtl)),
                Map.entry("share_failing", String.valueOf(shareFailing)),
                Map.entry("evict_stale_alone", String.valueOf(evictStaleAlone)));
    }

    /** A true/false setting, {@code otherwise} when the form has no such field. */
    private static boolean flag(Map<String, String> text, String field, boolean otherwise) {
        if (!text.containsKey(field)) {
            return otherwise;
        }
        String r = value(text, field).toLowerCase(Locale.ROOT);
        if (!r.equals("true") && !r.equals("false")) {
            throw new IllegalArgumentException(field + " must be true or false, was '" + r + "'");
        }
        return r.equals("true");
    }

    private static String value(Map<String, String> text, String field) {
        String v = text.get(field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(field + " is empty: type a value");
        }
        return v.strip();
    }

    private static long whole(Map<String, String> text, String field, long min, long max) {
        String v = value(text, field).replace("_", "").replace(",", "");
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, was '" + value(text, field) + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + n);
        }
        return n;
    }
}
