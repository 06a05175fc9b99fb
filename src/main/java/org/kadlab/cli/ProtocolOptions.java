package org.kadlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.LookupMode;
import picocli.CommandLine.Option;

/** The protocol options shared by {@code node} and {@code cluster}: id width, k, alpha, lookup mode, RPC timeout. */
final class ProtocolOptions {
    @Option(names = "--bits", defaultValue = "160", description = "id width, 1..160 (default ${DEFAULT-VALUE})")
    int bits;
    @Option(names = "--k", defaultValue = "20", description = "bucket size (default ${DEFAULT-VALUE})")
    int k;
    @Option(names = "--alpha", defaultValue = "3", description = "lookup parallelism (default ${DEFAULT-VALUE})")
    int alpha;
    @Option(names = "--lookup-mode", defaultValue = "sliding",
            description = "sliding, rounds or seed_rounds (default ${DEFAULT-VALUE})")
    String lookupMode;
    @Option(names = "--rpc-timeout-ms", defaultValue = "5000",
            description = "how long a request may stay unanswered (default ${DEFAULT-VALUE})")
    long rpcTimeoutMs;

    /** The protocol settings; an {@link IllegalArgumentException} naming the option when one is impossible. */
    KadConfig config() {
        LookupMode mode = switch (lookupMode.toLowerCase(Locale.ROOT)) {
            case "sliding" -> LookupMode.SLIDING;
            case "rounds" -> LookupMode.ROUNDS;
            case "seed_rounds" -> LookupMode.SEED_ROUNDS;
            default -> throw new IllegalArgumentException("--lookup-mode must be sliding, rounds or seed_rounds, was " + lookupMode);
        };
        if (rpcTimeoutMs < 1 || rpcTimeoutMs > 600_000) {
            throw new IllegalArgumentException("--rpc-timeout-ms must be 1..600000, was " + rpcTimeoutMs);
        }
        if (bits < 1 || bits > 160) {
            throw new IllegalArgumentException("--bits must be 1..160, was " + bits);
        }
        KadConfig.Builder b = KadConfig.builder().bits(bits).k(k).alpha(alpha).lookupMode(mode).rpcTimeoutMs(rpcTimeoutMs);
        // a lookup frees a silent peer's slot after the peer timeout, which may not exceed the RPC timeout
        b.peerTimeoutMs(Math.min(KadConfig.defaults().peerTimeoutMs(), rpcTimeoutMs));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("protocol options: " + e.getMessage(), e);
        }
    }

    /** These options as arguments of a child {@code node} command. */
    List<String> asArgs() {
        List<String> a = new ArrayList<>();
        a.add("--bits=" + bits);
        a.add("--k=" + k);
        a.add("--alpha=" + alpha);
        a.add("--lookup-mode=" + lookupMode);
        a.add("--rpc-timeout-ms=" + rpcTimeoutMs);
        return a;
    }
}
