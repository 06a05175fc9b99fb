package org.kadlab.sim;

import java.util.Objects;
import org.kadlab.kad.KadConfig;

/**
 * The settings of one simulated network, validated on construction with messages naming the field.
 *
 * @param seed             the one seed of all randomness in the run
 * @param kad              the Kademlia parameters every node uses
 * @param latencyMinMs     smallest one-way message latency
 * @param latencyMaxMs     largest one-way message latency (uniform in between)
 * @param loss             probability that any one message is lost, in [0, 1)
 * @param checkInvariants  check the routing invariants after every event
 * @param historyCapacity  how many recent events to keep in memory (0 keeps none)
 */
public record SimConfig(long seed, KadConfig kad, long latencyMinMs, long latencyMaxMs, double loss,
                        boolean checkInvariants, int historyCapacity) {
    public SimConfig {
        Objects.requireNonNull(kad, "kad");
        if (latencyMinMs < 0) {
            throw new IllegalArgumentException("latency_ms minimum must not be negative, was " + latencyMinMs);
        }
        if (latencyMaxMs < latencyMinMs) {
            throw new IllegalArgumentException("latency_ms maximum " + latencyMaxMs + " is below the minimum " + latencyMinMs);
        }
        if (!(loss >= 0.0 && loss < 1.0)) {
            throw new IllegalArgumentException("loss must be in [0, 1), was " + loss);
        }
        if (historyCapacity < 0) {
            throw new IllegalArgumentException("history capacity must not be negative, was " + historyCapacity);
        }
    }

    /** Seed 1, the seed crate's Kademlia defaults, latency 10..80 ms, no loss, invariants off, 10,000 events kept. */
    public static SimConfig defaults() {
        return new SimConfig(1, KadConfig.defaults(), 10, 80, 0.0, false, 10_000);
    }

    public SimConfig withSeed(long v) {
        return new SimConfig(v, kad, latencyMinMs, latencyMaxMs, loss, checkInvariants, historyCapacity);
    }

    public SimConfig withKad(KadConfig v) {
        return new SimConfig(seed, v, latencyMinMs, latencyMaxMs, loss, checkInvariants, historyCapacity);
    }

    public SimConfig withLatency(long min, long max) {
        return new SimConfig(seed, kad, min, max, loss, checkInvariants, historyCapacity);
    }

    public SimConfig withLoss(double v) {
        return new SimConfig(seed, kad, latencyMinMs, latencyMaxMs, v, checkInvariants, historyCapacity);
    }

    public SimConfig withCheckInvariants(boolean v) {
        return new SimConfig(seed, kad, latencyMinMs, latencyMaxMs, loss, v, historyCapacity);
    }

    public SimConfig withHistoryCapacity(int v) {
        return new SimConfig(seed, kad, latencyMinMs, latencyMaxMs, loss, checkInvariants, v);
    }
}
